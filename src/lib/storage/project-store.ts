import { clear, createStore, delMany, get, promisifyRequest, setMany, type UseStore } from 'idb-keyval';
import { appError, AppErrorException, type AppError } from '../errors.ts';
import { sameMedia, type MediaFingerprint } from './media-fingerprint.ts';
import { listingOf, parseListing, parseSavedProject, type ProjectListing, type SavedProject } from './saved-project.ts';

/** Where a ProjectStore keeps its data, and its clock. */
export interface ProjectStoreOptions {
  /** Opens the object store (default: database `zimu-projects`, store `projects`). Tests pass their own. */
  readonly open?: () => UseStore;
  /** Epoch milliseconds, for `updatedAt` on rename. */
  readonly now?: () => number;
}

const projectKey = (id: string) => `project:${id}`;
const listingKey = (id: string) => `listing:${id}`;
/** Every key starting with `prefix:` (';' is the character after ':'). */
const range = (prefix: string) => IDBKeyRange.bound(`${prefix}:`, `${prefix};`, false, true);

/**
 * Saved projects in IndexedDB. One object store holds two records per project: the project
 * under `project:<id>` and its list entry under `listing:<id>`. One store rather than two
 * databases because a save must write both or neither, and an IndexedDB transaction spans one
 * database: `setMany` puts both in one transaction, so a failed save (a full quota) leaves the
 * previous save whole. The list reads only the `listing:` key range, never a transcript.
 *
 * Every method throws an AppErrorException with `storage-full` when the
 * quota is used up and `storage-unavailable` when IndexedDB is missing or blocked; other
 * failures are rethrown as they are.
 *
 * @example
 * const store = new ProjectStore();
 * await store.saveProject(project);
 * const list = await store.listProjects(); // newest first
 */
export class ProjectStore {
  readonly #open: () => UseStore;
  readonly #now: () => number;
  #store: UseStore | undefined;

  constructor(options: ProjectStoreOptions = {}) {
    this.#open = options.open ?? (() => createStore('zimu-projects', 'projects'));
    this.#now = options.now ?? Date.now;
  }

  /**
   * Writes the project and its list entry in one transaction and returns the entry. The project
   * is checked first (and copied into plain data, so reactive proxies never reach IndexedDB).
   */
  async saveProject(project: SavedProject): Promise<ProjectListing> {
    const checked = parseSavedProject(project);
    if (!checked) throw new AppErrorException(appError('unknown', `project ${project.id} did not pass validation`));
    const listing = listingOf(checked);
    await this.#run((store) => setMany([[projectKey(checked.id), checked], [listingKey(checked.id), listing]], store));
    return listing;
  }

