import { describe, expect, it } from 'vitest';
import { isExpectedOidcWarning } from './oidc-expected-warnings';

describe("oidc-provider's expected start-up warnings", () => {
  it('drops the runtime and in-memory adapter notices, coloured or not', () => {
    expect(
      isExpectedOidcWarning([
        'oidc-provider WARNING: Unsupported runtime. Use Node.js v22.x LTS, or a later LTS release.',
      ]),
    ).toBe(true);
    expect(
      isExpectedOidcWarning([
        '\x1b[31;1moidc-provider WARNING: a quick start development-only in-memory adapter is used, you MUST change it\x1b[0m',
      ]),
    ).toBe(true);
  });

  it('keeps every other warning, from oidc-provider or anyone', () => {
    expect(
      isExpectedOidcWarning([
        'oidc-provider WARNING: quick start development-only signing keys are used',
      ]),
    ).toBe(false);
    expect(isExpectedOidcWarning(['something else'])).toBe(false);
    expect(isExpectedOidcWarning([new Error('x')])).toBe(false);
  });
});
