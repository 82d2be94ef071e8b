/**
 * The privacy ledger's core: what one network request was, where it went, and the per-destination
 * totals the panel shows. Pure; the recording is done by ledger-fetch.ts and install.ts.
 */

/** Where a request was made: the page, one of the app's workers, or the service worker. */
export type RequestSource = 'page' | 'worker' | 'service-worker';

/** One request as the ledger keeps it. Bytes are body bytes (headers aren't visible to scripts). */
export interface RequestRecord {
  /** Unique per request; an update of the same request carries the same id. */
  readonly id: string;
  /** Origin and path; the query string is dropped (nothing in it is the ledger's business). */
  readonly url: string;
  readonly method: string;
  readonly source: RequestSource;
  readonly sent: number;
  readonly received: number;
  /** Stopped by strict offline before it left the browser. */
  readonly blocked: boolean;
  /** Answered by the service worker from its cache, without the network. */
  readonly fromCache: boolean;
  /** Still receiving its body. */
  readonly pending: boolean;
  /** `Date.now()` when it started. */
  readonly time: number;
}

/** The kinds of destination the panel groups requests by. */
export type Destination = 'app' | 'model-host' | 'ai-endpoint' | 'other';

/** The destinations the user chose, against which requests are classified. */
export interface KnownDestinations {
  readonly appOrigin: string;
  /** Model hosts the user set (hub, mirror, custom URL). */
  readonly modelHosts: readonly string[];
  /** AI endpoints the user set (base URLs). */
  readonly aiEndpoints: readonly string[];
}

/** Totals for one origin. */
export interface DestinationGroup {
  readonly destination: Destination;
  readonly origin: string;
  readonly requests: number;
  readonly sent: number;
  readonly received: number;
  readonly blocked: number;
}

const DESTINATION_ORDER: readonly Destination[] = ['app', 'model-host', 'ai-endpoint', 'other'];

/** The origin of a URL, or the URL itself when it has none (blob:, data:, garbage). Pure. */
export function originOf(url: string): string {
  try {
    const parsed = new URL(url);
    return parsed.origin === 'null' ? `${parsed.protocol}` : parsed.origin;
  } catch {
    return url;
  }
}

/** Origin and path of a URL without its query or fragment: what the ledger shows. Pure. */
export function displayUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.protocol === 'blob:' || parsed.protocol === 'data:') return `${parsed.protocol}…`;
    return parsed.origin + parsed.pathname;
  } catch {
    return url;
  }
}

/**
 * Whether strict offline lets a request through: only to the app's own origin (and in-memory
 * `blob:`/`data:` URLs, which never reach a network). Pure.
 * @example allowedWhenStrict('https://huggingface.co/x', 'https://zimu.app') // false
 */
export function allowedWhenStrict(url: string, appOrigin: string): boolean {
  if (/^(blob|data):/i.test(url)) return true;
  return originOf(url) === appOrigin;
}

/** Which of the user's destinations a URL goes to. Pure. */
export function destinationOf(url: string, known: KnownDestinations): Destination {
  const origin = originOf(url);
  if (origin === known.appOrigin || /^(blob|data):/i.test(url)) return 'app';
  if (known.aiEndpoints.some((endpoint) => originOf(endpoint) === origin)) return 'ai-endpoint';
  if (known.modelHosts.some((host) => originOf(host) === origin)) return 'model-host';
  return 'other';
}

/**
 * Totals per origin, the app first, then model hosts, AI endpoints, anything else. The service
 * worker's records count only when it blocked a request: what it served came from its cache,
 * and what it passed to the network is counted where the page or a worker asked for it. Pure.
 */
export function groupByDestination(records: readonly RequestRecord[], known: KnownDestinations): DestinationGroup[] {
  const groups = new Map<string, DestinationGroup>();
  for (const record of records) {
    if (record.source === 'service-worker' && !record.blocked) continue;
    const origin = /^(blob|data):/i.test(record.url) ? known.appOrigin : originOf(record.url);
    const destination = destinationOf(record.url, known);
    const key = `${destination} ${origin}`;
    const group = groups.get(key) ?? { destination, origin, requests: 0, sent: 0, received: 0, blocked: 0 };
    groups.set(key, {
      ...group,
      requests: group.requests + 1,
      sent: group.sent + record.sent,
      received: group.received + record.received,
      blocked: group.blocked + (record.blocked ? 1 : 0),
    });
  }
  return [...groups.values()].sort((a, b) => DESTINATION_ORDER.indexOf(a.destination) - DESTINATION_ORDER.indexOf(b.destination) || a.origin.localeCompare(b.origin));
}

/** Byte length of a request body as `fetch` takes it, 0 when it has none or can't be known. Pure. */
export function bodySize(body: unknown): number {
  if (body === undefined || body === null) return 0;
  if (typeof body === 'string') return new TextEncoder().encode(body).byteLength;
  if (body instanceof ArrayBuffer || ArrayBuffer.isView(body)) return body.byteLength;
  if (body instanceof Blob) return body.size;
  if (body instanceof URLSearchParams) return new TextEncoder().encode(body.toString()).byteLength;
  return 0;
}
