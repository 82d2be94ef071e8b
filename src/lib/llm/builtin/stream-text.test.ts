import { describe, expect, it } from 'vitest';
import { DeltaDecoder, readTextStream } from './stream-text.ts';

function decode(chunks: readonly string[]): string[] {
  const decoder = new DeltaDecoder();
  return [...chunks.map((chunk) => decoder.push(chunk)), decoder.end()].filter((delta) => delta !== '');
}

function streamOf(chunks: readonly unknown[]): ReadableStream<unknown> {
  return new ReadableStream<unknown>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });
}

describe('streamed summary chunks → deltas', () => {
  it('passes deltas through (the spec), holding only the first chunks while deciding', () => {
    expect(decode(['* One', '\n* Two', '\n* Three', '.']).join('')).toBe('* One\n* Two\n* Three.');
    expect(decode(['* One', '\n* Two', '\n* Three', '.']).at(-1)).toBe('.');
  });

  it('turns whole-text-so-far chunks (early Chrome) into deltas', () => {
    expect(decode(['He', 'Hello', 'Hello wor', 'Hello world'])).toEqual(['Hello wor', 'ld']);
  });

  it('decides at the end for short streams', () => {
    expect(decode(['Only'])).toEqual(['Only']);
    expect(decode(['Hi', 'Hi there'])).toEqual(['Hi there']);
    expect(decode(['Hi', ' there'])).toEqual(['Hi there']);
    expect(decode([])).toEqual([]);
  });

  it('takes deltas that happen to repeat the first chunk once as deltas', () => {
    expect(decode(['*', '** bold', ' text']).join('')).toBe('*** bold text');
  });

  it('skips a cumulative chunk that rewrites the text instead of extending it', () => {
    expect(decode(['A', 'AB', 'ABC', 'AXY', 'ABCD']).join('')).toBe('ABCD');
  });

  it('reads a stream to the end, emitting each delta', async () => {
    const deltas: string[] = [];
    expect(await readTextStream(streamOf(['a', 'b', 'c', 'd']), (d) => deltas.push(d))).toBe('abcd');
    expect(deltas.join('')).toBe('abcd');
  });

  it('fails on a chunk that is not text', async () => {
    await expect(readTextStream(streamOf(['a', 1]), () => undefined)).rejects.toThrow(TypeError);
  });
});
