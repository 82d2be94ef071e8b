/** Encoder configurations burn-in can use (H.264 into MP4, else VP9 or AV1 into WebM), at 720p. */
const CONFIGS: readonly VideoEncoderConfig[] = [
  { codec: 'avc1.42001f', width: 1280, height: 720 },
  { codec: 'vp09.00.10.08', width: 1280, height: 720 },
  { codec: 'av01.0.04M.08', width: 1280, height: 720 },
];

/**
 * Whether this page's WebCodecs might burn in: `VideoEncoder` and `VideoDecoder` exist and one
 * of H.264, VP9 or AV1 is configurable. The worker then checks the video's own size; false
 * sends burn-in to the ffmpeg.wasm fallback straight away.
 *
 * @example
 * const path = (await webCodecsMayBurn()) ? 'webcodecs' : 'ffmpeg';
 */
export async function webCodecsMayBurn(): Promise<boolean> {
  if (typeof VideoEncoder === 'undefined' || typeof VideoDecoder === 'undefined') return false;
  for (const config of CONFIGS) {
    const support = await VideoEncoder.isConfigSupported(config).catch(() => undefined);
    if (support?.supported === true) return true;
  }
  return false;
}
