import type { IsolationAction } from '../offline/isolation.ts';

/** The browser's install prompt, as Chromium fires it (`beforeinstallprompt`). */
interface InstallPrompt {
  prompt(): Promise<unknown>;
}

function isInstallPrompt(value: unknown): value is Event & InstallPrompt {
  return value instanceof Event && typeof Reflect.get(value, 'prompt') === 'function';
}

/**
 * The app as an installed, isolated, updatable web app: whether the page is (or is about to be)
 * cross-origin isolated, whether the browser offers to install it, and whether a new version is
 * waiting. `src/main.ts` feeds it from the service worker's registration.
 */
export class PwaState {
  isolation = $state<IsolationAction>('isolated');
  /** A new version is installed and waits for the user to reload into it. */
  needRefresh = $state(false);
  /** The browser would install the app now (an in-page Install button can ask it to). */
  canInstall = $state(false);
  installed = $state(false);
  #prompt: InstallPrompt | undefined;
  #update: (() => Promise<void>) | undefined;

  /** Listens for the browser's install offer and for the app being installed. */
  watchInstall(target: Pick<Window, 'addEventListener'>): void {
    target.addEventListener('beforeinstallprompt', (event) => {
      if (!isInstallPrompt(event)) return;
      event.preventDefault(); // shown as our own button instead of the browser's mini-infobar
      this.#prompt = event;
      this.canInstall = true;
    });
    target.addEventListener('appinstalled', () => {
      this.installed = true;
      this.canInstall = false;
      this.#prompt = undefined;
    });
  }

  async install(): Promise<void> {
    const prompt = this.#prompt;
    this.#prompt = undefined;
    this.canInstall = false;
    await prompt?.prompt();
  }

  /** A new version is waiting; `update` activates it and reloads. */
  offerUpdate(update: () => Promise<void>): void {
    this.#update = update;
    this.needRefresh = true;
  }

  async update(): Promise<void> {
    this.needRefresh = false;
    await this.#update?.();
  }

  dismissUpdate(): void {
    this.needRefresh = false;
  }
}

export const pwa = new PwaState();
