import type { RunSettings } from './job.svelte.ts';

/** The part of `navigator.connection` (Network Information API, Chromium) warm-up reads. */
export interface ConnectionHints {
  readonly saveData?: boolean;
  readonly type?: string;
}

/** What warm-up may use; all of it from the page, injected for tests. */
export interface WarmStartDeps {
  readonly connection?: ConnectionHints;
  /** Every engine file is in the engine cache (nothing would be downloaded). */
  readonly enginesCached: () => Promise<boolean>;
  /** The chosen model's files for this device are all cached. */
  readonly modelCached: (settings: RunSettings) => Promise<boolean>;
  readonly warmMedia: () => Promise<unknown>;
  readonly warmModel: (settings: RunSettings) => Promise<unknown>;
}

/** What warm-up did. */
export interface WarmStartResult {
  readonly media: boolean;
  readonly model: boolean;
}

/** Whether the connection asks for no background work: data saver on, or a cellular link. Pure. */
export function metered(connection: ConnectionHints | undefined): boolean {
  return connection?.saveData === true || connection?.type === 'cellular';
}

/**
 * Gets the next file's first cue out sooner: once the page is idle, compiles ffmpeg and opens the
 * chosen model's sessions — but only from the cache (it never downloads an engine or a model the
 * user has not asked for) and never on a metered connection. Failures are ignored: the first file
 * simply loads as it would have.
 */
export async function warmStart(settings: RunSettings, deps: WarmStartDeps): Promise<WarmStartResult> {
  if (metered(deps.connection) || !(await deps.enginesCached().catch(() => false))) return { media: false, model: false };
  const media = await deps.warmMedia().then(() => true, () => false);
  const model = (await deps.modelCached(settings).catch(() => false)) && (await deps.warmModel(settings).then(() => true, () => false));
  return { media, model };
}
