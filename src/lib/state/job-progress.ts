import type { PipelineEnd } from '../transcription/pipeline.ts';

export interface DownloadProgress {
  readonly loaded: number;
  readonly total: number;
  /** `performance.now()` of the file's first progress event: the speed is measured from it. */
  readonly startedAt: number;
}

/** Where a damaged file stopped giving audio. */
export interface Damage {
  readonly atSeconds: number;
  readonly detail: string;
}

/** How much of the model's files has arrived, 0..1; undefined before sizes are known. */
export function downloadFraction(downloads: Readonly<Record<string, DownloadProgress>>): number | undefined {
  let loaded = 0;
  let total = 0;
  for (const d of Object.values(downloads)) {
    loaded += d.loaded;
    total += d.total;
  }
  return total > 0 ? loaded / total : undefined;
}

/** A stream that ended on an error, or well short of the duration the container announced. */
export function detectDamage(end: PipelineEnd, duration: number | undefined): Damage | undefined {
  const short = duration !== undefined && end.seconds < duration - 2;
  if (!end.damage && !short) return undefined;
  return { atSeconds: end.seconds, detail: end.damage ?? `${end.seconds.toFixed(1)} s of ${duration?.toFixed(1)} s` };
}
