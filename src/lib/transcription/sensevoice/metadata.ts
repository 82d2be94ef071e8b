/**
 * The metadata a SenseVoice ONNX export carries (ModelProto.metadata_props), read without
 * decoding the graph, and the facts the front end and decoder take from it.
 *
 * Keys and meanings are those written by sherpa-onnx's scripts/sense-voice/export-onnx.py and read
 * by sherpa-onnx/csrc/offline-sense-voice-model.cc (required there unless noted).
 */
import { AppErrorException } from '../../errors.ts';

/** Field numbers in onnx.proto: ModelProto.metadata_props = 14; StringStringEntryProto key 1, value 2. */
const METADATA_PROPS = 14;
const WIRE = { varint: 0, fixed64: 1, bytes: 2, fixed32: 5 } as const;

class Reader {
  readonly bytes: Uint8Array;
  pos: number;
  readonly end: number;
  constructor(bytes: Uint8Array, start = 0, end = bytes.length) {
    this.bytes = bytes;
    this.pos = start;
    this.end = end;
  }
  /** A varint as a JavaScript number (lengths and tags here stay far below 2^53). */
  varint(): number {
    let value = 0;
    let scale = 1;
    for (let i = 0; i < 10; i++) {
      if (this.pos >= this.end) throw new RangeError('truncated varint');
      const b = this.bytes[this.pos++] ?? 0;
      value += (b & 0x7f) * scale;
      if (b < 0x80) return value;
      scale *= 128;
    }
    throw new RangeError('varint too long');
  }
  skip(wire: number): void {
    if (wire === WIRE.varint) this.varint();
    else if (wire === WIRE.fixed64) this.pos += 8;
    else if (wire === WIRE.fixed32) this.pos += 4;
    else if (wire === WIRE.bytes) {
      const len = this.varint(); // read first: `this.pos += this.varint()` would add to the old position
      this.pos += len;
    }
    else throw new RangeError(`unsupported protobuf wire type ${wire}`);
    if (this.pos > this.end) throw new RangeError('truncated field');
  }
}

const utf8 = new TextDecoder();

function readEntry(bytes: Uint8Array, start: number, end: number): [string, string] {
  const r = new Reader(bytes, start, end);
  let key = '';
  let value = '';
  while (r.pos < r.end) {
    const tag = r.varint();
    const field = Math.floor(tag / 8);
    if (tag % 8 === WIRE.bytes && (field === 1 || field === 2)) {
      const len = r.varint();
      const text = utf8.decode(bytes.subarray(r.pos, r.pos + len));
      r.pos += len;
      if (field === 1) key = text;
      else value = text;
    } else r.skip(tag % 8);
  }
  return [key, value];
}

/**
 * Reads ModelProto.metadata_props from the bytes of an .onnx file, skipping the graph and every
 * other field by its length.
 *
 * @example
 * const props = readOnnxMetadata(new Uint8Array(await file.arrayBuffer()));
 * props.lfr_window_size; // '7'
 */
export function readOnnxMetadata(bytes: Uint8Array): Record<string, string> {
  const props: Record<string, string> = {};
  const r = new Reader(bytes);
  while (r.pos < r.end) {
    const tag = r.varint();
    if (tag % 8 === WIRE.bytes && Math.floor(tag / 8) === METADATA_PROPS) {
      const len = r.varint();
      const [key, value] = readEntry(bytes, r.pos, r.pos + len);
      r.pos += len;
      props[key] = value;
    } else r.skip(tag % 8);
  }
  return props;
}

/** Language ids the model's `language` input takes (metadata `lang_*`). */
export interface SenseVoiceLanguageIds {
  readonly auto: number;
  readonly zh: number;
  readonly en: number;
  readonly yue: number;
  readonly ja: number;
  readonly ko: number;
  /** Written by the export but not read by sherpa-onnx; undefined when absent. */
  readonly nospeech?: number;
}

export interface SenseVoiceMeta {
  readonly lfrWindow: number;
  readonly lfrShift: number;
  /** Added to each LFR dimension before scaling (560 values). */
  readonly negMean: Float32Array;
  readonly invStddev: Float32Array;
  readonly vocabSize: number;
  /** CTC blank id (metadata `blank_id`, default 0 as in sherpa-onnx). */
  readonly blankId: number;
  /** false for SenseVoice: samples are scaled to [-32768, 32767] before the fbank. */
  readonly normalizeSamples: boolean;
  readonly languages: SenseVoiceLanguageIds;
  /** `text_norm` value for punctuation and inverse text normalisation on, and off. */
  readonly withItn: number;
  readonly withoutItn: number;
}

const notSenseVoice = (why: string): AppErrorException =>
  new AppErrorException({ code: 'model-load-failed', detail: `not a SenseVoice model: ${why}` });

function int(props: Readonly<Record<string, string>>, key: string, fallback?: number): number {
  const raw = props[key];
  if (raw === undefined) {
    if (fallback !== undefined) return fallback;
    throw notSenseVoice(`metadata "${key}" is missing`);
  }
  const value = Number(raw.trim());
  if (!Number.isInteger(value)) throw notSenseVoice(`metadata "${key}" is "${raw}", not an integer`);
  return value;
}

function floats(props: Readonly<Record<string, string>>, key: string): Float32Array {
  const raw = props[key];
  if (raw === undefined) throw notSenseVoice(`metadata "${key}" is missing`);
  const values = raw.split(',').map((s) => Number(s.trim()));
  if (values.length === 0 || values.some((v) => !Number.isFinite(v))) throw notSenseVoice(`metadata "${key}" is not a list of numbers`);
  return Float32Array.from(values);
}

/**
 * The SenseVoice facts in a model's metadata; throws a typed `model-load-failed` error naming
 * the key when the graph is not a SenseVoice export (a missing or malformed key, CMVN vectors
 * that don't match lfr_window_size × 80).
 *
 * @example
 * const meta = senseVoiceMetaFrom(readOnnxMetadata(bytes)); // meta.languages.zh === 3
 */
export function senseVoiceMetaFrom(props: Readonly<Record<string, string>>, featureDim = 80): SenseVoiceMeta {
  const lfrWindow = int(props, 'lfr_window_size');
  const lfrShift = int(props, 'lfr_window_shift');
  if (lfrWindow < 1 || lfrShift < 1) throw notSenseVoice(`LFR window ${lfrWindow}, shift ${lfrShift}`);
  const negMean = floats(props, 'neg_mean');
  const invStddev = floats(props, 'inv_stddev');
  const dim = lfrWindow * featureDim;
  if (negMean.length !== dim || invStddev.length !== dim) {
    throw notSenseVoice(`CMVN has ${negMean.length}/${invStddev.length} values, expected ${dim}`);
  }
  const nospeech = props.lang_nospeech === undefined ? undefined : int(props, 'lang_nospeech');
  return {
    lfrWindow,
    lfrShift,
    negMean,
    invStddev,
    vocabSize: int(props, 'vocab_size'),
    blankId: int(props, 'blank_id', 0),
    normalizeSamples: int(props, 'normalize_samples') !== 0,
    languages: {
      auto: int(props, 'lang_auto'),
      zh: int(props, 'lang_zh'),
      en: int(props, 'lang_en'),
      yue: int(props, 'lang_yue'),
      ja: int(props, 'lang_ja'),
      ko: int(props, 'lang_ko'),
      ...(nospeech === undefined ? {} : { nospeech }),
    },
    withItn: int(props, 'with_itn'),
    withoutItn: int(props, 'without_itn'),
  };
}
