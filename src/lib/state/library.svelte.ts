import { appError, toAppError, type AppError } from '../errors.ts';
import { LibraryFileError, libraryFileName, parseLibraryFile, toLibraryFile } from '../storage/library-file.ts';
import type { MediaFingerprint } from '../storage/media-fingerprint.ts';
import { projectStore, type ProjectStore } from '../storage/project-store.ts';
import type { ProjectListing, SavedProject } from '../storage/saved-project.ts';
import { filterAndSort, takeNow, upsert, type LibrarySort } from './library-listings.ts';

export type { LibrarySort };

/** idle: nothing to save; pending: changes wait for the debounce; saving; saved; failed (see `error`). */
export type SaveState = 'idle' | 'pending' | 'saving' | 'saved' | 'failed';

/** Runs `callback` after `ms` and returns what cancels it (tests pass a fake clock). */
export type Schedule = (callback: () => void, ms: number) => () => void;

/** What the library needs of storage (tests wrap a ProjectStore to watch or slow its writes). */
export type LibraryStore = Pick<
  ProjectStore,
  | 'saveProject'
  | 'loadProject'
  | 'loadAllProjects'
  | 'listProjects'
  | 'renameProject'
  | 'deleteProject'
  | 'deleteAllProjects'
  | 'findProjectsByMedia'
  | 'importProjects'
>;

/** Injected parts; the defaults are the app's store, an 800 ms debounce and real timers. */
export interface LibraryOptions {
  readonly store?: LibraryStore;
  /** Autosave debounce in ms. */
  readonly delay?: number;
  readonly schedule?: Schedule;
  /** Epoch ms, for the export file's date. */
  readonly now?: () => number;
}

/** A file for the page to download. */
export interface LibraryDownload {
  readonly name: string;
  readonly text: string;
}

const defaultSchedule: Schedule = (callback, ms) => {
  const timer = setTimeout(callback, ms);
  return () => clearTimeout(timer);
};

/**
 * The saved projects: the list (searched and sorted), autosave, rename, delete, export and import.
 * Autosave is debounced and serial: calls within the delay collapse into one write of the newest
 * snapshot, and a write never overlaps another (every store operation runs in one queue, so a
 * delete can't be overtaken by a save that started before it). A failed save leaves the previous
 * one in storage and says why in `error`.
 *
 * @example
 * const library = new Library();
 * await library.load();
 * library.scheduleSave(() => project.toSaved());     // on every change
 * addEventListener('pagehide', () => void library.flush());
 */
export class Library {
  listings = $state.raw<readonly ProjectListing[]>([]);
  query = $state('');
  sort = $state<LibrarySort>('updated');
  error = $state.raw<AppError | undefined>();
  saveState = $state<SaveState>('idle');
  /** The listings matching `query` (every word, in the name, media name or text), in `sort` order. */
  shown: readonly ProjectListing[] = $derived(filterAndSort(this.listings, this.query, this.sort));
  readonly #store: LibraryStore;
  readonly #delay: number;
  readonly #schedule: Schedule;
  readonly #now: () => number;
  /** The newest snapshot, waiting for the debounce. */
  #latest: (() => SavedProject | undefined) | undefined;
  /** The snapshot the next queued write takes. */
  #ready: (() => SavedProject | undefined) | undefined;
  #cancelTimer: (() => void) | undefined;
  #queue: Promise<unknown> = Promise.resolve();
  /** Deleted this session: a pending or later autosave must not bring them back (an import may). */
  readonly #removed = new Set<string>();
  /** The error a failed save set, cleared by the next save that succeeds. */
  #saveError: AppError | undefined;
  #persistence: Promise<boolean> | undefined;

  constructor(options: LibraryOptions = {}) {
    this.#store = options.store ?? projectStore;
    this.#delay = options.delay ?? 800;
    this.#schedule = options.schedule ?? defaultSchedule;
    this.#now = options.now ?? Date.now;
  }

