import { mkdir, rename, stat, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { writeProfiles, type ElevateProfile } from './aws-config-profiles';

/** Rewrites Elevate's block in the AWS config file, keeping the file's mode (0600 when new). */
export async function writeProfilesFile(
  file: string,
  profiles: readonly ElevateProfile[],
  read: (path: string, encoding: 'utf8') => Promise<string>,
): Promise<{ skipped: string[] }> {
  let existing = '';
  let mode = 0o600;
  try {
    existing = await read(file, 'utf8');
    mode = (await stat(file)).mode & 0o777;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const { text, skipped } = writeProfiles(existing, profiles);
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, text, { mode });
  await rename(temporary, file);
  return { skipped };
}
