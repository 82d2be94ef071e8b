/**
 * The measurements themselves, run unchanged in Node and in the benchmark page's worker: the
 * app's `generateAnswer` on a loaded model (prefill and decode speed), and the app's
 * `translateCues` with a `Complete` built on it, as the in-browser provider builds one
 * (local-client.ts, minus the page-to-worker hop).
 */
import type { ChatMessage, Complete } from '../src/lib/llm/chat.ts';
import type { LocalModel } from '../src/lib/llm/local/local-engine.ts';
import { LOCAL_LIMITS } from '../src/lib/llm/local/local-catalog.ts';
import { generateAnswer, type GenerateHooks } from '../src/lib/llm/local/local-generate.ts';
import { LOCAL_PROMPTS } from '../src/lib/llm/prompts.ts';
import { translateCues } from '../src/lib/llm/translate.ts';
import type { Cue } from '../src/lib/subtitles/cue.ts';
import { LLM_BENCH, type SpeedRun, type TranslateFigures } from './llm-options.ts';

const quietHooks = (): GenerateHooks => ({ cancelled: () => false, signal: new AbortController().signal, onDelta: () => undefined });

/**
 * Prefill and decode figures for `messages`: a first run of LLM_BENCH.warmUpTokens new tokens
 * (it compiles and warms up every kernel the second needs, at a fraction of its cost), then the
 * measured run of LLM_BENCH.newTokens; each reported as it ends (a slow device may run out of
 * time after the first). `min_new_tokens` in the model's generation config keeps a random model
 * from ending early (`generateAnswer` passes only max_new_tokens; the library merges the model's
 * config in).
 */
export async function measureSpeed(loaded: LocalModel, messages: readonly ChatMessage[], onRun: (run: SpeedRun) => void): Promise<SpeedRun[]> {
  const config = loaded.model.generation_config;
  const previous = config?.min_new_tokens;
  const runs: SpeedRun[] = [];
  try {
    for (const tokens of [LLM_BENCH.warmUpTokens, LLM_BENCH.newTokens]) {
      if (config) config.min_new_tokens = tokens;
      const options = { maxNewTokens: tokens, maxPromptTokens: LOCAL_LIMITS.maxPromptTokens };
      const { promptTokens, newTokens, prefillMs, decodeMs, end } = await generateAnswer(loaded, messages, options, quietHooks());
      const figures = { promptTokens, newTokens, prefillMs, decodeMs, end };
      runs.push(figures);
      onRun(figures);
    }
  } finally {
    // back to what it was: unset (undefined) in a generation_config.json that does not name it
    if (config) Object.assign(config, { min_new_tokens: previous });
  }
  return runs;
}

/** One token, as the app's worker does after a load (local-llm.worker.ts): compiles the kernels. */
export async function warmUp(loaded: LocalModel): Promise<void> {
  await generateAnswer(loaded, [{ role: 'user', content: 'Hi' }], { maxNewTokens: 1, maxPromptTokens: 64 }, quietHooks());
}

/**
 * Translates `cues` end to end as the app does on a local model: LOCAL_PROMPTS.translate, the
 * local batch size and context, answers of at most `maxNewTokens`, retries and splits included.
 * `onRequest` gets the running totals after each request (`translated` counts the batches taken so far).
 */
export async function translateTranscript(
  loaded: LocalModel,
  cues: readonly Cue[],
  maxNewTokens: number,
  onRequest: (sofar: TranslateFigures) => void = () => undefined,
): Promise<TranslateFigures> {
  let requests = 0;
  let generateMs = 0;
  let promptTokens = 0;
  let newTokens = 0;
  let translated = 0;
  const started = performance.now();
  const figures = (failed = 0): TranslateFigures => ({ requests, totalMs: performance.now() - started, generateMs, promptTokens, newTokens, translated, failed });
  const complete: Complete = async (messages, { signal }) => {
    requests++;
    const asked = performance.now();
    const hooks = { cancelled: () => signal.aborted, signal, onDelta: () => undefined };
    const answer = await generateAnswer(loaded, messages, { maxNewTokens, maxPromptTokens: LOCAL_LIMITS.maxPromptTokens }, hooks);
    generateMs += performance.now() - asked;
    promptTokens += answer.promptTokens;
    newTokens += answer.newTokens;
    onRequest(figures());
    return answer.text;
  };
  const failed = await translateCues(
    { cues, done: new Map(), language: LLM_BENCH.language, template: LOCAL_PROMPTS.translate, batchSize: LOCAL_LIMITS.batchSize, contextLines: LOCAL_LIMITS.contextLines },
    { complete, signal: new AbortController().signal, onTranslated: (translations) => void (translated += translations.size) },
  );
  return figures(failed.length);
}
