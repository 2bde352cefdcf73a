// oidc-provider warns, on stderr and in red, about two choices this local stand-in makes on purpose:
// it runs on Node 20 (the project's minimum; oidc-provider 9 asks for 22 but works), and it keeps
// sessions in its in-memory store. Neither is a fault of the developer's setup, so those two lines,
// and only those, are dropped; the IdP says what is true about the second in one line of its own
// (see start-dev-idp.ts). Imported before oidc-provider, whose runtime check runs as it loads.

const EXPECTED = [
  'oidc-provider WARNING: Unsupported runtime.',
  'oidc-provider WARNING: a quick start development-only in-memory adapter is used',
];

/** Whether a console.warn call is one of the two expected notices (plain or coloured for a TTY). */
export function isExpectedOidcWarning(args: readonly unknown[]): boolean {
  const [first] = args;
  return typeof first === 'string' && EXPECTED.some((expected) => first.includes(expected));
}

const warn = console.warn.bind(console);
console.warn = (...args: unknown[]) => {
  if (!isExpectedOidcWarning(args)) warn(...args);
};
