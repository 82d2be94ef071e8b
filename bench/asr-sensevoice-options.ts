/** The same SenseVoice work in the browser and natively: the audio cut into chunks of this length, one recognise call each. */
export const SENSEVOICE_CHUNK_SECONDS = 10;
/** Seconds of the 70 s speech clip the SenseVoice figures use. */
export const SENSEVOICE_BENCH_SECONDS = 20;

export interface SenseVoiceBenchResult {
  readonly loadMs: number;
  /** one 1 s call: compiles kernels, allocates */
  readonly warmMs: number;
  readonly runMs: number;
  readonly chars: number;
  readonly error?: string;
}
