import { createServer } from 'node:net';

export interface PortClaim {
  name: string;
  port: number;
  /** The variable that moves this listener elsewhere. */
  env: string;
}

export class PortInUseError extends Error {}

function isFree(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, host, () => probe.close(() => resolve(true)));
  });
}

/** Fails before anything starts, naming the port and how to move it, rather than half-starting. */
export async function checkPortsFree(host: string, claims: PortClaim[]): Promise<void> {
  const taken: PortClaim[] = [];
  for (const claim of claims) {
    if (!(await isFree(host, claim.port))) taken.push(claim);
  }
  if (taken.length === 0) return;
  const lines = taken.map(
    (c) =>
      `  ${host}:${c.port} (${c.name}) is in use — stop what holds it, or set ${c.env}=<another port>`,
  );
  throw new PortInUseError(
    `Cannot start: port${taken.length > 1 ? 's' : ''} already in use\n${lines.join('\n')}`,
  );
}
