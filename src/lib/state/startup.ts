import type { AppError } from '../errors.ts';

/** The part of the page's global scope the start-up check reads. */
export interface StartupScope {
  readonly crossOriginIsolated?: boolean;
}

/**
 * What stops the app from working at all, found at start-up rather than at the first file.
 * Extraction needs SharedArrayBuffer (flow control between ffmpeg and the page), which browsers
 * give only to cross-origin isolated pages, so a host without COOP/COEP gets a clear message
 * instead of an "unknown" failure mid-run. Pure.
 *
 * @example
 * startupProblem({ crossOriginIsolated: false }); // { code: 'not-isolated' }
 */
export function startupProblem(scope: StartupScope): AppError | undefined {
  return scope.crossOriginIsolated === true ? undefined : { code: 'not-isolated' };
}
