import type { Page } from '@playwright/test';

/** One worker as the page sees it: its script and the requests it was sent and answered. */
export interface TracedWorker {
  readonly url: string;
  /** Request id → `performance.now()` when it was posted. */
  readonly sent: Record<number, number>;
  /** Request id → `performance.now()` when its end message (done, failed, cancelled) came back. */
  readonly ended: Record<number, number>;
  /** `performance.now()` when the page terminated it. */
  terminatedAt?: number;
}

/**
 * Records, inside the page, every request the app posts to its workers and when each one ended,
 * in the page's own clock, so a test can time the app's cancel without the round trips between
 * the test and the browser. Call before `page.goto`. Reads the app's worker protocol
 * (src/lib/workers/protocol.ts) from outside: no test code in the app.
 */
export async function traceWorkers(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const traces: TracedWorker[] = [];
    Reflect.set(window, '__workerTraces', traces);
    const NativeWorker = window.Worker;
    const idOf = (message: unknown, kinds: readonly string[]): number | undefined => {
      if (typeof message !== 'object' || message === null) return undefined;
      const kind: unknown = Reflect.get(message, 'kind');
      const id: unknown = Reflect.get(message, 'id');
      return typeof kind === 'string' && kinds.includes(kind) && typeof id === 'number' ? id : undefined;
    };
    window.Worker = class extends NativeWorker {
      readonly #trace: TracedWorker;
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        this.#trace = { url: String(url), sent: {}, ended: {} };
        traces.push(this.#trace);
        super.addEventListener('message', (event) => {
          const id = idOf(event.data, ['done', 'failed', 'cancelled']);
          if (id !== undefined) this.#trace.ended[id] = performance.now();
        });
      }
      override postMessage(message: unknown, transfer?: Transferable[] | StructuredSerializeOptions): void {
        const id = idOf(message, ['request']);
        if (id !== undefined) this.#trace.sent[id] = performance.now();
        if (Array.isArray(transfer)) super.postMessage(message, transfer);
        else super.postMessage(message, transfer);
      }
      override terminate(): void {
        this.#trace.terminatedAt = performance.now();
        super.terminate();
      }
    };
  });
}

/** The traces recorded so far. */
export async function workerTraces(page: Page): Promise<TracedWorker[]> {
  return page.evaluate(() => Reflect.get(window, '__workerTraces'));
}

/** How long a cancel took, in the page's clock; see `timeCancel`. */
export interface CancelTiming {
  readonly ms: number;
  /** Worker requests that were running when Cancel was clicked. */
  readonly running: number;
  readonly clickedAt: number;
  /** The progress stage shown when Cancel was clicked. */
  readonly stage: string;
}

/** Notes, in the page, when the next click on Cancel reaches it and which stage was shown. */
async function listenForCancel(page: Page): Promise<void> {
  await page.evaluate(() => {
    Reflect.deleteProperty(window, '__cancelClickedAt');
    document.addEventListener('click', (event) => {
      if (!(event.target instanceof Element && event.target.closest('[data-testid="cancel"]'))) return;
      Reflect.set(window, '__cancelClickedAt', performance.now());
      Reflect.set(window, '__cancelStage', document.querySelector('[data-testid="progress"]')?.getAttribute('data-stage') ?? '');
    }, { capture: true, once: true });
  });
}

/**
 * Clicks the app's Cancel button and returns, in the page's clock, how long it took from the
 * click reaching the page until every request that was running in a worker at that moment had
 * ended (answered, or its worker terminated).
 */
export async function timeCancel(page: Page): Promise<CancelTiming> {
  await listenForCancel(page);
  await page.getByTestId('cancel').click();
  return cancelTiming(page);
}

/**
 * Clicks Cancel from inside the page the moment the progress shows `stage` (a stage can last
 * less than a round trip to the test); then `cancelTiming` tells how long the cancel took.
 */
export async function cancelAtStage(page: Page, stage: string): Promise<void> {
  await listenForCancel(page);
  await page.evaluate((wanted) => {
    const observer = new MutationObserver(() => {
      const shown = document.querySelector('[data-testid="progress"]')?.getAttribute('data-stage');
      const button = document.querySelector('[data-testid="cancel"]');
      if (shown !== wanted || !(button instanceof HTMLElement)) return;
      observer.disconnect();
      button.click();
    });
    observer.observe(document.body, { subtree: true, childList: true, attributes: true });
  }, stage);
}

/** Waits until every worker request running at the cancel click has ended; see `timeCancel`. */
export async function cancelTiming(page: Page): Promise<CancelTiming> {
  const result = await page.waitForFunction(() => {
    const clickedAt: unknown = Reflect.get(window, '__cancelClickedAt');
    if (typeof clickedAt !== 'number') return undefined;
    const traces: TracedWorker[] = Reflect.get(window, '__workerTraces');
    let last = clickedAt;
    let running = 0;
    for (const trace of traces) {
      for (const [id, sentAt] of Object.entries(trace.sent)) {
        const endedAt = trace.ended[Number(id)];
        if (sentAt > clickedAt || (endedAt !== undefined && endedAt < clickedAt)) continue;
        running++;
        const end = endedAt ?? trace.terminatedAt;
        if (end === undefined || end < clickedAt) return undefined; // still running
        last = Math.max(last, end);
      }
    }
    return { ms: last - clickedAt, running, clickedAt, stage: String(Reflect.get(window, '__cancelStage')) };
  }, undefined, { timeout: 30_000, polling: 50 });
  const timing = await result.jsonValue();
  if (!timing) throw new Error('no cancel was timed');
  return timing;
}
