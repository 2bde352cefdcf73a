// Test support: the email addresses people really have, as fast-check arbitraries.
import fc from 'fast-check';

const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,20}[a-z0-9])?$/);
const domain = fc
  .tuple(
    fc.array(label, { minLength: 1, maxLength: 3 }),
    fc.constantFrom('com', 'de', 'io', 'co.uk', 'example'),
  )
  .map(([labels, tld]) => `${labels.join('.')}.${tld}`);
const asciiLocal = fc.stringMatching(/^[a-z0-9][a-z0-9._-]{0,30}$/);

/** Plain, plus-addressed, long (past 64 characters), Unicode (EAI) and mixed addresses. */
export const realisticEmail: fc.Arbitrary<string> = fc.oneof(
  fc.emailAddress(),
  fc.tuple(asciiLocal, domain).map(([local, d]) => `${local}@${d}`),
  fc
    .tuple(asciiLocal, fc.stringMatching(/^[a-z0-9._-]{1,20}$/), domain)
    .map(([local, tag, d]) => `${local}+${tag}@${d}`),
  fc.tuple(fc.stringMatching(/^[a-z]{30,64}$/), domain).map(([local, d]) => `${local}@${d}`),
  fc
    .tuple(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 24 }), domain)
    .filter(([local]) => !/[\s@]/u.test(local))
    .map(([local, d]) => `${local}@${d}`),
  fc
    .tuple(
      fc.constantFrom('jürgen', 'zoë', 'josé', 'françois', 'Дмитрий', '李雷', 'søren', 'ａｂｃ'),
      domain,
    )
    .map(([local, d]) => `${local}@${d}`),
);

/** IAM role names as the policy allows them. */
export const roleName: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('ReadOnly', 'PowerUser', 'Administrator', 'TempAccessRoleS3Admin'),
  fc.stringMatching(/^[\w+=,.@-]{1,64}$/),
);
