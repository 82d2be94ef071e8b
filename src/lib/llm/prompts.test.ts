import { describe, expect, it } from 'vitest';
import { continuationMessages, DEFAULT_PROMPTS, fillTemplate, formatClock, formatTranscript, PROMPT_IDS } from './prompts.ts';

describe('prompts', () => {
  it('fills the language into every default template', () => {
    for (const id of PROMPT_IDS) {
      expect(DEFAULT_PROMPTS[id]).toContain('{language}');
      expect(fillTemplate(DEFAULT_PROMPTS[id], 'Japanese')).not.toContain('{language}');
    }
  });

  it('formats clock times in whole seconds, with hours only when needed', () => {
    expect(formatClock(0)).toBe('00:00');
    expect(formatClock(2.4)).toBe('00:02');
    expect(formatClock(83.999)).toBe('01:23');
    expect(formatClock(3723)).toBe('1:02:03');
  });

  it('writes one timed line per cue', () => {
    expect(formatTranscript([{ start: 61, end: 62, text: ' a \n b ' }])).toBe('[01:01] a b');
  });

  it('continues a cut-off answer after the original conversation', () => {
    const messages = continuationMessages([{ role: 'user', content: 'q' }], 'half');
    expect(messages.map((m) => m.role)).toEqual(['user', 'assistant', 'user']);
  });
});
