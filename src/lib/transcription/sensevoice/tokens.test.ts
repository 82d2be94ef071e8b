import { describe, expect, it } from 'vitest';
import { parseTokens, pieceOf, tokensToText } from './tokens.ts';

const TOKENS = ['<unk> 0', '<s> 1', '</s> 2', '▁hello 3', '▁world 4', '你 5', '好 6', '。 7', '<|zh|> 8', '<|NEUTRAL|> 9', '<|Speech|> 10', '<|withitn|> 11', '<|en|> 12', ', 13'].join('\n');

describe('parseTokens', () => {
  it('reads `piece id` lines into a table by id, tolerating CRLF and blank lines', () => {
    const table = parseTokens(TOKENS.replaceAll('\n', '\r\n') + '\n\n');
    expect(table).toHaveLength(14);
    expect(table[3]).toBe('▁hello');
    expect(table[8]).toBe('<|zh|>');
  });
  it('reads a line with only an id as the space piece, and rejects malformed lines', () => {
    expect(parseTokens('a 0\n 1\n')[1]).toBe(' ');
    expect(() => parseTokens('a b c')).toThrow(SyntaxError);
    expect(() => parseTokens('a x')).toThrow(SyntaxError);
  });
});

describe('tokensToText', () => {
  const table = parseTokens(TOKENS);
  it('splits off the four leading tags and joins CJK pieces without spaces', () => {
    const got = tokensToText([8, 9, 10, 11, 5, 6, 7], table);
    expect(got.text).toBe('你好。');
    expect(got.tags).toEqual({ language: 'zh', emotion: 'NEUTRAL', event: 'Speech', textNorm: 'withitn' });
    expect(got.pieces.map((p) => p.index)).toEqual([4, 5, 6]);
  });
  it('turns ▁ into a space between words and trims the first', () => {
    expect(tokensToText([12, 9, 10, 11, 3, 13, 4], table).text).toBe('hello, world');
    expect(pieceOf(3, table)).toBe(' hello');
  });
  it('reports fewer tags when the model emitted fewer, and drops stray tags later on', () => {
    const got = tokensToText([12, 3, 8, 4], table);
    expect(got.tags).toEqual({ language: 'en' });
    expect(got.text).toBe('hello world');
    expect(tokensToText([], table)).toEqual({ text: '', tags: {}, pieces: [] });
  });
});
