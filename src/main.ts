import { mount } from 'svelte';
import { useRegisterSW } from 'virtual:pwa-register/svelte';
import App from './App.svelte';
import { isolationAction } from './lib/offline/isolation.ts';
import { pwa } from './lib/state/pwa.svelte.ts';
import { installRequestLedger } from './lib/privacy/install.ts';
import './app.css';

// Before the app makes any request: the privacy ledger records them all, strict offline included.
installRequestLedger('page');

const target = document.getElementById('app');
if (!target) throw new Error('#app is missing from index.html');

/** Set for this tab when it reloaded once to be isolated by the service worker. */
const RELOADED_KEY = 'zimu-isolation-reload';

function session(): Storage | undefined {
  try {
    return sessionStorage;
  } catch {
    return undefined; // storage blocked: no reload loop is possible without the flag, so none is tried
  }
}

const reloaded = session()?.getItem(RELOADED_KEY) === '1';
pwa.isolation = isolationAction({ isolated: crossOriginIsolated, serviceWorkers: 'serviceWorker' in navigator && session() !== undefined, reloaded });
if (pwa.isolation === 'isolated') session()?.removeItem(RELOADED_KEY);

/** Hourly, and when the tab comes back, the browser checks for a new version. */
const UPDATE_CHECK_MS = 60 * 60 * 1000;

const { needRefresh, updateServiceWorker } = useRegisterSW({
  immediate: true,
  onRegisteredSW(_url, registration) {
    if (!registration) return;
    setInterval(() => void registration.update().catch(() => undefined), UPDATE_CHECK_MS);
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') void registration.update().catch(() => undefined);
    });
    if (pwa.isolation === 'reload-when-controlled') void reloadWhenControlled();
  },
  onRegisterError() {
    // No service worker here (blocked, or a private window without them): isolation is impossible
    // unless the server sent the headers, and the app says so.
    if (pwa.isolation === 'reload-when-controlled') pwa.isolation = 'impossible';
  },
});
needRefresh.subscribe((waiting) => {
  if (waiting) pwa.offerUpdate(() => updateServiceWorker(true));
});
pwa.watchInstall(window);

/** How long the service worker may take to install before the page says isolation failed. */
const ISOLATION_WAIT_MS = 15_000;

/**
 * The page becomes isolated only when a response with the headers loads it: reload once, as soon
 * as a worker is active (a reload is controlled then, even where this page never will be, as after
 * Shift+Reload). A worker that never activates (its install failed) ends in the clear message.
 */
async function reloadWhenControlled(): Promise<void> {
  const timer = setTimeout(() => (pwa.isolation = 'impossible'), ISOLATION_WAIT_MS);
  await navigator.serviceWorker.ready;
  clearTimeout(timer);
  if (pwa.isolation !== 'reload-when-controlled') return;
  session()?.setItem(RELOADED_KEY, '1');
  location.reload();
}

export default mount(App, { target });
