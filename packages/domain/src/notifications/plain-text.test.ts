import { describe, expect, it } from 'vitest';
import { asciiSubject, plainText } from './plain-text';

describe('plainText', () => {
  it('turns controls, newlines and bidi overrides into single spaces', () => {
    expect(plainText('a\r\nb\u0000c\u202Ed\u2066e\u200Bf', 100)).toBe('a b c d e f');
  });

  it('cuts long text at a code point boundary with an ellipsis', () => {
    const cut = plainText('😀'.repeat(20), 10);
    expect([...cut]).toHaveLength(10);
    expect(cut.endsWith('…')).toBe(true);
    expect(cut).not.toMatch(/[\uD800-\uDFFF](?![\uDC00-\uDFFF])/u);
  });
});

describe('asciiSubject', () => {
  it('keeps printable ASCII only, dropping accents and replacing the rest', () => {
    expect(asciiSubject('Zoë Ærø — 日本 <x>\n\tdone')).toBe('Zoe ?r? ? ?? <x> done');
  });

  it('is at most the limit, marking the cut', () => {
    const subject = asciiSubject('x'.repeat(300), 100);
    expect(subject).toHaveLength(100);
    expect(subject.endsWith('...')).toBe(true);
  });
});
