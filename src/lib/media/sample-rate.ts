/**
 * The one audio rate of the whole pipeline: ffmpeg decodes to it, Silero VAD and Whisper take
 * it, the WAV export writes it. 16 kHz mono float32 is what both models were trained on.
 */
export const SAMPLE_RATE = 16_000;
