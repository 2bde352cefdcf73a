// Placeholder entry so the CDK app can bundle and wire this function; issue 6 replaces it.
// It never pretends to work: every invocation logs one structured line and fails.

/** Lambda entry point of the sweeper: expires stale pending requests on a schedule. */
export const handler = async (): Promise<never> => {
  console.log(
    JSON.stringify({ level: 'error', msg: 'not implemented yet', fn: 'sweeper', issue: 6 }),
  );
  throw new Error('not implemented yet: see issue 6');
};
