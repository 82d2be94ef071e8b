import { AppErrorException } from '../../errors.ts';
import type { BuiltinAiApi, BuiltinAvailability, CreateCommon, CreateMonitorLike } from './builtin-api.ts';
import { builtinFailure, needsClick, unavailable } from './builtin-errors.ts';

/** What the page hears from the built-in AI provider beside the answers. */
export interface BuiltinHooks {
  /** Download progress of a model the browser fetches, 0…1 (the browser downloads, not Zimu). */
  readonly onDownload?: (fraction: number) => void;
  /**
   * The lifetime of the models this provider creates. It is handed to `create()`, where the spec
   * ties it to the model: aborting it destroys them all. A request's own signal is never passed
   * there, since cancelling one request would destroy a model that later requests reuse.
   */
  readonly lifetime?: AbortSignal;
}

/** How to make one model: ask availability, then create it. */
export interface ModelRecipe<T> {
  /** Shown in error details, e.g. 'Translator en → zh'. */
  readonly what: string;
  readonly availability: () => Promise<BuiltinAvailability>;
  readonly create: (common: CreateCommon) => Promise<T>;
}

/**
 * Creates a model after checking that it can be: 'unavailable' fails with
 * `llm-builtin-unavailable`; 'downloadable' without a click on the page fails with
 * `llm-builtin-needs-click` (the spec's create() needs transient activation to start a download,
 * and consumes it); otherwise it creates, reporting download progress.
 *
 * @example
 * const translator = await openModel(api, { what: 'Translator en → zh', availability, create }, hooks);
 */
export async function openModel<T>(api: BuiltinAiApi, recipe: ModelRecipe<T>, hooks: BuiltinHooks): Promise<T> {
  const context = { signal: hooks.lifetime ?? new AbortController().signal, what: recipe.what };
  let state: BuiltinAvailability;
  try {
    state = await recipe.availability();
  } catch (caught) {
    throw builtinFailure(caught, context);
  }
  if (state === 'unavailable') throw unavailable(recipe.what);
  const neededDownload = state === 'downloadable';
  if (neededDownload && !api.hasActivation()) throw needsClick(recipe.what);
  try {
    return await recipe.create(createCommon(hooks));
  } catch (caught) {
    throw builtinFailure(caught, { ...context, neededDownload });
  }
}

/**
 * Settles like `promise`, or rejects with `cancelled` as soon as `signal` aborts (the work itself
 * goes on: a model download is kept for the next request).
 */
export function untilCancelled<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(new AppErrorException({ code: 'cancelled' }));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new AppErrorException({ code: 'cancelled' }));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (caught: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(caught);
      },
    );
  });
}

/**
 * Models by key (a language pair, a summary type…), each created once and shared by later
 * requests; a failed creation is forgotten so that the next request tries again.
 */
export class ModelCache<T> {
  readonly #models = new Map<string, Promise<T>>();

  /** The model for `key`, creating it with `open` the first time. */
  get(key: string, open: () => Promise<T>): Promise<T> {
    const known = this.#models.get(key);
    if (known) return known;
    const opening = open().catch((caught: unknown) => {
      this.#models.delete(key);
      throw caught;
    });
    this.#models.set(key, opening);
    return opening;
  }
}

function createCommon(hooks: BuiltinHooks): CreateCommon {
  const onDownload = hooks.onDownload;
  const monitor = onDownload
    ? (m: CreateMonitorLike) =>
        m.addEventListener('downloadprogress', (event) => onDownload(event.total > 0 ? Math.min(1, event.loaded / event.total) : event.loaded))
    : undefined;
  // An absent key, not `undefined`: WebIDL treats both alike, a strict stand-in may not.
  if (hooks.lifetime && monitor) return { signal: hooks.lifetime, monitor };
  if (hooks.lifetime) return { signal: hooks.lifetime };
  return monitor ? { monitor } : {};
}
