import { describe, expect, it } from 'vitest';
import { layoutLines } from './line-layout.ts';
import { displayWidth, PROFILES, type ReadabilityProfile } from './profiles.ts';
import { tokenize } from './tokens.ts';

const en = PROFILES['netflix-en'];
const zh = PROFILES['netflix-zh-hans'];
const layout = (text: string, profile: ReadabilityProfile = en) => layoutLines(tokenize(text, profile), profile);

describe('layoutLines', () => {
  it('keeps text that fits on one line', () => {
    expect(layout('Where are you going?')).toBe('Where are you going?');
    expect(layout('  spaced   out  ')).toBe('spaced out');
  });

  it('balances two lines and prefers breaking after punctuation', () => {
    expect(layout('Nobody could have guessed, after all these years, what was in the box.')).toBe(
      'Nobody could have guessed, after all\nthese years, what was in the box.',
    );
    expect(layout('I told you already, we are not going to the party tonight.')).toBe(
      'I told you already,\nwe are not going to the party tonight.',
    );
  });

  it('does not end a line on an article or preposition, nor leave one word alone', () => {
    const text = layout('She walked all the way down to the river and sat on the old bench.');
    const [first = '', second = ''] = text.split('\n');
    expect(first).not.toMatch(/\b(the|to|and|on)$/);
    expect(second.split(' ').length).toBeGreaterThan(1);
  });

  it('sets Chinese without spaces and never splits a Latin word or URL', () => {
    const text = layout('我们用 Python 和 PyTorch 训练模型，然后部署上线。', zh);
    expect(text.split('\n')).toHaveLength(2);
    for (const line of text.split('\n')) expect(displayWidth(line, zh)).toBeLessThanOrEqual(16);
    expect(text.replace(/\n/g, ' ').replace(/\s+/g, '')).toBe('我们用Python和PyTorch训练模型，然后部署上线。');
    expect(text).toContain('PyTorch');
  });

  it('leaves a single word wider than a line on its own line', () => {
    const url = 'https://example.com/a/very/long/path/that/does/not/fit/anywhere';
    expect(layout(url)).toBe(url);
  });

  it('gives an empty string for no tokens', () => {
    expect(layoutLines([], en)).toBe('');
  });
});
