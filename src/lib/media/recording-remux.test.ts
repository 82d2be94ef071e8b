import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { withDuration } from './recording-remux.ts';

const HAS_FFMPEG = spawnSync('ffmpeg', ['-version']).status === 0;

/** What native ffprobe says of a file's `entries` (`format=duration` is 'N/A' when it has none). */
function ffprobe(file: string, entries: string): string {
  return execFileSync('ffprobe', ['-v', 'error', '-show_entries', entries, '-of', 'csv=p=0', file], { encoding: 'utf8' }).trim();
}

describe.skipIf(!HAS_FFMPEG)('withDuration', () => {
  const dir = HAS_FFMPEG ? mkdtempSync(join(tmpdir(), 'zimu-remux-')) : '';
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('gives a live-stream WebM (as MediaRecorder writes it) its duration, with the same packets', async () => {
    // `-live 1`: unknown sizes, no duration, no cues — the shape of a MediaRecorder recording.
    const live = join(dir, 'live.webm');
    execFileSync('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'sine=frequency=440:duration=3', '-c:a', 'libopus', '-f', 'webm', '-live', '1', live]);
    expect(ffprobe(live, 'format=duration')).toBe('N/A');

    const fixed = await withDuration(new Blob([readFileSync(live)], { type: 'audio/webm;codecs=opus' }));
    expect(fixed.type).toBe('audio/webm;codecs=opus');
    const out = join(dir, 'fixed.webm');
    writeFileSync(out, new Uint8Array(await fixed.arrayBuffer()));
    expect(Number(ffprobe(out, 'format=duration'))).toBeCloseTo(3, 1);
    // Copied, not re-encoded: the same Opus packets at the same spacing (ffmpeg starts the
    // stream at −7 ms for Opus's pre-skip, mediabunny at 0; MediaRecorder starts at 0).
    const packets = (file: string) => ffprobe(file, 'packet=pts_time,size').split('\n').map((line) => line.split(',').map(Number));
    const [before, after] = [packets(live), packets(out)];
    expect(after.map(([, size]) => size)).toEqual(before.map(([, size]) => size));
    const shift = (after[0]?.[0] ?? 0) - (before[0]?.[0] ?? 0);
    after.forEach(([time = 0], i) => expect(time - (before[i]?.[0] ?? 0)).toBeCloseTo(shift, 3));
  }, 30_000);

  it('returns anything but WebM as it is, and a WebM it cannot read too', async () => {
    const mp4 = new Blob(['not touched'], { type: 'audio/mp4' });
    expect(await withDuration(mp4)).toBe(mp4);
    const broken = new Blob(['not a webm'], { type: 'audio/webm' });
    expect(await withDuration(broken)).toBe(broken);
    const empty = new Blob([], { type: 'audio/webm' });
    expect(await withDuration(empty)).toBe(empty);
  });
});
