import { describe, expect, it } from 'vitest';
import { measurePace } from './ffmpeg-pace.ts';

describe('measurePace', () => {
  it('takes the steady pace between stats lines and the start-up before them', () => {
    const pace = measurePace([{ wallMs: 3000, media: 0.2 }, { wallMs: 4000, media: 0.7 }, { wallMs: 5000, media: 1.2 }], 1000, 5200, 1.2);
    expect(pace.speed).toBeCloseTo(0.5);
    expect(pace.startup).toBeCloseTo(1.6); // 2 s to the first line, 0.4 s of it spent on its 0.2 s of media
  });

  it('takes a run too short for that whole', () => {
    expect(measurePace([{ wallMs: 1200, media: 2 }], 1000, 1400, 2)).toEqual({ speed: 5, startup: 0 });
    expect(measurePace([], 0, 2000, 1)).toEqual({ speed: 0.5, startup: 0 });
  });
});
