/** Every local listener, its default port and the variable that moves it. Loopback only. */
export const HOST = '127.0.0.1';

export const portSettings = {
  web: { env: 'ELEVATE_WEB_PORT', default: 5173 },
  api: { env: 'ELEVATE_API_PORT', default: 8787 },
  idp: { env: 'ELEVATE_IDP_PORT', default: 9400 },
  dynamodb: { env: 'ELEVATE_DYNAMODB_PORT', default: 8000 },
  /** The first STS region listens here; each further region in the failover order on the next port. */
  sts: { env: 'ELEVATE_STS_PORT', default: 9100 },
} as const;

export type Listener = keyof typeof portSettings;
export type Ports = Record<Listener, number>;

export function resolvePorts(env: NodeJS.ProcessEnv = process.env): Ports {
  const entries = Object.entries(portSettings).map(([name, setting]) => {
    const raw = env[setting.env];
    const port = raw === undefined || raw === '' ? setting.default : Number(raw);
    if (!Number.isInteger(port) || port < 1 || port > 65535) {
      throw new Error(`${setting.env}=${raw} is not a port number`);
    }
    return [name, port];
  });
  return Object.fromEntries(entries) as Ports;
}
