import { recordingExtension } from './recording.ts';

/**
 * Chromium's (and Firefox's) MediaRecorder writes WebM as a live stream: no duration and no cues
 * (https://crbug.com/642012). Players then show no length and cannot seek, and the pipeline
 * reads no duration for its progress. Copying the packets into a new WebM with mediabunny writes
 * both; nothing is re-encoded, so the sound is the recorder's own. Anything else (Safari's MP4
 * has its index) is returned as it is, and so is a WebM the copy fails on: the pipeline reads
 * either.
 * @example const file = await withDuration(await live.finish());
 */
export async function withDuration(recorded: Blob): Promise<Blob> {
  if (recordingExtension(recorded.type) !== 'webm' || recorded.size === 0) return recorded;
  const { ALL_FORMATS, BlobSource, BufferTarget, Conversion, Input, Output, WebMOutputFormat } = await import('mediabunny');
  const input = new Input({ source: new BlobSource(recorded), formats: ALL_FORMATS });
  try {
    const target = new BufferTarget();
    const conversion = await Conversion.init({ input, output: new Output({ format: new WebMOutputFormat(), target }) });
    if (!conversion.isValid) return recorded;
    await conversion.execute();
    return target.buffer ? new Blob([target.buffer], { type: recorded.type }) : recorded;
  } catch {
    return recorded;
  } finally {
    input.dispose();
  }
}
