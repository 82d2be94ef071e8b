import type { Cue } from '../subtitles/cue.ts';
import type { Complete, RetryWait } from './chat.ts';
import { oneLine } from './prompts.ts';
import { batchMessages, parseBatchAnswer, planBatches, singleCueFallback, type BatchProblem } from './translation-batches.ts';

export interface TranslationRequest {
  readonly cues: readonly Cue[];
  /** Translations kept from an earlier, interrupted run, by cue index: these are skipped. */
  readonly done: ReadonlyMap<number, string>;
  readonly language: string;
  readonly template: string;
  readonly batchSize: number;
  readonly contextLines: number;
}

export interface TranslationDeps {
  readonly complete: Complete;
  readonly signal: AbortSignal;
  /** Each batch whose answer passed the checks, as soon as it did. */
  readonly onTranslated: (translations: ReadonlyMap<number, string>) => void;
  readonly onWait?: (wait: RetryWait | undefined) => void;
}

/** Answers per batch before it is split in two (or, for one cue, given up). */
export const ATTEMPTS_PER_BATCH = 2;

/**
 * Translates every cue not yet in `done`, batch by batch, in order. A batch whose answer does
 * not carry exactly its cue numbers is asked again, then split in halves, down to single
 * cues; a cue that still fails is left untranslated rather than guessed. Network failures
 * reject (with what was done already reported through `onTranslated`), so a later call with
 * the same `done` resumes where this one stopped.
 *
 * @returns the indices of cues that could not be translated.
 * @example
 * const failed = await translateCues(
 *   { cues, done: new Map(), language: 'Simplified Chinese', template, batchSize: 20, contextLines: 2 },
 *   { complete, signal, onTranslated: (t) => console.log(t) },
 * );
 */
export async function translateCues(request: TranslationRequest, deps: TranslationDeps): Promise<number[]> {
  const failed: number[] = [];
  const batches = planBatches(request.cues.length, new Set(request.done.keys()), request.batchSize);
  for (const ids of batches) await translateBatch(request, deps, ids, failed);
  return failed;
}

async function translateBatch(request: TranslationRequest, deps: TranslationDeps, ids: readonly number[], failed: number[]): Promise<void> {
  let problem: BatchProblem | undefined;
  for (let attempt = 1; attempt <= ATTEMPTS_PER_BATCH; attempt++) {
    const answer = await deps.complete(batchMessages({ ...request, ids, problem }), {
      signal: deps.signal,
      onWait: deps.onWait,
      task: { kind: 'translate', language: request.language, lines: ids.map((i) => ({ number: i + 1, text: oneLine(request.cues[i]?.text ?? '') })) },
    });
    const result = parseBatchAnswer(answer, ids);
    if (result.ok) return deps.onTranslated(result.translations);
    const single = ids.length === 1 ? singleCueFallback(answer) : undefined;
    if (single !== undefined && ids[0] !== undefined) return deps.onTranslated(new Map([[ids[0], single]]));
    problem = result.problem;
  }
  if (ids.length === 1) {
    failed.push(...ids);
    return;
  }
  const middle = Math.ceil(ids.length / 2);
  await translateBatch(request, deps, ids.slice(0, middle), failed);
  await translateBatch(request, deps, ids.slice(middle), failed);
}
