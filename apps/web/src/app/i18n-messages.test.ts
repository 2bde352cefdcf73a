import messages from '@cloudscape-design/components/i18n/messages/all.en';
import { describe, expect, it } from 'vitest';

describe('Cloudscape’s English messages', () => {
  it('come parsed (an AST per message), so the build can leave the ICU parser out (vite.config.ts)', () => {
    const texts: string[] = [];
    let parsed = 0;
    for (const [namespace, locales] of Object.entries(messages))
      for (const [locale, components] of Object.entries(locales))
        for (const [component, keys] of Object.entries(components))
          for (const [key, message] of Object.entries(keys)) {
            if (Array.isArray(message)) parsed += 1;
            else texts.push(`${namespace}.${locale}.${component}.${key}`);
          }
    expect(parsed).toBeGreaterThan(100);
    expect(texts).toEqual([]);
  });
});
