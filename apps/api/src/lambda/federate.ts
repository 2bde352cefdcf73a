// Placeholder entry so the CDK app can bundle and wire this function; issue 4 replaces it.
// It never pretends to work: every invocation logs one structured line and fails.

/** Lambda entry point of the federation: assumes approved target roles (POST /requests/{id}/sessions). */
export const handler = async (): Promise<never> => {
  console.log(
    JSON.stringify({ level: 'error', msg: 'not implemented yet', fn: 'federate', issue: 4 }),
  );
  throw new Error('not implemented yet: see issue 4');
};
