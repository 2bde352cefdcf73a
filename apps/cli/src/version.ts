/** Replaced by the bundler with apps/cli/package.json's version. */
declare const ELEVATE_CLI_VERSION: string | undefined;
export const VERSION: string =
  typeof ELEVATE_CLI_VERSION === 'string' ? ELEVATE_CLI_VERSION : '0.0.0-dev';
