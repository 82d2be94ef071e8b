import type { RunSettings } from './job.svelte.ts';

/** For tests: the run settings `Settings.runSettings()` gives by default (language '' and maxNewTokens 0 become undefined). */
export const DEFAULT_RUN_SETTINGS: RunSettings = {
  speechEngine: 'whisper',
  vad: true,
  readability: 'auto',
  source: { host: 'https://huggingface.co', modelId: 'onnx-community/whisper-base' },
  device: 'auto',
  precision: 'auto',
  wordTimestamps: false,
  initialPrompt: '',
  noRepeatNgramSize: 0,
  repetitionPenalty: 1,
  language: undefined,
  task: 'transcribe',
  maxNewTokens: undefined,
};
