const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

const STYLE = `
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#16191f;background:#f2f3f3}
main{max-width:720px;margin:32px auto;padding:0 16px}
header{margin-bottom:20px}
h1{font-size:1.5rem;margin:0 0 4px}
.sub{color:#5f6b7a;margin:0}
.note{background:#fff8e6;border:1px solid #f5c24b;border-radius:8px;padding:10px 14px;margin:0 0 16px}
.panel{background:#fff;border:1px solid #d5dbdb;border-radius:8px;padding:16px;margin-bottom:16px}
.mfa{display:flex;gap:10px;align-items:center;font-weight:600}
.mfa input{width:18px;height:18px}
.hint{color:#5f6b7a;font-weight:400;font-size:.9rem}
ul.personas{list-style:none;margin:0;padding:0}
ul.personas li{display:flex;justify-content:space-between;align-items:center;gap:16px;padding:14px 0;border-top:1px solid #e9ebed}
ul.personas li:first-child{border-top:0}
.name{font-weight:600}
.email{color:#414d5c}
.role{color:#5f6b7a;font-size:.9rem}
.groups{margin-top:4px;display:flex;flex-wrap:wrap;gap:4px}
.group{background:#e9ebed;border-radius:10px;padding:0 8px;font-size:.8rem;font-family:ui-monospace,Menlo,monospace}
button{font:inherit;cursor:pointer;border-radius:20px;padding:6px 16px;border:2px solid #0972d3;background:#0972d3;color:#fff;font-weight:600;white-space:nowrap}
button:hover,button:focus-visible{background:#065299;border-color:#065299}
button.secondary{background:#fff;color:#0972d3}
button.secondary:hover,button.secondary:focus-visible{background:#f2f8fd}
dl{display:grid;grid-template-columns:max-content 1fr;gap:4px 12px;margin:0}
dt{font-weight:600}
dd{margin:0;word-break:break-word}
footer{color:#5f6b7a;font-size:.85rem}
`;

/** A complete HTML document; `bodyHtml` must already be escaped. */
export function renderPage(title: string, bodyHtml: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${bodyHtml}
</main>
</body>
</html>
`;
}
