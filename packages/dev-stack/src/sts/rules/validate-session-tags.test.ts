import { describe, expect, it } from 'vitest';
import { thrownStsError } from '../testing/fixtures';
import { validateSessionTags } from './validate-session-tags';

const tag = (Key: string | undefined, Value: string | undefined) => ({ Key, Value });

describe('validateSessionTags', () => {
  it('accepts up to 50 tags with keys of 1–128 and values of 0–256 characters, marking transitive ones', () => {
    const fifty = Array.from({ length: 50 }, (_, i) => tag(`k${i}`, ''));
    expect(validateSessionTags({ tags: fifty, transitiveTagKeys: [] }, [])).toHaveLength(50);
    const tags = validateSessionTags(
      {
        tags: [tag('k'.repeat(128), 'v'.repeat(256)), tag('elevate:request', 'r-1')],
        transitiveTagKeys: ['Elevate:Request'],
      },
      [],
    );
    expect(tags.map((t) => t.transitive)).toEqual([false, true]);
  });

  it('refuses 51 tags, a 129-character key, a 257-character value, a missing value and an aws: key', () => {
    const fiftyOne = Array.from({ length: 51 }, (_, i) => tag(`k${i}`, 'v'));
    expect(
      thrownStsError(() => validateSessionTags({ tags: fiftyOne, transitiveTagKeys: [] }, []))
        .message,
    ).toContain(
      "at 'tags' failed to satisfy constraint: Member must have length less than or equal to 50",
    );
    expect(
      thrownStsError(() =>
        validateSessionTags({ tags: [tag('k'.repeat(129), 'v')], transitiveTagKeys: [] }, []),
      ).message,
    ).toContain("at 'tags.1.member.key'");
    expect(
      thrownStsError(() =>
        validateSessionTags({ tags: [tag('k', 'v'.repeat(257))], transitiveTagKeys: [] }, []),
      ).code,
    ).toBe('ValidationError');
    expect(
      thrownStsError(() =>
        validateSessionTags({ tags: [tag('k', undefined)], transitiveTagKeys: [] }, []),
      ).message,
    ).toContain('Member must not be null');
    expect(
      thrownStsError(() =>
        validateSessionTags({ tags: [tag('aws:team', 'x')], transitiveTagKeys: [] }, []),
      ).code,
    ).toBe('ValidationError');
  });

  it('refuses keys that differ only in case, and transitive keys naming no tag', () => {
    expect(
      thrownStsError(() =>
        validateSessionTags(
          { tags: [tag('Team', 'a'), tag('team', 'b')], transitiveTagKeys: [] },
          [],
        ),
      ).message,
    ).toContain('Duplicate tag keys');
    expect(
      thrownStsError(() =>
        validateSessionTags({ tags: [tag('team', 'a')], transitiveTagKeys: ['project'] }, []),
      ).code,
    ).toBe('ValidationError');
  });

  it('keeps transitive tags from the calling session and refuses overriding them', () => {
    const inherited = [{ key: 'request', value: 'r-1', transitive: true }];
    expect(
      validateSessionTags({ tags: [tag('team', 'a')], transitiveTagKeys: [] }, inherited).map(
        (t) => t.key,
      ),
    ).toEqual(['request', 'team']);
    expect(
      thrownStsError(() =>
        validateSessionTags({ tags: [tag('Request', 'r-2')], transitiveTagKeys: [] }, inherited),
      ).code,
    ).toBe('ValidationError');
  });
});
