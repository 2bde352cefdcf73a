import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import * as z from 'zod/mini';

const accessKeyId = z
  .string()
  .check(z.regex(/^[A-Z0-9]{16,128}$/, 'an access key id is 16-128 of A-Z0-9'));

const personaSchema = z.object({
  sub: z.string().check(z.minLength(1)),
  email: z.email(),
  name: z.string().check(z.minLength(1)),
  /** What this persona is for, shown on the sign-in page and in the ready banner. */
  role: z.string().check(z.minLength(1)),
  groups: z.array(z.string().check(z.minLength(1))),
});

const principalSchema = z.object({
  name: z.string().check(z.minLength(1)),
  /** The ARN GetCallerIdentity answers for these keys. */
  arn: z.string().check(z.startsWith('arn:aws:')),
  /** When the principal is a role session, the role's ARN: target roles trust this, and its calls chain. */
  roleArn: z.optional(z.string().check(z.startsWith('arn:aws:iam::'))),
  accessKeyId,
  secretAccessKey: z.string().check(z.minLength(16)),
});

const targetRoleSchema = z.object({
  name: z.string().check(z.regex(/^[\w+=,.@-]{1,64}$/)),
  maxSessionDurationSeconds: z.number().check(z.int(), z.minimum(3600), z.maximum(43200)),
});

export const devConfigSchema = z.object({
  idp: z.object({
    client: z.object({ clientId: z.string().check(z.minLength(1)) }),
    /** The `elevate` CLI's public client: loopback redirects and the device grant. */
    nativeClient: z.optional(z.object({ clientId: z.string().check(z.minLength(1)) })),
    apiAudience: z.string().check(z.minLength(1)),
    groupsClaim: z.string().check(z.minLength(1)),
  }),
  personas: z.array(personaSchema).check(z.minLength(1)),
  sts: z.object({
    regions: z.array(z.string().check(z.regex(/^[a-z]{2}(-[a-z]+)+-\d$/))).check(z.minLength(1)),
    principals: z.array(principalSchema).check(z.minLength(1)),
    targetRoles: z.object({
      accounts: z.array(z.string().check(z.regex(/^\d{12}$/))).check(z.minLength(1)),
      roles: z.array(targetRoleSchema).check(z.minLength(1)),
      trustedPrincipalArns: z
        .array(z.string().check(z.startsWith('arn:aws:iam::')))
        .check(z.minLength(1)),
      /**
       * Elevate's revoker role in every target account: trusts only these principals, and may
       * write only the one named inline policy on the target roles (the revocation deny).
       */
      revoker: z.optional(
        z.object({
          roleName: z.string().check(z.regex(/^[\w+=,.@-]{1,64}$/)),
          policyName: z.string().check(z.regex(/^[\w+=,.@-]{1,128}$/)),
          trustedPrincipalArns: z
            .array(z.string().check(z.startsWith('arn:aws:iam::')))
            .check(z.minLength(1)),
        }),
      ),
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
