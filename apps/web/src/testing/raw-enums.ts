import {
  accessPhaseSchema,
  decisionKindSchema,
  extensionStateSchema,
  historyEventTypeSchema,
  invitationStateSchema,
  postAccessReviewStateSchema,
  requestStatusSchema,
  sessionKindSchema,
} from '@elevate/contracts';

// Every enum value of the contracts a person could be shown by mistake (docs/glossary.md: "No raw
// enum is ever shown"). Upper-case ones must not appear anywhere as a word; lower-case ones
// (`cli`, `console`, `scheduled`, `active`) are ordinary words in sentences ("Access console"), so
// only a text or a name that is nothing but the value counts.
const UPPER = [
  ...requestStatusSchema.options,
  ...historyEventTypeSchema.options,
  ...decisionKindSchema.options,
  ...extensionStateSchema.options,
  ...invitationStateSchema.options,
  ...postAccessReviewStateSchema.options,
];
const LOWER = [...sessionKindSchema.options, ...accessPhaseSchema.options];

const UPPER_WORD = new RegExp(`\\b(${[...new Set(UPPER)].join('|')})\\b`);

/** The raw enum values a person would read or hear in this part of the page. */
export function rawEnumsIn(root: HTMLElement): string[] {
  const found = new Set<string>();
  const check = (text: string | null | undefined) => {
    if (!text) return;
    const match = UPPER_WORD.exec(text);
    if (match?.[1]) found.add(match[1]);
    const whole = text.trim();
    if ((LOWER as readonly string[]).includes(whole)) found.add(whole);
  };
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) check(node.textContent);
  for (const element of root.querySelectorAll('[aria-label], [title], [placeholder], [alt]')) {
    for (const name of ['aria-label', 'title', 'placeholder', 'alt'])
      check(element.getAttribute(name));
  }
  return [...found];
}
