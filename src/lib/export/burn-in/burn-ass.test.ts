import { describe, expect, it } from 'vitest';
import { parseAss } from '../../subtitles/formats/ass-parser.ts';
import { displayWidth, PROFILES } from '../../subtitles/segment/profiles.ts';
import { assColour, toBurnAss } from './burn-ass.ts';
import { DEFAULT_SUBTITLE_STYLE, layoutSubtitle } from './subtitle-layout.ts';

const measure = (text: string, fontPx: number) => displayWidth(text, PROFILES['netflix-zh-hans']) * fontPx;
const FRAME = { width: 1280, height: 720 };
const CUES = [
  { start: 1, end: 2.5, text: 'Hello there\n你好' },
  { start: 3, end: 4, text: '{not markup}' },
];

describe('assColour', () => {
  it('turns #rrggbb into &HAABBGGRR', () => {
    expect(assColour('#ff8000')).toBe('&H000080FF');
    expect(assColour('#000000', '66')).toBe('&H66000000');
  });
});

describe('toBurnAss', () => {
  const ass = toBurnAss({ cues: CUES, frame: FRAME, style: DEFAULT_SUBTITLE_STYLE, measure });

  it('plays at the frame size with no wrapping of its own, in the self-hosted font', () => {
    expect(ass).toContain('PlayResX: 1280\nPlayResY: 720');
    expect(ass).toContain('WrapStyle: 2');
    expect(ass).toMatch(/^Style: Default,Noto Sans SC,\d+(\.\d)?,&H00FFFFFF,&H00FFFFFF,&H00000000,&H66000000,700,/mu);
  });

  it('writes each laid-out line as its own event at the canvas renderer’s place', () => {
    const layout = layoutSubtitle(CUES[0]?.text ?? '', FRAME, DEFAULT_SUBTITLE_STYLE, measure);
    const events = ass.split('\n').filter((line) => line.startsWith('Dialogue:'));
    expect(events.length).toBe(3);
    expect(events[0]).toContain('0:00:01.00,0:00:02.50');
    expect(events[0]).toContain(`\\pos(640,${Math.round((layout.lines[0]?.y ?? 0) * 10 + layout.fontPx * 2.88) / 10})`);
    expect(events[0]?.endsWith('Hello there')).toBe(true);
    expect(events[1]?.endsWith('你好')).toBe(true);
    expect(events[2]?.endsWith('｛not markup｝')).toBe(true);
  });

  it('is read back by the project’s ASS parser with the cues’ texts and times', () => {
    const cues = parseAss(ass);
    expect(cues.map((cue) => [cue.start, cue.end])).toEqual([[1, 2.5], [1, 2.5], [3, 4]]);
  });

  it('switches weight where a character’s font group changes', () => {
    const grouped = toBurnAss({ cues: [{ start: 0, end: 1, text: 'ab c' }], frame: FRAME, style: DEFAULT_SUBTITLE_STYLE, measure,
      groupOf: (char) => (char === 'b' ? 1 : 0) });
    expect(grouped).toContain('}a{\\b701}b {\\b700}c');
    const slash = toBurnAss({ cues: [{ start: 0, end: 1, text: 'a\\b' }], frame: FRAME, style: DEFAULT_SUBTITLE_STYLE, measure,
      groupOf: (char) => (char === 'b' ? 1 : 0) });
    expect(slash).toContain('}a\\\u2060{\\b701}b');
  });
});
