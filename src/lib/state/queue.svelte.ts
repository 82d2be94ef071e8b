import { toAppError, type AppError } from '../errors.ts';
import type { ZipEntry } from '../subtitles/formats/zip.ts';

/** Where one queued file stands. */
export type QueueStatus = 'waiting' | 'running' | 'done' | 'failed' | 'cancelled';

/** What a file's run changes from the settings every queued file shares. */
export interface QueueOverrides {
  /** The spoken language ('' lets the model detect it); absent: the shared setting. */
  readonly language?: string;
}

/** One file in the queue. */
export interface QueueItem {
  readonly id: string;
  readonly file: File;
  readonly status: QueueStatus;
  readonly overrides: QueueOverrides;
  readonly error?: AppError;
  /** The library project the file became (kept also when its run failed or was cancelled). */
  readonly projectId?: string;
  /** A finished file's subtitles, as "download all subtitles" zips them. */
  readonly subtitles?: ZipEntry;
  readonly cues?: number;
}

/** How a run ended, as the runner reports it. */
export interface QueueOutcome {
  readonly status: 'done' | 'failed' | 'cancelled';
  readonly error?: AppError;
  readonly projectId?: string;
  readonly subtitles?: ZipEntry;
  readonly cues: number;
}

/** Runs one file through the app's one pipeline (as the open project) and says how it ended. */
export interface QueueRunner {
  run(file: File, overrides: QueueOverrides): Promise<QueueOutcome>;
  /** Stops the file being run; its `run` then ends as cancelled. */
  cancel(): void;
}

let nextId = 0;

/**
 * Many files, recognised one after another through the same pipeline a single file takes, each
 * becoming a project in the library. Waiting files can be reordered, given their own language,
 * removed or cancelled; failed and cancelled ones retried. The queue never runs two at once.
 *
 * @example
 * const queue = new FileQueue(runner);
 * queue.add([...input.files]);   // starts at once, one by one
 * zipTexts(queue.zipEntries);    // every finished file's SRT
 */
export class FileQueue {
  items = $state.raw<readonly QueueItem[]>([]);
  readonly #runner: QueueRunner;
  #draining = false;

  constructor(runner: QueueRunner) {
    this.#runner = runner;
  }

  /** Adds files at the end, with the shared settings, and starts if nothing runs. */
  add(files: readonly File[]): void {
    const added = files.map((file): QueueItem => ({ id: `q${++nextId}`, file, status: 'waiting', overrides: {} }));
    this.items = [...this.items, ...added];
    void this.#drain();
  }

  /** Moves a waiting file up (-1) or down (+1) among the files; others stay where they are. */
  move(id: string, delta: -1 | 1): void {
    const from = this.items.findIndex((item) => item.id === id);
    const to = from + delta;
    const moved = this.items[from];
    const other = this.items[to];
    if (!moved || !other || moved.status !== 'waiting' || other.status !== 'waiting') return;
    this.items = this.items.with(from, other).with(to, moved);
  }

  /** Gives one waiting file its own settings. */
  override(id: string, overrides: QueueOverrides): void {
    this.#update(id, (item) => (item.status === 'waiting' ? { ...item, overrides: { ...item.overrides, ...overrides } } : item));
  }

  /** Takes a file out of the queue (not the one running: cancel that first). */
  remove(id: string): void {
    this.items = this.items.filter((item) => item.id !== id || item.status === 'running');
  }

  /** Cancels a waiting file, or stops the running one (what it recognised stays in its project). */
  cancel(id: string): void {
    const item = this.items.find((candidate) => candidate.id === id);
    if (item?.status === 'running') this.#runner.cancel();
    else if (item?.status === 'waiting') this.#update(id, (waiting) => ({ ...waiting, status: 'cancelled' }));
  }

  /** Stops the running file and cancels every waiting one. */
  cancelAll(): void {
    this.items = this.items.map((item) => (item.status === 'waiting' ? { ...item, status: 'cancelled' } : item));
    if (this.current) this.#runner.cancel();
  }

  /** Queues a failed or cancelled file again, at its place. */
  retry(id: string): void {
    this.#update(id, (item) => (item.status === 'failed' || item.status === 'cancelled' ? { id: item.id, file: item.file, overrides: item.overrides, status: 'waiting' } : item));
    void this.#drain();
  }

  /** Forgets finished, failed and cancelled files (their projects stay in the library). */
  clearFinished(): void {
    this.items = this.items.filter((item) => item.status === 'waiting' || item.status === 'running');
  }

  get current(): QueueItem | undefined {
    return this.items.find((item) => item.status === 'running');
  }

  /** True while a file runs or waits. */
  get active(): boolean {
    return this.items.some((item) => item.status === 'waiting' || item.status === 'running');
  }

  /** Files still to finish: the running one and those waiting. */
  get pending(): number {
    return this.count('waiting') + this.count('running');
  }

  count(status: QueueStatus): number {
    return this.items.filter((item) => item.status === status).length;
  }

  /** Every finished file's subtitles, in queue order. */
  get zipEntries(): ZipEntry[] {
    return this.items.flatMap((item) => (item.status === 'done' && item.subtitles ? [item.subtitles] : []));
  }

  async #drain(): Promise<void> {
    if (this.#draining) return;
    this.#draining = true;
    try {
      for (let next = this.#nextWaiting(); next; next = this.#nextWaiting()) await this.#runOne(next);
    } finally {
      this.#draining = false;
    }
  }

  #nextWaiting(): QueueItem | undefined {
    return this.items.find((item) => item.status === 'waiting');
  }

  async #runOne(item: QueueItem): Promise<void> {
    this.#update(item.id, (waiting) => ({ ...waiting, status: 'running' }));
    let outcome: QueueOutcome;
    try {
      outcome = await this.#runner.run(item.file, item.overrides);
    } catch (caught) {
      outcome = { status: 'failed', error: toAppError(caught), cues: 0 };
    }
    this.#update(item.id, (running) => ({ ...running, ...outcome }));
  }

  #update(id: string, change: (item: QueueItem) => QueueItem): void {
    this.items = this.items.map((item) => (item.id === id ? change(item) : item));
  }
}
