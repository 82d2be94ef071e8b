import { describe, expect, it } from 'vitest';
import { PROFILES } from './profiles.ts';
import { tokenize } from './tokens.ts';

const en = PROFILES['netflix-en'];
const zh = PROFILES['netflix-zh-hans'];
const texts = (text: string, profile = zh) => tokenize(text, profile).map((token) => token.text);

describe('tokenize', () => {
  it('keeps Latin words, numbers, URLs and addresses whole', () => {
    const tokens = texts('Pi is 3.14, about 1,000,000 came at 12:30. See https://example.com/a?b=1,2 or me@example.org!', en);
    expect(tokens).toEqual(['Pi', 'is', '3.14,', 'about', '1,000,000', 'came', 'at', '12:30.', 'See', 'https://example.com/a?b=1,2', 'or', 'me@example.org!']);
  });

  it('splits Chinese at word boundaries and keeps embedded Latin, numbers and URLs whole', () => {
    expect(texts('我们用 Python 和 PyTorch 训练模型，然后部署到 https://example.com/api 上。')).toEqual([
      '我们',
      '用',
      'Python',
      '和',
      'PyTorch',
      '训练',
      '模型，',
      '然后',
      '部署',
      '到',
      'https://example.com/api',
      '上。',
    ]);
    const numbers = texts('圆周率是3.14，有1,000,000人在12:30到达。');
    for (const whole of ['3.14，', '1,000,000', '12:30']) expect(numbers).toContain(whole);
  });

  it('keeps punctuation and particles with their word', () => {
    expect(texts('他说：“你好！”（真的）')).toEqual(['他', '说：', '“你好！”', '（真的）']);
    expect(texts('東京に行きます。今日は雨です。', PROFILES.cjk)).toEqual(['東京に', '行きます。', '今日は', '雨です。']);
    expect(texts('行きます。これは本です。', PROFILES.cjk)).toEqual(['行きます。', 'これは', '本です。']);
    expect(texts('“Well,” he said — “maybe.”', en)).toEqual(['“Well,”', 'he', 'said', '—', '“maybe.”']);
  });

  it('records spacing, widths and offsets among the non-space characters', () => {
    const tokens = tokenize('用 Python 训练', zh);
    expect(tokens.map((t) => [t.text, t.spaced, t.width, t.offset])).toEqual([
      ['用', false, 1, 0],
      ['Python', true, 3, 1],
      ['训练', true, 2, 7],
    ]);
  });

  it('classifies the gap after each token', () => {
    const boundaries = (text: string) => tokenize(text, en).map((t) => t.boundary);
    expect(boundaries('Yes. No, maybe; Mr. Smith (again) said "done!"')).toEqual([
      'sentence',
      'clause',
      'clause',
      'word',
      'clause',
      'word',
      'word',
      'sentence',
    ]);
    expect(tokenize('模型，然后。', zh).map((t) => t.boundary)).toEqual(['clause', 'sentence']);
    expect(boundaries('J. K. wrote it, and so did I. Then')).toEqual(['word', 'word', 'word', 'clause', 'word', 'word', 'word', 'sentence', 'word']);
    expect(tokenize('go to the end', en).map((t) => t.leansForward)).toEqual([false, true, true, false]);
  });

  it('gives nothing for blank text', () => {
    expect(tokenize(' \n ', en)).toEqual([]);
  });
});
