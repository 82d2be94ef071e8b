/**
 * The Node side of the LLM benchmark: the prompts both sides run, and models loaded natively
 * (transformers.js on onnxruntime-node, the CPU) into the same `LocalModel` the page builds.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AutoModelForCausalLM, AutoTokenizer, env } from '@huggingface/transformers';
import type { LocalDtype } from '../src/lib/llm/local/local-catalog.ts';
import type { LocalModel } from '../src/lib/llm/local/local-engine.ts';
import { LOCAL_LIMITS, thinksAloud } from '../src/lib/llm/local/local-catalog.ts';
import { LOCAL_PROMPTS } from '../src/lib/llm/prompts.ts';
import { batchMessages } from '../src/lib/llm/translation-batches.ts';
import type { Cue } from '../src/lib/subtitles/cue.ts';
import { SCRIPTED_CUES } from '../tests/fixtures/models/generate.ts';
import { makeTranscript } from './make-transcript.ts';
import { LLM_BENCH, type LlmBenchInput } from './llm-options.ts';

/** Cues in the e2e suite's transcript of the 3-minute fixture, and roughly how far apart its windows start. */
const FIXTURE_CUES = 13;
const WINDOW_STEP_S = 27;

/**
 * The 3-minute fixture's transcript as the e2e suite gets it from the scripted Whisper model: its
 * two lines again and again, 13 cues. The times only roughly follow the app's windows; the
 * translation prompts carry the text alone.
 */
export function fixtureTranscript(): Cue[] {
  const windows = Math.ceil(FIXTURE_CUES / SCRIPTED_CUES.length);
  return Array.from({ length: windows }, (_, w) =>
    SCRIPTED_CUES.map((cue) => ({ start: cue.start + w * WINDOW_STEP_S, end: cue.end + w * WINDOW_STEP_S, text: cue.text })),
  ).flat().slice(0, FIXTURE_CUES);
}

/**
 * Writes what both sides run to `{root}/LLM_BENCH.inputPath`: one translation batch of
 * LLM_BENCH.prefillLines varied English lines (the studio benchmark's transcript), built by the
 * app's `batchMessages` with LOCAL_PROMPTS.translate, and the fixture's transcript.
 */
export function writeBenchInput(root: string): LlmBenchInput {
  const lines = makeTranscript('en', 0.1).slice(0, LLM_BENCH.prefillLines + 2 * LOCAL_LIMITS.contextLines);
  const ids = Array.from({ length: LLM_BENCH.prefillLines }, (_, i) => i + LOCAL_LIMITS.contextLines);
  const prefill = batchMessages({ cues: lines, ids, contextLines: LOCAL_LIMITS.contextLines, template: LOCAL_PROMPTS.translate, language: LLM_BENCH.language });
  const input: LlmBenchInput = { prefill, transcript: fixtureTranscript() };
  const file = path.join(root, LLM_BENCH.inputPath);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(input));
  return input;
}

/** transformers.js in Node reads the generated models from disk, never from the network. */
export function configureNode(modelsRoot: string): void {
  env.allowRemoteModels = false;
  env.allowLocalModels = true;
  env.localModelPath = `${modelsRoot}/`;
  env.cacheDir = mkdtempSync(path.join(tmpdir(), 'zimu-llm-'));
}

/**
 * A model on onnxruntime-node's CPU provider with `threads` intra-op threads. `device` says
 * 'wasm' only because LocalModel names the app's devices; generateAnswer does not read it.
 */
export async function loadNative(modelId: string, dtype: LocalDtype, threads: number): Promise<LocalModel> {
  const tokenizer = await AutoTokenizer.from_pretrained(modelId);
  const model = await AutoModelForCausalLM.from_pretrained(modelId, { device: 'cpu', dtype, session_options: { intraOpNumThreads: threads } });
  return { modelId, device: 'wasm', dtype, tokenizer, model, thinks: thinksAloud(modelId) };
}
