/**
 * Cross-origin isolation makes `crossOriginIsolated` true, which SharedArrayBuffer needs (the
 * media flow control, ONNX Runtime's threads). `require-corp` (not `credentialless`) because
 * Safari only knows the former; cross-origin model hosts pass it through CORS, which the hub and
 * mirrors send. The dev and preview servers send these; the service worker adds them to every
 * response it serves, offline and on hosts that cannot set headers.
 */
export const ISOLATION_HEADERS: Readonly<Record<string, string>> = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

/** Statuses whose responses must not carry a body (the Response constructor throws otherwise). */
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

/**
 * The same response with the isolation headers, and CORP so that worker scripts load into an
 * isolated page. Opaque responses (cross-origin, no CORS) cannot be rebuilt and are returned as
 * they are; the service worker only hands it same-origin responses anyway.
 *
 * @example
 * event.respondWith(fetch(event.request).then(withIsolation));
 */
export function withIsolation(response: Response): Response {
  if (response.type === 'opaque' || response.type === 'opaqueredirect' || response.status === 0) return response;
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(ISOLATION_HEADERS)) headers.set(name, value);
  headers.set('Cross-Origin-Resource-Policy', 'same-origin');
  const body = NULL_BODY_STATUSES.has(response.status) ? null : response.body;
  return new Response(body, { status: response.status, statusText: response.statusText, headers });
}

/** What the page does about isolation at start-up. */
export type IsolationAction =
  /** Isolated already: nothing to do. */
  | 'isolated'
  /** Not isolated, but our service worker can add the headers: reload once it controls the page. */
  | 'reload-when-controlled'
  /** Isolation is impossible here (no service workers, or a reload through ours did not help). */
  | 'impossible';

/** What `isolationAction` reads from the page. */
export interface IsolationScope {
  readonly isolated: boolean;
  readonly serviceWorkers: boolean;
  /** This tab already reloaded once to get isolation from the service worker. */
  readonly reloaded: boolean;
}

/**
 * The coi-serviceworker approach inside our one worker: a page that is not isolated reloads at
 * most once, after the service worker controls it; if it still is not isolated, it says so. Pure.
 *
 * @example
 * isolationAction({ isolated: false, serviceWorkers: true, reloaded: false }); // 'reload-when-controlled'
 */
export function isolationAction(scope: IsolationScope): IsolationAction {
  if (scope.isolated) return 'isolated';
  return scope.serviceWorkers && !scope.reloaded ? 'reload-when-controlled' : 'impossible';
}
