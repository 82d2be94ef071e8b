import { AppErrorException, type AppErrorCode } from '../../errors.ts';

/** What was being done when the built-in AI failed, for the error's detail and its code. */
export interface FailureContext {
  /** The request's signal: once it is aborted, any failure is a cancellation. */
  readonly signal: AbortSignal;
  /** Shown as the detail, e.g. 'Translator en → zh'. */
  readonly what: string;
  /** The model had to be downloaded first (availability was 'downloadable'). */
  readonly neededDownload?: boolean;
}

/**
 * A typed error for a failure of the built-in AI. The APIs reject with DOMExceptions named in the
 * specs: NotAllowedError when a download needed a click (or a permissions policy blocks the API),
 * NotSupportedError for a language or option the model can't do, QuotaExceededError for input
 * over `inputQuota`, AbortError on cancel. Pure.
 *
 * @example
 * builtinFailure(new DOMException('no', 'NotAllowedError'), { signal, what: 'Summarizer', neededDownload: true }).error;
 * // { code: 'llm-builtin-needs-click', detail: 'Summarizer' }
 */
export function builtinFailure(caught: unknown, context: FailureContext): AppErrorException {
  if (caught instanceof AppErrorException) return caught;
  if (context.signal.aborted) return new AppErrorException({ code: 'cancelled' });
  const name = errorName(caught);
  const message = errorMessage(caught);
  const detail = message ? `${context.what}: ${message}` : context.what;
  return new AppErrorException({ code: codeFor(name, context), detail });
}

/** The error for a model or language the built-in AI does not have. */
export function unavailable(what: string): AppErrorException {
  return new AppErrorException({ code: 'llm-builtin-unavailable', detail: what });
}

/** The error for a model that must be downloaded first, which needs a click on the page. */
export function needsClick(what: string): AppErrorException {
  return new AppErrorException({ code: 'llm-builtin-needs-click', detail: what });
}

/** Throws `cancelled` when the signal is aborted. */
export function throwIfCancelled(signal: AbortSignal): void {
  if (signal.aborted) throw new AppErrorException({ code: 'cancelled' });
}

function codeFor(name: string | undefined, context: FailureContext): AppErrorCode {
  switch (name) {
    case 'AbortError':
      return 'cancelled';
    case 'NotAllowedError':
      // Without a pending download, NotAllowedError means a permissions policy blocks the API:
      // clicking again would not help.
      return context.neededDownload ? 'llm-builtin-needs-click' : 'llm-builtin-unavailable';
    case 'QuotaExceededError':
      return 'llm-context-too-long';
    case undefined:
      return 'unknown';
    default:
      // NotSupportedError, NotReadableError (output withheld), NetworkError (download failed),
      // UnknownError, InvalidStateError: none is fixed by trying again with the same input.
      return 'llm-builtin-unavailable';
  }
}

// The DOMException names the specs reject with; anything else (a TypeError…) is our own bug.
const DOM_ERROR_NAMES: ReadonlySet<string> = new Set([
  'AbortError',
  'NotAllowedError',
  'NotSupportedError',
  'QuotaExceededError',
  'NotReadableError',
  'NetworkError',
  'UnknownError',
  'InvalidStateError',
  'OperationError',
  'DataError',
]);

/** The `name` of a DOMException the APIs use (checked by name, so one from another realm works). */
function errorName(caught: unknown): string | undefined {
  if (!isNamed(caught)) return undefined;
  return caught instanceof DOMException || DOM_ERROR_NAMES.has(caught.name) ? caught.name : undefined;
}

function errorMessage(caught: unknown): string {
  if (caught instanceof Error) return caught.message;
  if (typeof caught === 'object' && caught !== null && 'message' in caught && typeof caught.message === 'string') return caught.message;
  return typeof caught === 'string' ? caught : '';
}

function isNamed(value: unknown): value is { readonly name: string } {
  return typeof value === 'object' && value !== null && 'name' in value && typeof value.name === 'string';
}
