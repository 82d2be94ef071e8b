/**
 * SenseVoice's tokens.txt and turning token ids into text, as sherpa-onnx's SymbolTable and
 * `ConvertSenseVoiceResult` do (symbol-table.cc, offline-recognizer-sense-voice-impl.h).
 */

/** SentencePiece's word-start mark, U+2581; sherpa-onnx turns a leading one into a space. */
const WORD_START = '\u2581';
const TAG = /^<\|([^|]*)\|>$/;

/**
 * Parses tokens.txt (`piece id` per line; a line with only an id is the space piece) into a
 * table indexed by id.
 *
 * @example
 * parseTokens('<unk> 0\n<s> 1\n</s> 2\n') // ['<unk>', '<s>', '</s>']
 */
export function parseTokens(text: string): string[] {
  const table: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    const parts = line.split(/\s+/);
    const id = Number(parts.at(-1));
    if (parts.length > 2 || !Number.isInteger(id) || id < 0) throw new SyntaxError(`tokens.txt: bad line "${line}"`);
    table[id] = parts.length === 1 ? ' ' : (parts[0] ?? '');
  }
  return Array.from(table, (piece) => piece ?? '');
}

/** What the model says about the audio before the text (its first four tokens). */
export interface SenseVoiceTags {
  /** e.g. 'zh', 'en', 'yue', 'nospeech' */
  readonly language?: string;
  /** e.g. 'NEUTRAL', 'HAPPY' */
  readonly emotion?: string;
  /** e.g. 'Speech', 'BGM' */
  readonly event?: string;
  /** 'withitn' or 'woitn' */
  readonly textNorm?: string;
}

export interface DecodedTokens {
  readonly text: string;
  readonly tags: SenseVoiceTags;
  /** Per text token: its piece (leading ▁ as a space) and its index in `ids`. */
  readonly pieces: readonly { readonly piece: string; readonly index: number }[];
}

/** The piece for `id` as sherpa-onnx prints it: a leading ▁ becomes a space. */
export function pieceOf(id: number, table: readonly string[]): string {
  const piece = table[id] ?? '';
  return piece.startsWith(WORD_START) ? ' ' + piece.slice(1) : piece;
}

const tagName = (piece: string): string | undefined => TAG.exec(piece)?.[1];

/**
 * Joins decoded ids into text: the leading `<|zh|><|NEUTRAL|><|Speech|><|withitn|>` tags are
 * split off and reported, pieces are concatenated (CJK pieces carry no spaces; ▁ marks a word
 * start), and the result is trimmed. A `<|…|>` tag later in the sequence is dropped.
 *
 * @example
 * tokensToText([24884, 25004, 24993, 25016, 9, 10], table).text // '你好'
 */
export function tokensToText(ids: readonly number[], table: readonly string[]): DecodedTokens {
  const lead: string[] = [];
  while (lead.length < 4 && lead.length < ids.length) {
    const name = tagName(table[ids[lead.length] ?? -1] ?? '');
    if (name === undefined) break;
    lead.push(name);
  }
  const [language, emotion, event, textNorm] = lead;
  const pieces: { piece: string; index: number }[] = [];
  for (let index = lead.length; index < ids.length; index++) {
    const piece = pieceOf(ids[index] ?? -1, table);
    if (tagName(piece) === undefined) pieces.push({ piece, index });
  }
  const text = pieces.map((p) => p.piece).join('').trim();
  const tags: SenseVoiceTags = {
    ...(language === undefined ? {} : { language }),
    ...(emotion === undefined ? {} : { emotion }),
    ...(event === undefined ? {} : { event }),
    ...(textNorm === undefined ? {} : { textNorm }),
  };
  return { text, tags, pieces };
}
