import { describe, expect, it } from 'vitest';
import {
  BEGIN_MARKER,
  END_MARKER,
  profileName,
  shellWord,
  writeProfiles,
} from './aws-config-profiles';

const profile = (name: string) => ({
  name,
  credentialProcess: `elevate credential-process --x ${name}`,
});

describe('writeProfiles', () => {
  it('appends a marked block and leaves other profiles untouched', () => {
    const existing = '[default]\nregion = eu-west-1\n\n[profile mine]\noutput = json\n';
    const { text } = writeProfiles(existing, [profile('elevate-a-B')]);
    expect(text.startsWith(existing)).toBe(true);
    expect(text).toContain(
      `${BEGIN_MARKER}\n[profile elevate-a-B]\ncredential_process = elevate credential-process --x elevate-a-B\n\n${END_MARKER}\n`,
    );
  });

  it('replaces its own block on the next run, keeping what comes after it', () => {
    const first =
      writeProfiles('[default]\n', [profile('elevate-old')]).text +
      '\n[profile after]\nregion = us-east-1\n';
    const { text } = writeProfiles(first, [profile('elevate-new')]);
    expect(text).not.toContain('elevate-old');
    expect(text).toContain('[profile elevate-new]');
    expect(text).toContain('[profile after]\nregion = us-east-1');
    expect(text.match(new RegExp(BEGIN_MARKER.replace(/[()`]/g, '.'), 'g'))).toHaveLength(1);
  });

  it('never overwrites a profile of the same name outside its block', () => {
    const { text, skipped } = writeProfiles('[profile elevate-a-B]\nregion = x\n', [
      profile('elevate-a-B'),
      profile('elevate-c-D'),
    ]);
    expect(skipped).toEqual(['elevate-a-B']);
    expect(text.match(/\[profile elevate-a-B\]/g)).toHaveLength(1);
    expect(text).toContain('[profile elevate-c-D]');
  });

  it('names profiles elevate-<account>-<role> in the characters AWS allows, and quotes command words', () => {
    expect(profileName('production', 'Administrator')).toBe('elevate-production-Administrator');
    expect(profileName('data lake', 'Read/Only')).toBe('elevate-data-lake-Read-Only');
    expect(shellWord('/usr/bin/node')).toBe('/usr/bin/node');
    expect(shellWord('/Users/Jane Doe/elevate.js')).toBe('"/Users/Jane Doe/elevate.js"');
    expect(shellWord('a"$b')).toBe('"a\\"\\$b"');
  });
});
