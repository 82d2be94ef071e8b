import { describe, expect, it, vi } from 'vitest';
import { PwaState } from './pwa.svelte.ts';

/** Chromium's `beforeinstallprompt`: a cancelable Event with a `prompt()` method. */
class InstallPromptEvent extends Event {
  readonly prompt = vi.fn(async () => ({ outcome: 'accepted' }));
  constructor() {
    super('beforeinstallprompt', { cancelable: true });
  }
}

function watched() {
  const pwa = new PwaState();
  const window = new EventTarget();
  pwa.watchInstall(window);
  return { pwa, window };
}

describe('PwaState install', () => {
  it('keeps the browser’s install offer for its own button instead of the mini-infobar', () => {
    const { pwa, window } = watched();
    expect(pwa.canInstall).toBe(false);
    const offer = new InstallPromptEvent();
    window.dispatchEvent(offer);
    expect(offer.defaultPrevented).toBe(true);
    expect(pwa.canInstall).toBe(true);
    expect(offer.prompt).not.toHaveBeenCalled();
  });

  it('install() shows the browser’s prompt once and clears the offer', async () => {
    const { pwa, window } = watched();
    const offer = new InstallPromptEvent();
    window.dispatchEvent(offer);
    await pwa.install();
    expect(offer.prompt).toHaveBeenCalledTimes(1);
    expect(pwa.canInstall).toBe(false);
    await pwa.install(); // a prompt can be shown only once
    expect(offer.prompt).toHaveBeenCalledTimes(1);
  });

  it('install() without an offer does nothing', async () => {
    const pwa = new PwaState();
    await expect(pwa.install()).resolves.toBeUndefined();
    expect(pwa.canInstall).toBe(false);
  });

  it('ignores a `beforeinstallprompt` without a prompt method', () => {
    const { pwa, window } = watched();
    const event = new Event('beforeinstallprompt', { cancelable: true });
    window.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(false);
    expect(pwa.canInstall).toBe(false);
  });

  it('knows when the app was installed, and forgets the offer', async () => {
    const { pwa, window } = watched();
    const offer = new InstallPromptEvent();
    window.dispatchEvent(offer);
    window.dispatchEvent(new Event('appinstalled'));
    expect(pwa.installed).toBe(true);
    expect(pwa.canInstall).toBe(false);
    await pwa.install();
    expect(offer.prompt).not.toHaveBeenCalled();
  });

  it('the newest offer is the one prompted', async () => {
    const { pwa, window } = watched();
    const older = new InstallPromptEvent();
    const newer = new InstallPromptEvent();
    window.dispatchEvent(older);
    window.dispatchEvent(newer);
    await pwa.install();
    expect([older.prompt.mock.calls.length, newer.prompt.mock.calls.length]).toEqual([0, 1]);
  });
});

describe('PwaState update', () => {
  it('offers a waiting version; update() activates it and hides the notice', async () => {
    const pwa = new PwaState();
    expect(pwa.needRefresh).toBe(false);
    const activate = vi.fn(async () => {});
    pwa.offerUpdate(activate);
    expect(pwa.needRefresh).toBe(true);
    expect(activate).not.toHaveBeenCalled();
    await pwa.update();
    expect(activate).toHaveBeenCalledTimes(1);
    expect(pwa.needRefresh).toBe(false);
  });

  it('hides the notice before the reload, even while activating takes time', async () => {
    const pwa = new PwaState();
    let finish = () => {};
    pwa.offerUpdate(() => new Promise<void>((resolve) => (finish = resolve)));
    const updating = pwa.update();
    expect(pwa.needRefresh).toBe(false);
    finish();
    await updating;
  });

  it('dismissUpdate() hides the notice without activating; a later update() still can', async () => {
    const pwa = new PwaState();
    const activate = vi.fn(async () => {});
    pwa.offerUpdate(activate);
    pwa.dismissUpdate();
    expect(pwa.needRefresh).toBe(false);
    expect(activate).not.toHaveBeenCalled();
    await pwa.update();
    expect(activate).toHaveBeenCalledTimes(1);
  });

  it('update() without an offer does nothing', async () => {
    const pwa = new PwaState();
    await expect(pwa.update()).resolves.toBeUndefined();
    expect(pwa.needRefresh).toBe(false);
  });

  it('starts isolated, not installable, not installed', () => {
    const pwa = new PwaState();
    expect([pwa.isolation, pwa.canInstall, pwa.installed, pwa.needRefresh]).toEqual(['isolated', false, false, false]);
  });
});
