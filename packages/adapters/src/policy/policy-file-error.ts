/** The policy file could not be used; `problems` name the path inside the file, one per line of `message`. */
export class PolicyFileError extends Error {
  override readonly name = 'PolicyFileError';
  constructor(
    readonly file: string,
    readonly problems: readonly string[],
  ) {
    super(
      `Invalid policy file ${file}:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`,
    );
  }
}