  /** The project, or undefined when there is none with this id (or it was saved by another version). */
  async loadProject(id: string): Promise<SavedProject | undefined> {
    return parseSavedProject(await this.#run((store) => get<unknown>(projectKey(id), store)));
  }

  /** Every readable project, newest first (for exporting the whole library). */
  async loadAllProjects(): Promise<SavedProject[]> {
    const raws = await this.#run((store) => store('readonly', (s) => promisifyRequest<unknown[]>(s.getAll(range('project')))));
    return newestFirst(raws.flatMap((raw) => parseSavedProject(raw) ?? []));
  }

  /** The list entries, most recently updated first. */
  async listProjects(): Promise<ProjectListing[]> {
    const raws = await this.#run((store) => store('readonly', (s) => promisifyRequest<unknown[]>(s.getAll(range('listing')))));
    return newestFirst(raws.flatMap((raw) => parseListing(raw) ?? []));
  }

  /** Renames a project (a change: `updatedAt` moves on); its new list entry, or undefined when there is no such project. */
  async renameProject(id: string, name: string): Promise<ProjectListing | undefined> {
    return this.#run((store) =>
      store('readwrite', (s) => {
        let listing: ProjectListing | undefined;
        // Read and write in one transaction: a save in between can't be lost.
        const request = s.get(projectKey(id));
        request.onsuccess = () => {
          const project = parseSavedProject(request.result);
          if (!project) return;
          const renamed: SavedProject = { ...project, name, updatedAt: Math.max(this.#now(), project.updatedAt) };
          listing = listingOf(renamed);
          s.put(renamed, projectKey(id));
          s.put(listing, listingKey(id));
        };
        return promisifyRequest(s.transaction).then(() => listing);
      }),
    );
  }

  /** Deletes a project and its list entry together. */
  async deleteProject(id: string): Promise<void> {
    await this.#run((store) => delMany([projectKey(id), listingKey(id)], store));
  }

  /** Deletes every project. */
  async deleteAllProjects(): Promise<void> {
    await this.#run((store) => clear(store));
  }

  /** The projects made from this media file (same name, size and hash), newest first. */
  async findProjectsByMedia(fingerprint: MediaFingerprint): Promise<ProjectListing[]> {
    return (await this.listProjects()).filter((listing) => listing.media !== undefined && sameMedia(listing.media, fingerprint));
  }

  /**
   * Adds projects from an export file, all or none (one transaction), and returns how many were
   * written. Ids are kept, so exporting, deleting everything and importing gives back the same
   * library. A project whose id is already here replaces it only when it is newer (`updatedAt`):
   * importing the same file twice changes nothing, and never undoes later work.
   */
  async importProjects(projects: readonly SavedProject[]): Promise<number> {
    const incoming = new Map<string, SavedProject>();
    for (const project of projects) {
      const checked = parseSavedProject(project);
      if (!checked) throw new AppErrorException(appError('library-file-invalid', `project ${project.id}`));
      const seen = incoming.get(checked.id);
      if (!seen || checked.updatedAt > seen.updatedAt) incoming.set(checked.id, checked);
    }
    return this.#run((store) =>
      store('readwrite', (s) => {
        let written = 0;
        const request = s.getAll(range('listing'));
        request.onsuccess = () => {
          const existing = new Map<string, number>();
          for (const raw of request.result) {
            const listing = parseListing(raw);
            if (listing) existing.set(listing.id, listing.updatedAt);
          }
          for (const project of incoming.values()) {
            const updatedAt = existing.get(project.id);
            if (updatedAt !== undefined && updatedAt >= project.updatedAt) continue;
            s.put(project, projectKey(project.id));
            s.put(listingOf(project), listingKey(project.id));
            written++;
          }
        };
        return promisifyRequest(s.transaction).then(() => written);
      }),
    );
  }

  async #run<T>(work: (store: UseStore) => Promise<T>): Promise<T> {
    try {
      if (typeof indexedDB === 'undefined') throw new AppErrorException({ code: 'storage-unavailable' });
      // idb-keyval's store forgets a failed or closed connection itself; a failed open() here leaves #store unset.
      this.#store ??= this.#open();
      return await work(this.#store);
    } catch (caught) {
      const error = toStorageError(caught);
      throw error ? new AppErrorException(error) : caught;
    }
  }
}

/** The app's one project store; it opens the database on first use. */
export const projectStore = new ProjectStore();

/**
 * What a storage failure means for the user: `storage-full` for a used-up quota (Firefox names it
 * `NS_ERROR_DOM_QUOTA_REACHED`), `storage-unavailable` for a missing or blocked IndexedDB
 * (private windows throw `InvalidStateError` or `SecurityError`); undefined for anything else.
 *
 * @example
 * toStorageError(new DOMException('', 'QuotaExceededError')); // { code: 'storage-full', … }
 */
export function toStorageError(caught: unknown): AppError | undefined {
  if (caught instanceof AppErrorException) return caught.error;
  const name = typeof caught === 'object' && caught !== null ? Reflect.get(caught, 'name') : undefined;
  if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED') return appError('storage-full', caught);
  if (name === 'InvalidStateError' || name === 'SecurityError') return appError('storage-unavailable', caught);
  return undefined;
}

function newestFirst<T extends { readonly updatedAt: number; readonly id: string }>(items: T[]): T[] {
  return items.sort((a, b) => b.updatedAt - a.updatedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
