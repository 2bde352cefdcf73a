import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Time spent upstream (STS or the federation endpoint) per access key id, in ms. */
export class UpstreamTimes {
  private readonly byKey = new Map<string, number>();
  private readonly keyOfToken = new Map<string, string>();

  add(accessKeyId: string, ms: number): void {
    this.byKey.set(accessKeyId, (this.byKey.get(accessKeyId) ?? 0) + ms);
  }

  /** A console sign-in token belongs to the credentials it was made from. */
  linkToken(signinToken: string, accessKeyId: string): void {
    this.keyOfToken.set(signinToken, accessKeyId);
  }

  keyOfSigninToken(signinToken: string): string | undefined {
    return this.keyOfToken.get(signinToken);
  }

  /** The time recorded for these credentials, then forgotten. */
  take(accessKeyId: string): number | undefined {
    const ms = this.byKey.get(accessKeyId);
    this.byKey.delete(accessKeyId);
    return ms;
  }
}

/**
 * A reverse proxy in front of the STS or federation emulator that measures, per call, the time
 * from receiving the request to having sent the whole answer: the "time inside STS" the broker's
 * overhead excludes. Calls are attributed by the access key id they issue (AssumeRole) or spend
 * (getSigninToken). Credentials stay in memory, never printed.
 */
export async function startTimingProxy(
  upstream: string,
  times: UpstreamTimes,
): Promise<{
  url: string;
  close: () => Promise<void>;
}> {
  const target = new URL(upstream);
  const server: Server = createServer((req, res) => {
    const started = performance.now();
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const forward = request(
        {
          host: target.hostname,
          port: target.port,
          method: req.method,
          path: req.url,
          headers: req.headers,
        },
        (answer) => {
          const answerChunks: Buffer[] = [];
          answer.on('data', (chunk: Buffer) => answerChunks.push(chunk));
          answer.on('end', () => {
            const answerBody = Buffer.concat(answerChunks);
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            res.end(answerBody, () => attribute(body.toString(), answerBody.toString(), started));
          });
        },
      );
      forward.on('error', () => {
        res.writeHead(502);
        res.end();
      });
      forward.end(body);
    });
  });

  const attribute = (requestBody: string, answerBody: string, started: number) => {
    const ms = performance.now() - started;
    const issued = /<AccessKeyId>([^<]+)<\/AccessKeyId>/.exec(answerBody)?.[1];
    if (issued !== undefined) return times.add(issued, ms);
    const session = new URLSearchParams(requestBody).get('Session');
    if (session === null) return;
    const { sessionId } = JSON.parse(session) as { sessionId?: string };
    if (sessionId === undefined) return;
    times.add(sessionId, ms);
    const token = (JSON.parse(answerBody) as { SigninToken?: string }).SigninToken;
    if (token !== undefined) times.linkToken(token, sessionId);
  };

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
