import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import * as z from 'zod';

const accessKeyId = z.string().regex(/^[A-Z0-9]{16,128}$/, 'an access key id is 16-128 of A-Z0-9');

const personaSchema = z.object({
  sub: z.string().min(1),
  email: z.email(),
  name: z.string().min(1),
  /** What this persona is for, shown on the sign-in page and in the ready banner. */
  role: z.string().min(1),
  groups: z.array(z.string().min(1)),
});

const principalSchema = z.object({
  name: z.string().min(1),
  /** The ARN GetCallerIdentity answers for these keys. */
  arn: z.string().startsWith('arn:aws:'),
  /** When the principal is a role session, the role's ARN: target roles trust this, and its calls chain. */
  roleArn: z.string().startsWith('arn:aws:iam::').optional(),
  accessKeyId,
  secretAccessKey: z.string().min(16),
});

const targetRoleSchema = z.object({
  name: z.string().regex(/^[\w+=,.@-]{1,64}$/),
  maxSessionDurationSeconds: z.number().int().min(3600).max(43200),
});

export const devConfigSchema = z.object({
  idp: z.object({
    client: z.object({ clientId: z.string().min(1) }),
    /** The `elevate` CLI's public client: loopback redirects and the device grant. */
    nativeClient: z.object({ clientId: z.string().min(1) }).optional(),
    apiAudience: z.string().min(1),
    groupsClaim: z.string().min(1),
  }),
  personas: z.array(personaSchema).min(1),
  sts: z.object({
    regions: z.array(z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/)).min(1),
    principals: z.array(principalSchema).min(1),
    targetRoles: z.object({
      accounts: z.array(z.string().regex(/^\d{12}$/)).min(1),
      roles: z.array(targetRoleSchema).min(1),
      trustedPrincipalArns: z.array(z.string().startsWith('arn:aws:iam::')).min(1),
      /**
       * Elevate's revoker role in every target account: trusts only these principals, and may
       * write only the one named inline policy on the target roles (the revocation deny).
       */
      revoker: z
        .object({
          roleName: z.string().regex(/^[\w+=,.@-]{1,64}$/),
          policyName: z.string().regex(/^[\w+=,.@-]{1,128}$/),
          trustedPrincipalArns: z.array(z.string().startsWith('arn:aws:iam::')).min(1),
        })
        .optional(),
    }),
  }),
});

export type DevConfig = z.infer<typeof devConfigSchema>;
export type Persona = z.infer<typeof personaSchema>;
export type StsPrincipal = z.infer<typeof principalSchema>;

/** Reads and validates the dev stack's config; a broken file names the path inside it. */
export function loadDevConfig(file: string): DevConfig {
  const result = devConfigSchema.safeParse(parse(readFileSync(file, 'utf8')));
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new Error(`Invalid dev config ${file}:\n${lines.join('\n')}`);
  }
  return result.data;
}
