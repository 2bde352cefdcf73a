/** The block `elevate configure profiles` owns in ~/.aws/config; everything outside it is left alone. */
export const BEGIN_MARKER =
  '# >>> elevate profiles (managed by `elevate configure profiles`; edits here are replaced) >>>';
export const END_MARKER = '# <<< elevate profiles <<<';

export interface ElevateProfile {
  name: string;
  /** The whole `credential_process` command line. */
  credentialProcess: string;
  region?: string | undefined;
}

/** `elevate-<account>-<role>`, in the characters AWS profile names may use. */
export function profileName(accountName: string, roleName: string): string {
  return `elevate-${accountName}-${roleName}`.replace(/[^A-Za-z0-9_.+@-]/g, '-').slice(0, 64);
}

/** Quotes one argument of `credential_process` the way the AWS CLI splits it (POSIX shell words). */
export function shellWord(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `"${value.replace(/(["\\$`])/g, '\\$1')}"`;
}

function renderBlock(profiles: readonly ElevateProfile[]): string {
  const sections = profiles.map((p) =>
    [
      `[profile ${p.name}]`,
      `credential_process = ${p.credentialProcess}`,
      ...(p.region === undefined ? [] : [`region = ${p.region}`]),
    ].join('\n'),
  );
  return [BEGIN_MARKER, ...sections.flatMap((s) => [s, '']), END_MARKER].join('\n');
}

/**
 * The config file with Elevate's block replaced (or appended), other profiles untouched. A profile
 * of the same name outside the block is left alone and reported, never duplicated or overwritten.
 */
export function writeProfiles(
  existing: string,
  profiles: readonly ElevateProfile[],
): { text: string; skipped: string[] } {
  const begin = existing.indexOf(BEGIN_MARKER);
  const end = existing.indexOf(END_MARKER, begin === -1 ? 0 : begin);
  const hasBlock = begin !== -1 && end !== -1;
  const before = hasBlock ? existing.slice(0, begin) : existing;
  const after = hasBlock ? existing.slice(end + END_MARKER.length) : '';
  const outside = `${before}\n${after}`;
  const taken = new Set(
    [...outside.matchAll(/^\s*\[\s*profile\s+([^\]\s]+)\s*\]/gm)].map((m) => m[1] ?? ''),
  );
  const skipped = profiles.filter((p) => taken.has(p.name)).map((p) => p.name);
  const kept = profiles.filter((p) => !taken.has(p.name));
  const head =
    before.length === 0 || before.endsWith('\n\n') ? before : `${before.replace(/\n*$/, '')}\n\n`;
  const text = `${before.trim() === '' ? '' : head}${renderBlock(kept)}${after.length > 0 ? after : '\n'}`;
  return { text, skipped };
}
