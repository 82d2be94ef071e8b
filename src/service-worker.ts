/// <reference lib="webworker" />
/**
 * Zimu's one service worker (built by vite-plugin-pwa's injectManifest from this file):
 * - precaches the app shell (HTML, JS, CSS, icons, the sample), so the page opens offline;
 * - caches the engines (ffmpeg core, ONNX Runtime, Silero VAD) in their own cache on first use,
 *   or when the user makes the app available offline; the list of current engine files comes
 *   with the shell, and older builds' engine files are deleted on activation;
 * - never touches another origin: model files stay in transformers.js's own cache, requests to
 *   the model host and the AI endpoint go straight to the network; except that with strict
 *   offline on (the privacy ledger's switch) it refuses them;
 * - adds COOP/COEP/CORP to everything it serves, so the page is cross-origin isolated offline and
 *   on static hosts that cannot send headers (the coi-serviceworker approach, inside this worker:
 *   two workers at one scope would conflict).
 * Types come from tsconfig.sw.json (the WebWorker lib), checked by `npm run check`.
 */
import { cleanupOutdatedCaches, PrecacheController, PrecacheRoute, type PrecacheEntry } from 'workbox-precaching';
import { NavigationRoute, Route, Router } from 'workbox-routing';
import { CacheFirst } from 'workbox-strategies';
import { ENGINE_CACHE, ENGINE_MANIFEST, engineKindOf, FONT_CACHE, isSubtitleFontFile, parseEngineManifest } from './lib/offline/engines.ts';
import { withIsolation } from './lib/offline/isolation.ts';
import { allowedWhenStrict, displayUrl } from './lib/privacy/ledger.ts';
import { LEDGER_CHANNEL, type LedgerMessage } from './lib/privacy/ledger-channel.ts';
import { watchStrictOffline } from './lib/privacy/strict-flag.ts';

declare const self: ServiceWorkerGlobalScope & { readonly __WB_MANIFEST: (PrecacheEntry | string)[] };

const precache = new PrecacheController();
precache.precache(self.__WB_MANIFEST);
cleanupOutdatedCaches();

const router = new Router();
router.registerRoute(new PrecacheRoute(precache, { ignoreURLParametersMatching: [/.*/] }));
router.registerRoute(new NavigationRoute(precache.createHandlerBoundToURL('index.html')));
// ignoreVary: an engine stored by "Make available offline" (a plain fetch) must also answer the
// module import of the same URL, which carries an Origin header.
router.registerRoute(new Route(({ url }) => engineKindOf(url.pathname) !== undefined, new CacheFirst({ cacheName: ENGINE_CACHE, matchOptions: { ignoreVary: true } })));
// The burn-in font, fetched subset by subset when burn-in first draws text, kept for offline use.
router.registerRoute(new Route(({ url }) => isSubtitleFontFile(url.pathname), new CacheFirst({ cacheName: FONT_CACHE })));

const strictOffline = watchStrictOffline();
const ledger = new BroadcastChannel(LEDGER_CHANNEL);

/**
 * Strict offline, enforced here too: a request to another origin from any page or worker of the
 * app is refused (and shown in the privacy ledger as blocked by the service worker), even one made
 * by code that doesn't go through the ledger's fetch. Off, such requests pass untouched.
 */
async function refuseWhenStrict(request: Request): Promise<Response> {
  if (!(await strictOffline())) return fetch(request);
  const message: LedgerMessage = {
    type: 'request',
    record: { id: `sw-${crypto.randomUUID()}`, url: displayUrl(request.url), method: request.method, source: 'service-worker', sent: 0, received: 0, blocked: true, fromCache: false, pending: false, time: Date.now() },
  };
  ledger.postMessage(message);
  return Response.error();
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (!allowedWhenStrict(request.url, self.location.origin)) {
    // Known to be off: not answered here at all, exactly as without the switch.
    if (strictOffline() !== false) event.respondWith(refuseWhenStrict(request));
    return;
  }
  if (request.method !== 'GET') return;
  const handled = router.handleRequest({ event, request });
  event.respondWith((handled ?? fetch(request)).then(withIsolation));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(Promise.all([self.clients.claim(), dropOldEngines()]));
});

// The page's update notice (virtual:pwa-register) asks a waiting worker to take over.
self.addEventListener('message', (event) => {
  if (typeof event.data === 'object' && event.data !== null && Reflect.get(event.data, 'type') === 'SKIP_WAITING') void self.skipWaiting();
});

/** Deletes cached engine files that this build no longer lists (an update replaced them). */
async function dropOldEngines(): Promise<void> {
  const manifest = await precache.matchPrecache(ENGINE_MANIFEST);
  if (!manifest) return;
  const current = new Set(parseEngineManifest(await manifest.json()).map((file) => new URL(file.url, self.registration.scope).href));
  const cache = await caches.open(ENGINE_CACHE);
  for (const request of await cache.keys()) if (!current.has(request.url)) await cache.delete(request);
}