  /** Reads the list from storage. */
  async load(): Promise<void> {
    // List updates happen inside the queue, so a write queued later always lands after them.
    await this.#attempt(() =>
      this.#serial(async () => {
        this.listings = await this.#store.listProjects();
      }),
    );
  }

  /** Saves `snapshot()` at most `delay` ms after the first unsaved change (nothing when it gives undefined); later calls within it replace the snapshot. */
  scheduleSave(snapshot: () => SavedProject | undefined): void {
    this.#latest = snapshot;
    this.saveState = 'pending';
    // The timer is not restarted by later changes: a stream of them (a cue per window, typing)
    // is still saved every `delay` ms, never starved until it stops.
    if (this.#cancelTimer) return;
    this.#cancelTimer = this.#schedule(() => {
      this.#cancelTimer = undefined;
      void this.#enqueueSave();
    }, this.#delay);
  }

  /** Writes a pending save now (on `pagehide`, before an export); resolves once it is written or failed. */
  flush(): Promise<void> {
    this.#cancelTimer?.();
    this.#cancelTimer = undefined;
    return this.#enqueueSave();
  }

  /** Renames a project; false when the name is blank or the project is gone. */
  async rename(id: string, name: string): Promise<boolean> {
    const trimmed = name.trim();
    if (trimmed === '') return false;
    const listing = await this.#attempt(() =>
      this.#serial(async () => {
        const renamed = await this.#store.renameProject(id, trimmed);
        if (renamed) this.listings = upsert(this.listings, renamed);
        return renamed;
      }),
    );
    return listing !== undefined;
  }

  /** Deletes one project; an autosave of it still pending is dropped. */
  async remove(id: string): Promise<void> {
    this.#removed.add(id);
    await this.#attempt(() =>
      this.#serial(async () => {
        await this.#store.deleteProject(id);
        this.listings = this.listings.filter((listing) => listing.id !== id);
      }),
    );
  }

  /** Deletes every project, and any autosave still pending. */
  async removeAll(): Promise<void> {
    this.#cancelTimer?.();
    this.#cancelTimer = undefined;
    this.#latest = this.#ready = undefined;
    if (this.saveState === 'pending') this.saveState = 'idle';
    for (const listing of this.listings) this.#removed.add(listing.id);
    await this.#attempt(() =>
      this.#serial(async () => {
        await this.#store.deleteAllProjects();
        this.listings = [];
      }),
    );
  }

  /** The whole library as an export file (pending saves written first); undefined when storage failed. */
  async exportAll(): Promise<LibraryDownload | undefined> {
    await this.flush();
    const projects = await this.#attempt(() => this.#serial(() => this.#store.loadAllProjects()));
    return projects && this.#download(projects);
  }

  /** One project as an export file; undefined when it is gone or storage failed. */
  async exportOne(id: string): Promise<LibraryDownload | undefined> {
    await this.flush();
    const project = await this.#attempt(() => this.#serial(() => this.#store.loadProject(id)));
    return project && this.#download([project]);
  }

  /**
   * Imports an export file, all or nothing, and returns how many projects were added or
   * replaced (a project already here is replaced only by a newer copy). A damaged or foreign
   * file sets `error` to `library-file-invalid` and imports nothing.
   */
  async importFile(text: string): Promise<number> {
    let projects: SavedProject[];
    try {
      projects = parseLibraryFile(text);
    } catch (caught) {
      if (!(caught instanceof LibraryFileError)) throw caught;
      this.error = appError('library-file-invalid', caught);
      return 0;
    }
    const count = await this.#attempt(() => this.#serial(() => this.#store.importProjects(projects)));
    if (count === undefined) return 0;
    for (const project of projects) this.#removed.delete(project.id);
    await this.load();
    return count;
  }

  /** The saved project to reopen; undefined when it is gone or unreadable. */
  async open(id: string): Promise<SavedProject | undefined> {
    return this.#attempt(() => this.#serial(() => this.#store.loadProject(id)));
  }

  /** The saved projects made from this media file, newest first (to offer resuming one). */
  async matchesFor(fingerprint: MediaFingerprint): Promise<ProjectListing[]> {
    return (await this.#attempt(() => this.#serial(() => this.#store.findProjectsByMedia(fingerprint)))) ?? [];
  }

  /**
   * Asks the browser once to keep this site's storage under pressure (it may prompt or decide
   * silently); true when storage is persistent.
   */
  requestPersistence(): Promise<boolean> {
    this.#persistence ??= (async () => {
      const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
      return (await storage?.persist?.()) ?? false;
    })().catch(() => false);
    return this.#persistence;
  }

  #enqueueSave(): Promise<void> {
    // Taken now, not when the queued write runs: the project as it was when its save was due,
    // even if another project is open by the time it is written.
    if (this.#latest) this.#ready = takeNow(this.#latest);
    this.#latest = undefined;
    return this.#serial(async () => {
      const snapshot = this.#ready;
      this.#ready = undefined;
      if (snapshot) await this.#write(snapshot);
    });
  }

  async #write(snapshot: () => SavedProject | undefined): Promise<void> {
    this.saveState = 'saving';
    try {
      const project = snapshot();
      if (!project || this.#removed.has(project.id)) {
        this.saveState = this.#afterWrite('idle');
        return;
      }
      this.listings = upsert(this.listings, await this.#store.saveProject(project));
      if (this.error === this.#saveError) this.error = undefined;
      this.#saveError = undefined;
      this.saveState = this.#afterWrite('saved');
    } catch (caught) {
      this.error = this.#saveError = toAppError(caught);
      this.saveState = 'failed';
    }
  }

  /** What a finished write leaves: 'pending' when newer changes wait. */
  #afterWrite(state: SaveState): SaveState {
    return this.#latest || this.#ready ? 'pending' : state;
  }

  /** Runs store operations one after another, in call order. */
  #serial<T>(operation: () => Promise<T>): Promise<T> {
    const result = this.#queue.then(operation);
    this.#queue = result.catch(() => undefined);
    return result;
  }

  /** Runs `operation`; a failure sets `error` and gives undefined. */
  async #attempt<T>(operation: () => Promise<T>): Promise<T | undefined> {
    try {
      return await operation();
    } catch (caught) {
      this.error = toAppError(caught);
      return undefined;
    }
  }

  #download(projects: readonly SavedProject[]): LibraryDownload {
    const now = this.#now();
    return { name: libraryFileName(projects, now), text: toLibraryFile(projects, now) };
  }
}
