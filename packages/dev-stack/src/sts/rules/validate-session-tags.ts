import type { SessionTag } from '../emulator-state';
import { StsError, validationError } from '../sts-error';

const MAX_SESSION_TAGS = 50;
const KEY_PATTERN = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]+$/u;
const VALUE_PATTERN = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;

export interface RequestedTags {
  /** `Tags.member.N.Key` / `.Value` as sent; either may be missing. */
  tags: { Key: string | undefined; Value: string | undefined }[];
  /** `TransitiveTagKeys.member.N`. */
  transitiveTagKeys: string[];
}

function validateTag(
  tag: RequestedTags['tags'][number],
  position: number,
): { key: string; value: string } {
  const at = `tags.${position}.member`;
  if (tag.Key === undefined) throw validationError(null, `${at}.key`, 'Member must not be null');
  if (tag.Value === undefined)
    throw validationError(null, `${at}.value`, 'Member must not be null');
  if (tag.Key.length < 1)
    throw validationError(
      tag.Key,
      `${at}.key`,
      'Member must have length greater than or equal to 1',
    );
  if (tag.Key.length > 128)
    throw validationError(
      tag.Key,
      `${at}.key`,
      'Member must have length less than or equal to 128',
    );
  if (!KEY_PATTERN.test(tag.Key)) {
    throw validationError(
      tag.Key,
      `${at}.key`,
      'Member must satisfy regular expression pattern: [\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+',
    );
  }
  if (tag.Key.toLowerCase().startsWith('aws:')) {
    throw new StsError(
      'ValidationError',
      "Session tag keys can't begin with the reserved prefix 'aws:'.",
    );
  }
  if (tag.Value.length > 256) {
    throw validationError(
      tag.Value,
      `${at}.value`,
      'Member must have length less than or equal to 256',
    );
  }
  if (!VALUE_PATTERN.test(tag.Value)) {
    throw validationError(
      tag.Value,
      `${at}.value`,
      'Member must satisfy regular expression pattern: [\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*',
    );
  }
  return { key: tag.Key, value: tag.Value };
}

/**
 * Session tags: at most 50, key 1–128, value 0–256, keys unique ignoring case; TransitiveTagKeys name tags
 * being set. Transitive tags inherited through role chaining stay and can't be overridden.
 */
export function validateSessionTags(
  requested: RequestedTags,
  inheritedTransitive: readonly SessionTag[],
): SessionTag[] {
  if (requested.tags.length > MAX_SESSION_TAGS) {
    throw validationError(
      `[${requested.tags.length} tags]`,
      'tags',
      `Member must have length less than or equal to ${MAX_SESSION_TAGS}`,
    );
  }
  if (requested.transitiveTagKeys.length > MAX_SESSION_TAGS) {
    throw validationError(
      `[${requested.transitiveTagKeys.length} keys]`,
      'transitiveTagKeys',
      `Member must have length less than or equal to ${MAX_SESSION_TAGS}`,
    );
  }
  const tags = requested.tags.map((tag, i) => validateTag(tag, i + 1));
  const seen = new Set<string>();
  for (const { key } of tags) {
    const folded = key.toLowerCase();
    if (seen.has(folded)) {
      throw new StsError(
        'ValidationError',
        'Duplicate tag keys found. Please note that Tag keys are case insensitive.',
      );
    }
    seen.add(folded);
  }
  for (const key of requested.transitiveTagKeys) {
    if (!seen.has(key.toLowerCase())) {
      throw new StsError(
        'ValidationError',
        `The transitive tag key '${key}' is not one of the session tags passed in Tags.`,
      );
    }
  }
  for (const inherited of inheritedTransitive) {
    if (seen.has(inherited.key.toLowerCase())) {
      throw new StsError(
        'ValidationError',
        `The session tag '${inherited.key}' is transitive from the calling session and can't be overridden.`,
      );
    }
  }
  const transitive = new Set(requested.transitiveTagKeys.map((k) => k.toLowerCase()));
  return [
    ...inheritedTransitive,
    ...tags.map((t) => ({
      key: t.key,
      value: t.value,
      transitive: transitive.has(t.key.toLowerCase()),
    })),
  ];
}
