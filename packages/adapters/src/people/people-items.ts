/**
 * The people record and the e-mail suppression list live in the single table, each in one
 * partition of its own: `PK = PEOPLE`, `SK = PERSON#<sub>`; `PK = EMAIL_SUPPRESSION`,
 * `SK = EMAIL#<lower-cased address>`. One partition each is enough for an organisation's people
 * (a few KiB per hundred) and lets the notifier read the members of a group with one Query.
 * `PK = PEOPLE`, `SK = VERSION` counts the writes to the record, so a reader that kept everyone
 * knows with one small read whether its copy is still the record.
 */
export const PEOPLE_PK = 'PEOPLE';
export const PERSON_SK_PREFIX = 'PERSON#';
export const PEOPLE_VERSION_KEY = { PK: PEOPLE_PK, SK: 'VERSION' } as const;
const SUPPRESSION_PK = 'EMAIL_SUPPRESSION';
const SUPPRESSION_SK_PREFIX = 'EMAIL#';
export const ENTITY_PERSON = 'PERSON';
export const ENTITY_SUPPRESSED_EMAIL = 'SUPPRESSED_EMAIL';

export const personKeyOf = (sub: string): { PK: string; SK: string } => ({
  PK: PEOPLE_PK,
  SK: `${PERSON_SK_PREFIX}${sub}`,
});

export const suppressionKeyOf = (email: string): { PK: string; SK: string } => ({
  PK: SUPPRESSION_PK,
  SK: `${SUPPRESSION_SK_PREFIX}${email.trim().toLowerCase()}`,
});
