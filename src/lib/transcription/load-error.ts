import { AppErrorException, type AppErrorCode } from '../errors.ts';

/**
 * Why a model failed to load, as the user should hear it. A fetch that never reached the host
 * (offline, or the host unreachable) is not a wrong model name: it means the model is not in the
 * cache and cannot be downloaded now. Browsers throw a TypeError for that ("Failed to fetch" in
 * Chromium, "NetworkError when attempting to fetch resource" in Firefox, "Load failed" in Safari).
 * Pure.
 *
 * @example
 * loadFailureCode(new TypeError('Failed to fetch'), true); // 'model-not-cached'
 */
export function loadFailureCode(error: unknown, online: boolean): AppErrorCode {
  if (!online) return 'model-not-cached';
  const networkFailure = error instanceof TypeError && /fetch|network|load failed/i.test(error.message);
  return networkFailure ? 'model-not-cached' : 'model-load-failed';
}

/** A load failure as the typed error the page shows; typed errors pass through. */
export function asLoadError(error: unknown, online: boolean): AppErrorException {
  if (error instanceof AppErrorException) return error;
  return new AppErrorException({ code: loadFailureCode(error, online), detail: error instanceof Error ? error.message : String(error) });
}
