import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Provider, type KoaContextWithOIDC } from './oidc-provider';
import * as z from 'zod/mini';
import type { Persona } from '../config/dev-config';
import {
  devIdpConfiguration,
  type DevIdpClient,
  type DevIdpNativeClient,
} from './dev-idp-configuration';
import { loadOrCreateIdpKeys } from './idp-key-store';
import { handleInteraction } from './interaction-routes';

export interface DevIdpOptions {
  host: string;
  /** 0 picks a free port; the issuer then carries the real one. */
  port: number;
  /** Keys are kept under `<dataDir>/idp/`. */
  dataDir: string;
  personas: Persona[];
  client: DevIdpClient;
  /** The `elevate` CLI's public client (loopback redirects, device grant); none when unset. */
  nativeClient?: DevIdpNativeClient | undefined;
  /** `aud` of the JWT access tokens the API accepts. */
  apiAudience: string;
  /** Name of the ID token claim that lists the persona's groups. */
  groupsClaim: string;
  /** One line per sign-in, token issue and error; never a token or code. */
  log?: (line: string) => void;
  accessTokenTtlSeconds?: number;
  idTokenTtlSeconds?: number;
}

export interface DevIdp {
  issuer: string;
  close(): Promise<void>;
}

const DEFAULT_TOKEN_TTL_SECONDS = 60 * 60;

const optionsSchema = z.object({
  host: z.string().check(z.minLength(1)),
  port: z.number().check(z.int(), z.minimum(0), z.maximum(65535)),
  dataDir: z.string().check(z.minLength(1)),
  personas: z.array(z.looseObject({ sub: z.string().check(z.minLength(1)) })).check(
    z.minLength(1),
    z.refine(
      (ps) => new Set(ps.map((p) => p.sub)).size === ps.length,
      'persona subs must be unique',
    ),
  ),
  client: z.object({
    clientId: z.string().check(z.minLength(1)),
    redirectUris: z.array(z.url()).check(z.minLength(1)),
    postLogoutRedirectUris: z.array(z.url()),
  }),
  nativeClient: z.optional(z.object({ clientId: z.string().check(z.minLength(1)) })),
  apiAudience: z.string().check(z.minLength(1)),
  groupsClaim: z.string().check(z.minLength(1)),
  accessTokenTtlSeconds: z.optional(z.number().check(z.int(), z.positive())),
  idTokenTtlSeconds: z.optional(z.number().check(z.int(), z.positive())),
});

/** Starts the dev OpenID provider on `host:port` and resolves once it accepts connections. */
export async function startDevIdp(options: DevIdpOptions): Promise<DevIdp> {
  const checked = optionsSchema.safeParse(options);
  if (!checked.success) {
    throw new Error(
      `Invalid dev IdP options: ${checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  }
  const log = options.log ?? (() => undefined);
  const keys = await loadOrCreateIdpKeys(options.dataDir);

  // Listen first: with port 0 the issuer must name the port the OS picked.
  const server = createServer();
  await listen(server, options.port, options.host);
  const { port } = server.address() as AddressInfo;
  const issuer = `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}`;

  const personaEmail = new Map(options.personas.map((p) => [p.sub, p.email]));
  const provider = new Provider(
    issuer,
    devIdpConfiguration(
      {
        personas: options.personas,
        client: options.client,
        nativeClient: options.nativeClient,
        apiAudience: options.apiAudience,
        groupsClaim: options.groupsClaim,
        accessTokenTtlSeconds: options.accessTokenTtlSeconds ?? DEFAULT_TOKEN_TTL_SECONDS,
        idTokenTtlSeconds: options.idTokenTtlSeconds ?? DEFAULT_TOKEN_TTL_SECONDS,
      },
      keys,
    ),
  );
  attachLogging(provider, log, personaEmail);
  // What oidc-provider's (filtered) in-memory-adapter warning means here, said once and plainly.
  log('sessions live in memory: restarting the IdP signs everyone out (its keys persist)');

  const callback = provider.callback();
  server.on('request', (req, res) => {
    handleInteraction({ provider, personas: options.personas, log }, req, res).then(
      (handled) => {
        if (!handled) void callback(req, res);
      },
      (error: unknown) => {
        log(`request failed: ${error instanceof Error ? error.message : 'unknown error'}`);
        if (!res.headersSent) res.writeHead(500).end();
      },
    );
  });

  log(
    `listening at ${issuer} for client ${options.client.clientId} (${options.personas.length} personas)`,
  );
  return {
    issuer,
    close: () => close(server),
  };
}

function attachLogging(
  provider: Provider,
  log: (line: string) => void,
  personaEmail: Map<string, string>,
): void {
  const who = (ctx: KoaContextWithOIDC): string => {
    const accountId = ctx.oidc.account?.accountId;
    return (accountId && personaEmail.get(accountId)) ?? accountId ?? 'unknown account';
  };
  provider.on('grant.success', (ctx) => {
    const { AuthorizationCode: code, RefreshToken: refresh } = ctx.oidc.entities;
    const amr = code?.amr ?? refresh?.amr ?? [];
    const grantType = String(ctx.oidc.params?.grant_type ?? 'unknown');
    log(
      `tokens issued (${grantType}) for ${who(ctx)} client=${ctx.oidc.client?.clientId ?? '?'} amr=${amr.join(',')}`,
    );
  });
  provider.on('end_session.success', (ctx) => {
    log(`signed out client=${ctx.oidc.client?.clientId ?? '?'}`);
  });
  // Error codes and descriptions only: oidc-provider's descriptions carry no token values.
  const logError =
    (where: string) =>
    (
      _ctx: KoaContextWithOIDC,
      err: { error?: string; error_description?: string; message: string },
    ) => {
      log(
        `${where} error ${err.error ?? err.message}${err.error_description ? `: ${err.error_description}` : ''}`,
      );
    };
  provider.on('authorization.error', logError('authorization'));
  provider.on('grant.error', logError('token'));
  provider.on('end_session.error', logError('end_session'));
  provider.on('server_error', logError('server'));
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    // Browsers keep connections alive; without this, close() would wait for them to time out.
    server.closeAllConnections();
  });
}
