/** The panels the header opens over the work area. */
export type PanelName = 'settings' | 'provider' | 'library' | 'queue' | 'offline' | 'privacy';

export const PANEL_NAMES: readonly PanelName[] = ['settings', 'provider', 'library', 'queue', 'offline', 'privacy'];

/**
 * Which header panels are open: each opens and closes on its own (several may be open at once, as
 * the work area stacks them), the header's buttons say which with `aria-expanded`.
 */
export class OpenPanels {
  #open = $state<Record<PanelName, boolean>>({ settings: false, provider: false, library: false, queue: false, offline: false, privacy: false });

  isOpen(name: PanelName): boolean {
    return this.#open[name];
  }

  toggle(name: PanelName): void {
    this.#open[name] = !this.#open[name];
  }

  show(name: PanelName): void {
    this.#open[name] = true;
  }

  close(name: PanelName): void {
    this.#open[name] = false;
  }
}
