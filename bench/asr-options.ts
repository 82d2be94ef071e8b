/** The same decoding work in the browser and in Node: 30 s chunks, a fixed token budget each. */
export const ASR_BENCH_OPTIONS = {
  chunk_length_s: 30,
  stride_length_s: 5,
  return_timestamps: true,
  max_new_tokens: 64,
  language: 'en',
  task: 'transcribe',
} as const;
