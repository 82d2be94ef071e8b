/** Generates the benchmark's media with native ffmpeg and espeak-ng (once; kept in bench/out). */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';

const ffmpeg = (args: string[]) => execFileSync('ffmpeg', ['-v', 'error', '-y', ...args], { stdio: 'inherit' });

/** Speech with silences, looped (stream copy) to `minutes`: the 3-minute fixture repeats. */
export function loopedSpeech(root: string, out: string, minutes: number): string {
  const target = path.join(out, `speech-${minutes}min.mp4`);
  if (!existsSync(target)) {
    mkdirSync(out, { recursive: true });
    ffmpeg(['-stream_loop', '-1', '-i', path.join(root, 'tests/fixtures/media/speech-3min.mp4'), '-t', String(minutes * 60), '-c', 'copy', target]);
  }
  return target;
}

/**
 * A file past 4 GB: raw 640x360 video (huge, cheap to make) with the speech track, a 20 s piece
 * looped with stream copy until the file is over 4 GiB. MOV, as phones and cameras write.
 */
export function bigFile(root: string, out: string): string {
  const target = path.join(out, 'big-over-4gb.mov');
  if (existsSync(target) && statSync(target).size > 4 * 2 ** 30) return target;
  mkdirSync(out, { recursive: true });
  const piece = path.join(out, 'raw-piece.mov');
  ffmpeg([
    '-f', 'lavfi', '-i', 'testsrc2=s=640x360:r=25:d=20',
    '-i', path.join(root, 'tests/fixtures/media/speech-3min.mp4'),
    '-map', '0:v', '-map', '1:a', '-t', '20', '-c:v', 'rawvideo', '-pix_fmt', 'uyvy422', '-c:a', 'copy', piece,
  ]);
  const loops = Math.ceil((4.1 * 2 ** 30) / statSync(piece).size);
  ffmpeg(['-stream_loop', String(loops - 1), '-i', piece, '-c', 'copy', target]);
  return target;
}
