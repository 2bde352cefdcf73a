import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JWTPayload } from 'jose';
import { ID_TOKEN_HEADER } from '@elevate/contracts';
import { composeApp } from './compose-app';
import { loadConfig } from '../config';
import { createJsonLogger } from '../logger';
import {
  createTestKey,
  EXAMPLE_COMPILED_POLICY_FILE,
  EXAMPLE_POLICY_FILE,
  startTestIssuer,
} from '@elevate/testing';
import type { TestIssuer, TestKey } from '@elevate/testing';

// Real JWTs through config → verifier → app: proves the wiring; the attack matrix lives in adapters.
let idp: TestIssuer;

beforeAll(async () => {
  idp = await startTestIssuer({ alg: 'ES256' });
});

afterAll(() => idp.close());

function sign(payload: JWTPayload, typ: string, key?: TestKey) {
  const seconds = Math.floor(Date.now() / 1000);
  return idp.sign(
    { iss: idp.issuer, sub: 'user-rita', iat: seconds, exp: seconds + 300, ...payload },
    // A stranger's key under the issuer's key id: only the signature can tell them apart.
    { typ, ...(key === undefined ? {} : { key, kid: idp.keys[0]?.kid ?? '' }) },
  );
}

function app(env: Record<string, string> = {}) {
  const config = loadConfig({
    ELEVATE_IDP_ISSUER: idp.issuer,
    ELEVATE_API_AUDIENCE: 'urn:elevate:api',
    ELEVATE_CLIENT_ID: 'elevate-web',
    ELEVATE_WEB_ORIGIN: 'http://127.0.0.1:5173',
    ELEVATE_POLICY_FILE: EXAMPLE_COMPILED_POLICY_FILE,
    ...env,
  });
  return composeApp(config, { logger: createJsonLogger({ level: 'silent' }) }).app;
}

describe('the composed app with the real verifier', () => {
  it('answers /me for tokens signed by the configured issuer', async () => {
    const access = await sign({ aud: 'urn:elevate:api', client_id: 'elevate-web' }, 'at+jwt');
    const id = await sign(
      {
        aud: 'elevate-web',
        email: 'rita@example.com',
        name: 'Rita Reviewer',
        groups: ['reviewers'],
        amr: ['pwd'],
      },
      'JWT',
    );
    const response = await app().request('/me', {
      headers: { authorization: `Bearer ${access}`, [ID_TOKEN_HEADER]: id },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      sub: 'user-rita',
      email: 'rita@example.com',
      name: 'Rita Reviewer',
      groups: ['reviewers'],
      amr: ['pwd'],
      eligibility: { entries: [], roles: { reviewer: true, auditor: false, admin: false } },
    });
  });

  it('takes Cognito-shaped tokens only when configured to read the audience from client_id', async () => {
    const access = await sign({ client_id: 'elevate-web', token_use: 'access' }, 'JWT');
    const id = await sign(
      { aud: 'elevate-web', token_use: 'id', email: 'rita@example.com', groups: ['reviewers'] },
      'JWT',
    );
    const headers = { authorization: `Bearer ${access}`, [ID_TOKEN_HEADER]: id };
    const cognito = app({
      ELEVATE_API_AUDIENCE: 'elevate-web',
      ELEVATE_ACCESS_TOKEN_AUDIENCE_CLAIM: 'client_id',
      ELEVATE_REQUIRE_AT_JWT: 'false',
    });
    expect((await cognito.request('/me', { headers })).status).toBe(200);
    const byAud = app({ ELEVATE_API_AUDIENCE: 'elevate-web', ELEVATE_REQUIRE_AT_JWT: 'false' });
    const refused = await byAud.request('/me', { headers });
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ code: 'TOKEN_INVALID' });
  });

  it('refuses tokens signed by anyone else with a 401', async () => {
    const stranger = await createTestKey('ES256');
    const access = await sign({ aud: 'urn:elevate:api' }, 'at+jwt', stranger);
    const id = await sign({ aud: 'elevate-web', email: 'rita@example.com' }, 'JWT', stranger);
    const response = await app().request('/me', {
      headers: { authorization: `Bearer ${access}`, [ID_TOKEN_HEADER]: id },
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ code: 'TOKEN_INVALID' });
  });
});

describe('start-up with a policy the API cannot enforce', () => {
  const base = {
    ELEVATE_IDP_ISSUER: 'http://127.0.0.1:9',
    ELEVATE_API_AUDIENCE: 'urn:elevate:api',
    ELEVATE_CLIENT_ID: 'elevate-web',
  };
  const silent = { logger: createJsonLogger({ level: 'silent' }) };

  it('stops with the paths inside a broken compiled policy file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'elevate-policy-'));
    const file = join(dir, 'policy.json');
    const policy = JSON.parse(readFileSync(EXAMPLE_COMPILED_POLICY_FILE, 'utf8')) as {
      rules: Record<string, unknown>[];
    };
    Object.assign(policy.rules[0] ?? {}, { maxDurationMinutes: 48000 });
    Object.assign(policy.rules[2] ?? {}, { approverGroups: 'reviewers' });
    writeFileSync(file, JSON.stringify(policy));
    try {
      const config = loadConfig({ ...base, ELEVATE_POLICY_FILE: file });
      expect(() => composeApp(config, silent)).toThrow(
        /rules\[0\]\.maxDurationMinutes[\s\S]*rules\[2\]\.approverGroups/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses the YAML source: functions read only the JSON infra compiles at synth', () => {
    const config = loadConfig({ ...base, ELEVATE_POLICY_FILE: EXAMPLE_POLICY_FILE });
    expect(() => composeApp(config, silent)).toThrow(/not compiled policy JSON/);
  });

  it('stops naming ELEVATE_POLICY_FILE when it is not set', () => {
    expect(() => composeApp(loadConfig(base), silent)).toThrow(/ELEVATE_POLICY_FILE/);
  });

  it('refuses to start when a step-up rule can never be met with the configured IdP, naming the settings', () => {
    const cognito = {
      ...base,
      ELEVATE_IDP_PROVIDER: 'cognito',
      ELEVATE_POLICY_FILE: EXAMPLE_COMPILED_POLICY_FILE,
    };
    expect(() => composeApp(loadConfig(cognito), silent)).toThrow(
      /ask for step-up.*ELEVATE_IDP_PROVIDER=cognito.*ELEVATE_MFA_ENFORCED_BY_IDP=true/s,
    );
    expect(() =>
      composeApp(loadConfig({ ...cognito, ELEVATE_MFA_ENFORCED_BY_IDP: 'true' }), silent),
    ).not.toThrow();
  });
});
