import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { runCli } from '../run-cli';
import { fakeContext } from '../testing/fake-context';

async function bashScript(): Promise<string> {
  const { ctx, written, write } = fakeContext();
  await runCli(['completion', 'bash'], ctx, write);
  return written.join('');
}

/** Runs the completion function in a real bash, as the shell would on <TAB>. */
function complete(script: string, words: string[]): string[] {
  const result = spawnSync(
    'bash',
    [
      '-c',
      `${script}\nCOMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}; _elevate_complete; printf '%s\\n' "\${COMPREPLY[@]}"`,
    ],
    { encoding: 'utf8' },
  );
  return result.stdout.split('\n').filter(Boolean);
}

describe('bash completion', () => {
  it('completes commands, subcommands and options', async () => {
    const script = await bashScript();
    expect(complete(script, ['elevate', 'con'])).toEqual(['configure', 'console']);
    expect(complete(script, ['elevate', 'configure', 'p'])).toEqual(['profiles']);
    expect(complete(script, ['elevate', 'request', '--acc'])).toEqual(['--account']);
    expect(complete(script, ['elevate', 'credential-process', '--r'])).toEqual([
      '--role',
      '--region',
    ]);
  });
});
