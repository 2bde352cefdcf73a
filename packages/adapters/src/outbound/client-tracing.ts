/** What a process does to each AWS SDK client it builds; by default, nothing. */
type ClientInstrument = <Client>(client: Client) => Client;

let instrument: ClientInstrument = (client) => client;

/**
 * Called once, before anything is composed, by a process that traces its calls: the Lambda
 * functions hand in X-Ray's (Powertools Tracer's `captureAWSv3Client`), so every SDK call made
 * through a client built here becomes a subsegment. The adapters build their clients deep inside
 * (one per STS region, one per revoker account), so a hook reaches them all where passing a
 * tracer down would thread it through every constructor.
 */
export function traceAwsClientsWith(next: ClientInstrument): void {
  instrument = next;
}

/** Every AWS SDK client Elevate builds goes through here (every-client-is-bounded-and-traced.test.ts). */
export const traced = <Client>(client: Client): Client => instrument(client);
