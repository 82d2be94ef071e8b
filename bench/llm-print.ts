/** The LLM benchmark's table lines (llm.ts prints them). Pure. */
import type { SpeedRun, Stage, TranslateFigures } from './llm-options.ts';

/** Tokens a second. */
export const rate = (tokens: number, ms: number): number => (tokens / ms) * 1000;
/** Prefill: the prompt up to the first new token. Decode: every new token after the first. */
export const prefillRate = (run: SpeedRun): number => rate(run.promptTokens, run.prefillMs);
export const decodeRate = (run: SpeedRun): number => rate(run.newTokens - 1, run.decodeMs);

const LABEL = 44;
const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
const times = (value: number, reference: number): string => `${(value / reference).toFixed(2)}×`;

export const SPEED_HEADER = `${'where'.padEnd(LABEL)} ${'dtype'.padEnd(6)} threads  prompt  prefill tok/s  ratio  decode tok/s  ratio  load+warm-up  load`;

/** One measured row; the ratios are against `reference` (native, the same dtype where there is one). */
export function speedLine(label: string, dtype: string, threads: number, run: SpeedRun, loadMs: number, reference: SpeedRun, load: number): string {
  const short = run.newTokens < 2 ? ' (fewer than 2 new tokens: no decode figure)' : '';
  return [
    label.padEnd(LABEL), dtype.padEnd(6), String(threads).padStart(7), String(run.promptTokens).padStart(7),
    prefillRate(run).toFixed(1).padStart(14), times(prefillRate(run), prefillRate(reference)).padStart(6),
    decodeRate(run).toFixed(2).padStart(13), times(decodeRate(run), decodeRate(reference)).padStart(6),
    seconds(loadMs).padStart(13), load.toFixed(1).padStart(5),
  ].join(' ') + short;
}

/** A row that did not finish: why, and how far it got. */
export function notMeasuredLine(label: string, reason: string, stages: readonly Stage[], partial: readonly SpeedRun[], sofar?: TranslateFigures): string {
  const loaded = stages.find((s) => s.stage === 'loaded');
  const warmed = stages.find((s) => s.stage === 'warmed-up');
  const progress = [
    loaded ? `model (${loaded.detail}) loaded in ${seconds(loaded.atMs)}` : 'the model did not finish loading',
    !loaded ? '' : warmed ? `warmed up at ${seconds(warmed.atMs)}` : "the app's one-token warm-up did not finish",
    partial[0] ? `cold first run: prefill ${prefillRate(partial[0]).toFixed(1)} tok/s, decode ${decodeRate(partial[0]).toFixed(2)} tok/s` : '',
    sofar ? `${sofar.requests} requests answered in ${seconds(sofar.totalMs)}, ${sofar.translated} cues translated` : '',
  ].filter(Boolean);
  return `${label.padEnd(LABEL)} not measured: ${reason}${stages.length > 0 ? ` (${progress.join('; ')})` : ''}`;
}

export const TRANSLATION_HEADER =
  `${'model, where'.padEnd(LABEL)} requests  cues done  total s  per request  outside generate  prompt+new tokens  generate ms/new token  load`;

/**
 * One end-to-end translation: "outside generate" is the orchestration's own time, all requests
 * together; "generate ms/new token" counts each request's prefill in.
 */
export function translationLine(label: string, f: TranslateFigures, load: number): string {
  return [
    label.padEnd(LABEL), String(f.requests).padStart(8), `${f.translated}/${f.translated + f.failed}`.padStart(10),
    (f.totalMs / 1000).toFixed(2).padStart(8), `${(f.totalMs / Math.max(1, f.requests)).toFixed(0)} ms`.padStart(12),
    `${(f.totalMs - f.generateMs).toFixed(1)} ms`.padStart(17), `${f.promptTokens}+${f.newTokens}`.padStart(18),
    (f.generateMs / Math.max(1, f.newTokens)).toFixed(2).padStart(22), load.toFixed(1).padStart(5),
  ].join(' ');
}
