import { createServer, request as httpRequest } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the proxy does to the next calls. */
export type FaultMode =
  | 'pass'
  /** Holds every call (a paused store); on resume they reach the store, answered or not. */
  | 'pause'
  /** Answers DynamoDB's throttling error. */
  | 'throttle'
  /** Answers HTTP 500. */
  | 'error5xx';

/**
 * A fault proxy in front of the local DynamoDB for the fault suite: passes calls through, or
 * pauses, throttles or fails them, and can apply a write and then lose its answer (the socket is
 * destroyed after the store answered) — the case a retried conditional write must survive.
 */
export class FaultProxy {
  mode: FaultMode = 'pass';
  /** Writes (PutItem/UpdateItem) still to apply-and-lose. */
  loseWriteAnswers = 0;
  readonly #server: Server;
  readonly #held: Array<() => void> = [];
  calls = 0;

  private constructor(readonly target: string) {
    this.#server = createServer((req, res) => void this.#handle(req, res));
  }

  static async start(target: string): Promise<FaultProxy & { url: string }> {
    const proxy = new FaultProxy(target);
    await new Promise<void>((done) => proxy.#server.listen(0, '127.0.0.1', done));
    const { port } = proxy.#server.address() as AddressInfo;
    return Object.assign(proxy, { url: `http://127.0.0.1:${port}` });
  }

  resume(): void {
    this.mode = 'pass';
    for (const release of this.#held.splice(0)) release();
  }

  async close(): Promise<void> {
    this.resume();
    this.#server.closeAllConnections();
    await new Promise<void>((done) => this.#server.close(() => done()));
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    this.calls += 1;
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const target = String(req.headers['x-amz-target'] ?? '');
    if (this.mode === 'pause') await new Promise<void>((release) => this.#held.push(release));
    if (this.mode === 'throttle') {
      res.writeHead(400, { 'content-type': 'application/x-amz-json-1.0' });
      res.end(
        JSON.stringify({
          __type: 'com.amazonaws.dynamodb.v20120810#ThrottlingException',
          message: 'slow down',
        }),
      );
      return;
    }
    if (this.mode === 'error5xx') {
      res.writeHead(500, { 'content-type': 'application/x-amz-json-1.0' });
      res.end(
        JSON.stringify({
          __type: 'com.amazonaws.dynamodb.v20120810#InternalServerError',
          message: 'boom',
        }),
      );
      return;
    }
    const lose =
      this.loseWriteAnswers > 0 &&
      /\.(PutItem|UpdateItem)$/.test(target) &&
      !body.includes('OUTBOX');
    if (lose) this.loseWriteAnswers -= 1;
    const upstream = httpRequest(
      `${this.target}${req.url ?? '/'}`,
      { method: req.method, headers: req.headers },
      (answer) => {
        const parts: Buffer[] = [];
        answer.on('data', (part: Buffer) => parts.push(part));
        answer.on('end', () => {
          // Applied by the store; the caller never hears of it.
          if (lose) {
            req.socket.destroy();
            return;
          }
          if (res.destroyed) return;
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          res.end(Buffer.concat(parts));
        });
      },
    );
    upstream.on('error', () => res.destroy());
    upstream.end(body);
  }
}
