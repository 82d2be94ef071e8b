import { describe, expect, it } from 'vitest';
import { stripThinking, unwrapFence } from './answer.ts';
import { estimateTokens } from './tokens.ts';

describe('stripThinking', () => {
  it('drops closed and still-open think blocks', () => {
    expect(stripThinking('<think>a\n[1] no</think>\n[1] yes')).toBe('[1] yes');
    expect(stripThinking('Hello<think>still going')).toBe('Hello');
    expect(stripThinking('no thinking')).toBe('no thinking');
  });
});

describe('unwrapFence', () => {
  it('unwraps one outer fence, closed or not, and keeps inner ones', () => {
    expect(unwrapFence('```markdown\n## A\n```')).toBe('## A');
    expect(unwrapFence('```\n## A\nstill')).toBe('## A\nstill');
    expect(unwrapFence('## A\n```js\nx\n```')).toBe('## A\n```js\nx\n```');
  });
});

describe('estimateTokens', () => {
  it('counts dense scripts per character and Latin text per few characters', () => {
    expect(estimateTokens('')).toBe(0);
    expect(estimateTokens('你好，世界')).toBe(5);
    expect(estimateTokens('Hello from Zimu.')).toBe(5);
    expect(estimateTokens('こんにちは')).toBe(5);
  });
});
