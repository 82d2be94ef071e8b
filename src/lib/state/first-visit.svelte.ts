/** The storage key remembering that the first-visit explanation was read. */
export const FIRST_VISIT_KEY = 'zimu.first-visit.seen';

/** The part of `localStorage` this needs (a stand-in in tests). */
export type FirstVisitStorage = Pick<Storage, 'getItem' | 'setItem'>;

/**
 * The first-visit explanation (what happens to a file, the sample, the model download): open
 * until dismissed once, then only when asked for ("How it works"). Remembered in localStorage,
 * read synchronously so a returning visitor never sees it flash; where storage is blocked it is
 * shown each visit rather than never.
 *
 * @example
 * const firstVisit = new FirstVisit(pageStorage());
 * firstVisit.dismiss(); // remembered for the next visit
 */
export class FirstVisit {
  open = $state(false);
  readonly #storage: FirstVisitStorage | undefined;

  constructor(storage: FirstVisitStorage | undefined) {
    this.#storage = storage;
    this.open = !this.#seen();
  }

  /** Closes it and remembers that it was read. */
  dismiss(): void {
    this.open = false;
    try {
      this.#storage?.setItem(FIRST_VISIT_KEY, '1');
    } catch {
      // Storage full or blocked: it shows again next time, which is harmless.
    }
  }

  /** Opens it again ("How it works"). */
  show(): void {
    this.open = true;
  }

  #seen(): boolean {
    try {
      return this.#storage?.getItem(FIRST_VISIT_KEY) === '1';
    } catch {
      return false;
    }
  }
}

/** The page's localStorage, or undefined where reading it throws (storage blocked for the site). */
export function pageStorage(): FirstVisitStorage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}
