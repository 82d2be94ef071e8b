/**
 * What the LLM benchmark runs, the same in Node (llm.ts) and in the page's worker (llm-worker.ts),
 * and the shapes of what the worker and the page report back, with the checks each side reads
 * them through. Pure: the page and the worker import it too.
 */
import type { ChatMessage } from '../src/lib/llm/chat.ts';
import type { GenerationEnd } from '../src/lib/llm/local/local-protocol.ts';
import type { Cue } from '../src/lib/subtitles/cue.ts';
import { isArrayOf, isFiniteNumber, isRecord } from '../src/lib/workers/shape.ts';

export const LLM_BENCH = {
  /** New tokens in the measured speed run, forced: random weights may pick an end-of-turn token at any step. */
  newTokens: 64,
  /** New tokens in the first run, which compiles and warms up the same prefill and decode kernels. */
  warmUpTokens: 8,
  /** Transcript lines in the prefill prompt: about 550 tokens with the system prompt and context. */
  prefillLines: 22,
  /** Answer cap for the random model's translation (the app allows LOCAL_LIMITS.maxNewTokens). */
  randomAnswerTokens: 4,
  language: 'Simplified Chinese',
  /** Written by llm.ts, served by the dev server, read by the page. */
  inputPath: 'bench/out/llm-input.json',
} as const;

/** The prompts both sides run: a long translation batch, and the 3-minute fixture's transcript. */
export interface LlmBenchInput {
  readonly prefill: readonly ChatMessage[];
  readonly transcript: readonly Cue[];
}

/** One speed run: `generateAnswer`'s figures without the (random) text. */
export interface SpeedRun {
  readonly promptTokens: number;
  readonly newTokens: number;
  readonly prefillMs: number;
  readonly decodeMs: number;
  readonly end: GenerationEnd;
}

/** One end-to-end translation of the transcript with `translateCues`. */
export interface TranslateFigures {
  readonly requests: number;
  readonly totalMs: number;
  /** Time spent inside `generateAnswer` (the rest is the orchestration's own). */
  readonly generateMs: number;
  readonly promptTokens: number;
  readonly newTokens: number;
  readonly translated: number;
  readonly failed: number;
}

/** Where and how a page ran (WebGPU's adapter as the browser describes it). */
export interface PageSetup {
  readonly dtype: string;
  readonly threads: number;
  readonly isolated: boolean;
  readonly adapter: string;
  /** Loading the model and the app's one-token warm-up. */
  readonly loadMs: number;
}

export type PageReport =
  | ({ readonly kind: 'speed'; readonly runs: readonly SpeedRun[] } & PageSetup)
  | ({ readonly kind: 'translate'; readonly figures: TranslateFigures } & PageSetup)
  | { readonly kind: 'failed'; readonly error: string };

/** How far a run got, and when (ms after the load started): what a timed-out device shows. */
export interface Stage {
  readonly stage: 'loaded' | 'warmed-up';
  readonly atMs: number;
  /** What was loaded: the dtype, and on WebGPU the adapter. */
  readonly detail: string;
}

/** What the worker posts to the page: stages and speed runs as they end, then the report. */
export type WorkerMessage =
  | ({ readonly type: 'stage' } & Stage)
  | { readonly type: 'run'; readonly run: SpeedRun }
  /** A translation's running totals after each request. */
  | { readonly type: 'request'; readonly sofar: TranslateFigures }
  | { readonly type: 'report'; readonly report: PageReport };

const ENDS: readonly unknown[] = ['eos', 'length', 'stopped'];
const allFinite = (value: Readonly<Record<string, unknown>>, keys: readonly string[]): boolean => keys.every((key) => isFiniteNumber(value[key]));

export function isSpeedRun(value: unknown): value is SpeedRun {
  return isRecord(value) && allFinite(value, ['promptTokens', 'newTokens', 'prefillMs', 'decodeMs']) && ENDS.includes(value.end);
}

export function isTranslateFigures(value: unknown): value is TranslateFigures {
  return isRecord(value) && allFinite(value, ['requests', 'totalMs', 'generateMs', 'promptTokens', 'newTokens', 'translated', 'failed']);
}

function isPageSetup(value: Readonly<Record<string, unknown>>): boolean {
  return typeof value.dtype === 'string' && typeof value.isolated === 'boolean' && typeof value.adapter === 'string' && allFinite(value, ['threads', 'loadMs']);
}

/** Checks what the page published (it crossed from the browser as plain data). */
export function isPageReport(value: unknown): value is PageReport {
  if (!isRecord(value)) return false;
  switch (value.kind) {
    case 'speed':
      return isPageSetup(value) && isArrayOf(value.runs, isSpeedRun);
    case 'translate':
      return isPageSetup(value) && isTranslateFigures(value.figures);
    case 'failed':
      return typeof value.error === 'string';
    default:
      return false;
  }
}

export function isStage(value: unknown): value is Stage {
  return isRecord(value) && (value.stage === 'loaded' || value.stage === 'warmed-up') && isFiniteNumber(value.atMs) && typeof value.detail === 'string';
}

export function isWorkerMessage(value: unknown): value is WorkerMessage {
  if (!isRecord(value)) return false;
  switch (value.type) {
    case 'stage':
      return isStage(value);
    case 'run':
      return isSpeedRun(value.run);
    case 'request':
      return isTranslateFigures(value.sofar);
    case 'report':
      return isPageReport(value.report);
    default:
      return false;
  }
}

const isMessage = (value: unknown): value is ChatMessage =>
  isRecord(value) && (value.role === 'system' || value.role === 'user' || value.role === 'assistant') && typeof value.content === 'string';
const isCue = (value: unknown): value is Cue => isRecord(value) && allFinite(value, ['start', 'end']) && typeof value.text === 'string';

export function isLlmBenchInput(value: unknown): value is LlmBenchInput {
  return isRecord(value) && isArrayOf(value.prefill, isMessage) && isArrayOf(value.transcript, isCue);
}
