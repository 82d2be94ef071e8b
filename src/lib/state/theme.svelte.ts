/** The colour scheme: the system's, or one the user picked. */
export type ThemeChoice = 'system' | 'light' | 'dark';

export const THEME_CHOICES: readonly ThemeChoice[] = ['system', 'light', 'dark'];
const STORAGE_KEY = 'zimu-theme';

/** Where the choice is kept: synchronous, so the page is painted in it from the start. */
export interface ThemeStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

function isThemeChoice(value: string | null): value is ThemeChoice {
  return THEME_CHOICES.some((choice) => choice === value);
}

/** The element that carries the choice (`<html>`). */
export interface ThemeRoot {
  readonly dataset: Record<string, string | undefined>;
}

/**
 * Light or dark: follows the system unless the user picks one (header switch). The choice is
 * applied as `data-theme` on `<html>`, which app.css turns into `color-scheme`, so every
 * `light-dark()` colour and the browser's own controls follow it.
 */
export class ThemeState {
  choice = $state<ThemeChoice>('system');
  readonly #storage: ThemeStorage | undefined;
  readonly #root: ThemeRoot | undefined;

  constructor(storage: ThemeStorage | undefined, root: ThemeRoot | undefined) {
    this.#storage = storage;
    this.#root = root;
    const stored = this.#read();
    if (isThemeChoice(stored)) this.choice = stored;
    this.#apply();
  }

  /** Picks a scheme (or the system's) and remembers it on this device. */
  choose(choice: ThemeChoice): void {
    this.choice = choice;
    this.#apply();
    try {
      this.#storage?.setItem(STORAGE_KEY, choice);
    } catch {
      // Storage blocked: the choice holds for this visit.
    }
  }

  /** Picks a scheme by name, as a `<select>` gives it; an unknown name means the system's. */
  chooseNamed(name: string): void {
    this.choose(isThemeChoice(name) ? name : 'system');
  }

  #read(): string | null {
    try {
      return this.#storage?.getItem(STORAGE_KEY) ?? null;
    } catch {
      return null;
    }
  }

  #apply(): void {
    if (!this.#root) return;
    if (this.choice === 'system') delete this.#root.dataset.theme;
    else this.#root.dataset.theme = this.choice;
  }
}

function localStore(): ThemeStorage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

/** The page's theme, applied as soon as this module loads. */
export const theme = new ThemeState(localStore(), typeof document === 'undefined' ? undefined : document.documentElement);
