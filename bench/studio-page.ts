/**
 * What the studio benchmark runs inside the page (each function is sent whole through
 * `page.evaluate`, so none may use anything from this module's scope). Every figure is taken
 * with the page's own clock: from an event's `timeStamp` or `performance.now()` to the frame
 * after the DOM changed (a `requestAnimationFrame`, then a `setTimeout` that runs once it painted).
 */

/** The probe's state on `window.zimuProbe`. */
export interface StudioProbe {
  /** What a key press is timed to: an `input` event (typing), or the list changing (an action). */
  mode: 'off' | 'typing' | 'action';
  /** Milliseconds from keydown to the frame after the update, one per key press. */
  samples: number[];
  /** Key presses after which nothing changed within two seconds. */
  misses: number;
  /** Milliseconds from the file input's `change` to the full list painted; set once it has. */
  importMs: number | undefined;
  /** Long tasks seen since the last `takeLongTasks` (ms each). */
  longTasks: number[];
}

declare global {
  interface Window {
    zimuProbe?: StudioProbe;
  }
}

/** Installs `window.zimuProbe` and its key, input and long-task listeners. */
export function installProbe(): void {
  const probe: StudioProbe = { mode: 'off', samples: [], misses: 0, importMs: undefined, longTasks: [] };
  window.zimuProbe = probe;
  const list = () => document.querySelector<HTMLElement>('[data-testid="cues"]');
  // The list's visible state: its count, the rows' text and any text box's value.
  const signature = (): string => {
    const element = list();
    if (!element) return '';
    let text = `${element.dataset.count ?? ''}|${element.querySelector('ol')?.textContent ?? ''}`;
    for (const box of element.querySelectorAll('textarea')) text += `|${box.value}`;
    return text;
  };
  const afterPaint = (then: () => void) => requestAnimationFrame(() => setTimeout(then, 0));
  // Playwright presses Alt+S as two keydowns; only the one that does something is timed.
  const modifier = (event: KeyboardEvent) => ['Alt', 'Control', 'Shift', 'Meta'].includes(event.key);
  let start = NaN;
  let before = '';
  window.addEventListener('keydown', (event) => {
    if (probe.mode === 'off' || modifier(event)) return;
    // The event's own time: queueing behind a busy main thread counts as latency too.
    start = event.timeStamp;
    before = probe.mode === 'action' ? signature() : '';
  }, { capture: true });
  window.addEventListener('input', () => {
    if (probe.mode !== 'typing') return;
    const from = start;
    afterPaint(() => probe.samples.push(performance.now() - from));
  });
  // Bubbling, so the studio's own handler has run; its update may land in a later frame.
  window.addEventListener('keydown', (event) => {
    if (probe.mode !== 'action' || modifier(event)) return;
    const from = start;
    const was = before;
    const poll = () => {
      if (signature() !== was) afterPaint(() => probe.samples.push(performance.now() - from));
      else if (performance.now() - from > 2000) probe.misses++;
      else requestAnimationFrame(poll);
    };
    requestAnimationFrame(poll);
  });
  new PerformanceObserver((entries) => {
    for (const entry of entries.getEntries()) probe.longTasks.push(entry.duration);
  }).observe({ type: 'longtask', buffered: false });
}

/**
 * Times the next subtitle import: from the file input's `change` until the list shows
 * `expected` cues and its rows fill the view, in the frame after that.
 */
export function armImport(expected: number): void {
  const probe = window.zimuProbe;
  if (!probe) throw new Error('probe not installed');
  probe.importMs = undefined;
  let start = NaN;
  const shown = (): boolean => {
    const element = document.querySelector<HTMLElement>('[data-testid="cues"]');
    const rows = element?.querySelector('ol');
    if (!element || !rows || element.dataset.count !== String(expected)) return false;
    return rows.getBoundingClientRect().height >= element.clientHeight;
  };
  const poll = () => {
    if (shown()) requestAnimationFrame(() => setTimeout(() => (probe.importMs = performance.now() - start), 0));
    else requestAnimationFrame(poll);
  };
  window.addEventListener('change', () => {
    start = performance.now();
    requestAnimationFrame(poll);
  }, { capture: true, once: true });
}

/**
 * Scrolls the list to `fraction` of its height and waits until rows are there; returns the
 * index of the row in the middle of the view.
 */
export async function scrollListTo(fraction: number): Promise<number> {
  const scroller = document.querySelector<HTMLElement>('[data-testid="cues"]');
  if (!scroller) throw new Error('no cue list');
  scroller.scrollTop = fraction * (scroller.scrollHeight - scroller.clientHeight);
  const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  for (let frames = 0; frames < 4; frames++) await frame();
  const view = scroller.getBoundingClientRect();
  const middle = view.top + view.height / 2;
  for (const row of scroller.querySelectorAll<HTMLElement>('[data-testid="cue"]')) {
    const box = row.getBoundingClientRect();
    if (box.top <= middle && box.bottom >= middle) return Number(row.dataset.index);
  }
  throw new Error(`no row in the middle of the view at ${fraction}`);
}

/**
 * Jumps the list from where it is to its very bottom (`scrollTop = scrollHeight`) and resolves
 * with the milliseconds until the last row is in the DOM and painted, and whether it is in view.
 */
export function jumpToBottom(count: number): Promise<{ ms: number; inView: boolean }> {
  const scroller = document.querySelector<HTMLElement>('[data-testid="cues"]');
  if (!scroller) throw new Error('no cue list');
  return new Promise((resolve, reject) => {
    const start = performance.now();
    scroller.scrollTop = scroller.scrollHeight;
    const poll = () => {
      const last = scroller.querySelector<HTMLElement>(`[data-testid="cue"][data-index="${count - 1}"]`);
      if (last) {
        requestAnimationFrame(() => setTimeout(() => {
          const inView = last.getBoundingClientRect().bottom <= scroller.getBoundingClientRect().bottom + 1;
          resolve({ ms: performance.now() - start, inView });
        }, 0));
      } else if (performance.now() - start > 10_000) reject(new Error('the last row never rendered'));
      else requestAnimationFrame(poll);
    };
    requestAnimationFrame(poll);
  });
}

/** Bytes of JS heap in use (Chromium's `performance.memory`; precise with --enable-precise-memory-info), after a GC when asked and exposed. */
export function usedHeap(collect: boolean): number {
  const gc: unknown = Reflect.get(window, 'gc');
  if (collect && typeof gc === 'function') gc();
  const memory: unknown = Reflect.get(performance, 'memory');
  if (memory && typeof memory === 'object' && 'usedJSHeapSize' in memory && typeof memory.usedJSHeapSize === 'number') return memory.usedJSHeapSize;
  return NaN;
}
