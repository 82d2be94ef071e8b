/**
 * Reading `summarizeStreaming()`. The spec enqueues each new piece of the answer (a delta:
 * https://webmachinelearning.github.io/writing-assistance-apis/, "get a streaming AI model
 * result"), but Chrome's first implementations sent the whole text so far in every chunk
 * (https://issues.chromium.org/issues/342939486, noted for the Prompt API). Both are handled: the
 * first chunks are held until the stream shows which kind it is.
 */

/** Chunks to look at before deciding; two deltas that each start with all before are unlikely. */
const CHUNKS_TO_DECIDE = 3;

/**
 * Turns the chunks of a streamed answer into deltas, whether the browser sends deltas or the
 * whole text so far. Pure (no I/O); `push` each chunk, then `end()` once.
 *
 * @example
 * const deltas = new DeltaDecoder();
 * ['Hel', 'Hello', 'Hello!'].map((c) => deltas.push(c)).join('') + deltas.end(); // 'Hello!'
 * ['Hel', 'lo', '!'].map((c) => deltas.push(c)).join('') + deltas.end(); // 'Hello!'
 */
export class DeltaDecoder {
  #mode: 'deciding' | 'delta' | 'cumulative' = 'deciding';
  #held: string[] = [];
  /** Everything handed out so far. */
  #sent = '';

  /** The delta to emit for this chunk ('' while still deciding). */
  push(chunk: string): string {
    if (chunk === '') return '';
    if (this.#mode === 'delta') return this.#send(chunk);
    if (this.#mode === 'cumulative') return this.#sendCumulative(chunk);
    this.#held.push(chunk);
    return this.#held.length < CHUNKS_TO_DECIDE ? '' : this.#decide();
  }

  /** What is still held when the stream ends. */
  end(): string {
    return this.#mode === 'deciding' ? this.#decide() : '';
  }

  #decide(): string {
    const held = this.#held;
    this.#held = [];
    const last = held.at(-1);
    const cumulative = held.length > 1 && held.every((chunk, i) => i === 0 || growsFrom(held[i - 1] ?? '', chunk));
    if (cumulative && last !== undefined) {
      this.#mode = 'cumulative';
      return this.#sendCumulative(last);
    }
    this.#mode = 'delta';
    return this.#send(held.join(''));
  }

  #sendCumulative(chunk: string): string {
    // A chunk that does not extend what was sent would rewrite it, which deltas cannot express:
    // it is skipped, and the stream goes on from the next chunk that does extend it.
    if (!growsFrom(this.#sent, chunk)) return '';
    return this.#send(chunk.slice(this.#sent.length));
  }

  #send(delta: string): string {
    this.#sent += delta;
    return delta;
  }
}

/**
 * Reads a stream of text chunks to its end, handing each delta to `onDelta`; resolves with the
 * whole text. A chunk that is not a string ends the read with a TypeError.
 *
 * @example
 * const text = await readTextStream(summarizer.summarizeStreaming(input, { signal }), (delta) => show(delta));
 */
export async function readTextStream(stream: ReadableStream<unknown>, onDelta: (delta: string) => void): Promise<string> {
  const reader = stream.getReader();
  const deltas = new DeltaDecoder();
  let text = '';
  const emit = (delta: string) => {
    if (delta === '') return;
    text += delta;
    onDelta(delta);
  };
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (typeof value !== 'string') {
        await reader.cancel();
        throw new TypeError(`Expected a text chunk, got ${typeof value}`);
      }
      emit(deltas.push(value));
    }
    emit(deltas.end());
    return text;
  } finally {
    reader.releaseLock();
  }
}

function growsFrom(before: string, chunk: string): boolean {
  return chunk.length > before.length && chunk.startsWith(before);
}
