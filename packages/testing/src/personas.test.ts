import { fileURLToPath } from 'node:url';
import { loadDevConfig } from '@elevate/dev-stack';
import { describe, expect, it } from 'vitest';
import { devStackPersonas } from './personas';

const DEV_STACK_CONFIG = fileURLToPath(new URL('../../../config/dev-stack.yaml', import.meta.url));

describe('the test personas', () => {
  it('are the dev IdP users of config/dev-stack.yaml, in its order', () => {
    const users = loadDevConfig(DEV_STACK_CONFIG).personas.map(({ sub, email, name, groups }) => ({
      sub,
      email,
      name,
      groups,
    }));
    expect(Object.values(devStackPersonas)).toEqual(users);
  });
});
