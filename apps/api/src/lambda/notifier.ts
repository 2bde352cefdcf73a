// Placeholder entry so the CDK app can bundle and wire this function; issue 6 replaces it.
// It never pretends to work: every invocation logs one structured line and fails.

/** Lambda entry point of the notifier: DynamoDB stream records to SNS. */
export const handler = async (): Promise<never> => {
  console.log(
    JSON.stringify({ level: 'error', msg: 'not implemented yet', fn: 'notifier', issue: 6 }),
  );
  throw new Error('not implemented yet: see issue 6');
};
