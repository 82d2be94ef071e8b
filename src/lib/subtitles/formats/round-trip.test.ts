import { describe, expect, it } from 'vitest';
import type { Cue } from '../cue.ts';
import { normalizeCues } from '../normalize.ts';
import { SubtitleParseError } from '../parse-error.ts';
import { assTimes } from './ass-text.ts';
import { parseCuesJson } from './cues-json.ts';
import { prepareCues, shownCues, type ExportCue, type ExportDocument, type ExportVariant } from './export-document.ts';
import { parseSubtitleFile } from './parse-file.ts';
import { formatById } from './registry.ts';
import { seededRandom } from '../../../../tests/support/seeded-random.ts';


// Text with each format's sharp edges: SRT and WebVTT framing, entities, ASS line-break and
// hard-space escapes, backslashes, commas (ASS field separators), CJK, emoji, odd whitespace.
// SubRip tags and braces are left out here: the SRT reader drops the first on purpose, the
// ASS writer turns the second fullwidth (tests below cover both).
const PIECES = [
  'Hello', 'world', '42', '1', '你好', '世界！', '字幕テスト', '한국어', 'café', '🎬', '👨‍👩‍👧', '&', '&amp;',
  '<3', '>', '-->', 'NOTE', 'WEBVTT', '[Events]', 'Dialogue:', '00:00:01,000', '\\N', '\\n', '\\h', 'C:\\new', '\\',
  ',', ' ', '\t', '\u00A0', '\n', '\r\n', '\n\n',
];

function randomText(random: () => number, pieces: readonly string[]): string {
  let text = '';
  for (let i = Math.floor(random() * 10); i > 0; i -= 1) text += `${pieces[Math.floor(random() * pieces.length)] ?? ''} `;
  return text;
}

function randomDocument(seed: number, variant: ExportVariant, pieces = PIECES): ExportDocument {
  const random = seededRandom(seed);
  let time = random() * 5;
  const cues = Array.from({ length: 1 + Math.floor(random() * 15) }, (): ExportCue => {
    // Mostly apart, sometimes touching or overlapping; millisecond and sub-millisecond times.
    const start = random() < 0.2 ? time : time + random() * 3 - 0.5;
    const end = start + random() * 6;
    time = end;
    const word = { start, end: start + random(), text: ' word' };
    const text = randomText(random, pieces);
    const base = random() < 0.3 ? { start, end, text, words: [word] } : { start, end, text };
    return random() < 0.7 ? { ...base, translation: randomText(random, pieces) } : base;
  });
  return { variant, cues, language: 'en', translationLanguage: 'zh-CN' };
}

const VARIANTS = ['original', 'translated', 'bilingual'] as const;
const RUNS = 150;
/** parseSubtitleFile, with an export of no cues (refused as empty or cue-less) read as []. */
function readBack(fileName: string, text: string): Cue[] {
  try {
    return parseSubtitleFile(fileName, text);
  } catch (error) {
    if (error instanceof SubtitleParseError && (error.code === 'empty-file' || error.code === 'no-cues')) return [];
    throw error;
  }
}

const plain = (cues: readonly Cue[]): Cue[] => cues.map(({ start, end, text }) => ({ start, end, text }));

describe('write → parseSubtitleFile gives back the cues written', () => {
  it('SRT', () => {
    for (let seed = 1; seed <= RUNS; seed += 1) {
      for (const variant of VARIANTS) {
        const doc = randomDocument(seed, variant);
        expect(readBack('a.srt', formatById('srt').write(doc)), `seed ${seed} ${variant}`).toEqual(shownCues(doc));
      }
    }
  });

  it('WebVTT, with tags in the text too', () => {
    for (let seed = 1; seed <= RUNS; seed += 1) {
      for (const variant of VARIANTS) {
        const doc = randomDocument(seed, variant, [...PIECES, '<i>', '</i>', '<v Ann>', '&lt;']);
        expect(readBack('a.vtt', formatById('vtt').write(doc)), `seed ${seed} ${variant}`).toEqual(shownCues(doc));
      }
    }
  });

  it('ASS: the original and translated variants, at centisecond precision', () => {
    for (let seed = 1; seed <= RUNS; seed += 1) {
      for (const variant of ['original', 'translated'] as const) {
        const doc = randomDocument(seed, variant);
        const shown = shownCues(doc);
        const expected = assTimes(shown).map((t, i) => ({ start: (t.start * 10) / 1000, end: (t.end * 10) / 1000, text: shown[i]?.text ?? '' }));
        expect(readBack('a.ass', formatById('ass').write(doc)), `seed ${seed} ${variant}`).toEqual(expected);
      }
    }
  });

  it('ASS bilingual: the top line, then the bottom one', () => {
    const doc: ExportDocument = { variant: 'bilingual', language: 'en', translationLanguage: 'zh-CN', cues: [{ start: 1, end: 2, text: 'Hi\nthere', translation: '你好' }] };
    expect(parseSubtitleFile('a.ass', formatById('ass').write(doc))).toEqual([{ start: 1, end: 2, text: '你好\nHi\nthere' }]);
  });

  it('ASS turns braces fullwidth, and nothing else changes', () => {
    const doc: ExportDocument = { variant: 'original', cues: [{ start: 1, end: 2, text: '{\\an8}{x} } {' }] };
    expect(parseSubtitleFile('a.ass', formatById('ass').write(doc))).toEqual([{ start: 1, end: 2, text: '｛\\an8｝｛x｝ ｝ ｛' }]);
  });

  it('JSON, with translations and word times', () => {
    for (let seed = 1; seed <= RUNS; seed += 1) {
      for (const variant of VARIANTS) {
        const doc = randomDocument(seed, variant);
        const json = formatById('json').write(doc);
        expect(parseCuesJson(json).cues, `seed ${seed} ${variant}`).toEqual(prepareCues(doc));
        const cues = prepareCues(doc).map(({ translation, ...cue }) => cue);
        expect(readBack('a.json', json), `seed ${seed} ${variant}`).toEqual(normalizeCues(cues));
      }
    }
  });

  it('covers what it means to: CJK, escapes, several lines, translations, words', () => {
    const cues = Array.from({ length: RUNS }, (_, i) => prepareCues(randomDocument(i + 1, 'bilingual'))).flat();
    const texts = plain(cues).map((c) => c.text).join('\n');
    for (const needle of ['你好', '\\N', '\\h', '-->', '&', '\n']) expect(texts).toContain(needle);
    expect(cues.filter((c) => c.translation !== undefined).length).toBeGreaterThan(RUNS);
    expect(cues.filter((c) => c.words !== undefined).length).toBeGreaterThan(RUNS / 2);
  });
});
