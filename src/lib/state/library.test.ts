import 'fake-indexeddb/auto';
import { createStore, type UseStore } from 'idb-keyval';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseLibraryFile } from '../storage/library-file.ts';
import { ProjectStore } from '../storage/project-store.ts';
import { listingOf, type ProjectListing, type SavedProject } from '../storage/saved-project.ts';
import { Library, type LibraryStore } from './library.svelte.ts';

let databases = 0;
const freshStore = () => createStore(`library-test-${++databases}`, 'projects');

function project(id: string, updatedAt: number, text = 'hello', name = `${id}.mp4`): SavedProject {
  return {
    version: 1,
    id,
    name,
    createdAt: 1000 - updatedAt,
    updatedAt,
    origin: 'import',
    transcript: { cues: [{ id: 'c1', revision: 0, start: 0, end: 1, text }], translations: [], translationLanguage: '' },
  };
}

/** A ProjectStore whose writes can be held open, counting how many run at once. */
function watchedStore(inner: ProjectStore = new ProjectStore({ open: freshStore })) {
  const saved: string[] = [];
  let running = 0;
  let mostAtOnce = 0;
  let hold: Promise<void> | undefined;
  let release = () => {};
  const store: LibraryStore = {
    ...bind(inner),
    async saveProject(p) {
      running++;
      mostAtOnce = Math.max(mostAtOnce, running);
      saved.push(p.transcript.cues[0]?.text ?? '');
      await hold;
      try {
        return await inner.saveProject(p);
      } finally {
        running--;
      }
    },
  };
  return {
    store,
    saved,
    mostAtOnce: () => mostAtOnce,
    holdWrites: () => (hold = new Promise((resolve) => (release = resolve))),
    release: () => release(),
  };
}

function bind(inner: ProjectStore): LibraryStore {
  return {
    saveProject: (p) => inner.saveProject(p),
    loadProject: (id) => inner.loadProject(id),
    loadAllProjects: () => inner.loadAllProjects(),
    listProjects: () => inner.listProjects(),
    renameProject: (id, name) => inner.renameProject(id, name),
    deleteProject: (id) => inner.deleteProject(id),
    deleteAllProjects: () => inner.deleteAllProjects(),
    findProjectsByMedia: (fp) => inner.findProjectsByMedia(fp),
    importProjects: (ps) => inner.importProjects(ps),
  };
}

/** Writes fail with a full quota while `full()` says so (the transaction aborts, so nothing lands). */
function quotaStore(base: UseStore, full: () => boolean): UseStore {
  return <T>(mode: IDBTransactionMode, callback: (store: IDBObjectStore) => T | PromiseLike<T>): Promise<T> =>
    base(mode, (store) => {
      if (mode !== 'readwrite' || !full()) return callback(store);
      Promise.resolve(callback(store)).catch(() => {});
      store.transaction.abort();
      throw new DOMException('Quota exceeded', 'QuotaExceededError');
    });
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] }); // fake-indexeddb runs on setImmediate
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('Library autosave', () => {
  it('collapses saves within the delay into one write of the newest snapshot', async () => {
    const watched = watchedStore();
    const library = new Library({ store: watched.store, delay: 800 });
    const snapshots = ['one', 'two', 'three'].map((text) => vi.fn(() => project('p', 1, text)));
    for (const snapshot of snapshots) {
      library.scheduleSave(snapshot);
      await vi.advanceTimersByTimeAsync(200);
    }
    expect(library.saveState).toBe('pending');
    expect(watched.saved).toEqual([]);
    await vi.advanceTimersByTimeAsync(200);
    await library.flush();
    expect(watched.saved).toEqual(['three']);
    expect(snapshots.map((snapshot) => snapshot.mock.calls.length)).toEqual([0, 0, 1]);
    expect(library.saveState).toBe('saved');
    expect(library.listings).toEqual([listingOf(project('p', 1, 'three'))]);
  });

  it('is not starved by a stream of changes: it writes `delay` ms after the first unsaved one', async () => {
    const watched = watchedStore();
    const library = new Library({ store: watched.store, delay: 800 });
    for (const text of ['one', 'two', 'three', 'four', 'five']) {
      library.scheduleSave(() => project('p', 1, text));
      await vi.advanceTimersByTimeAsync(300);
    }
    // Changes every 300 ms for 1.5 s: saved at 800 ms (the newest then, 'three'), and again after.
    expect(watched.saved[0]).toBe('three');
    await vi.advanceTimersByTimeAsync(800);
    await library.flush();
    expect(watched.saved.at(-1)).toBe('five');
  });

  it('flush writes a pending save at once, and does nothing when none is pending', async () => {
    const watched = watchedStore();
    const library = new Library({ store: watched.store });
    await library.flush();
    expect(library.saveState).toBe('idle');
    library.scheduleSave(() => project('p', 1, 'now'));
    await library.flush();
    expect(watched.saved).toEqual(['now']);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(watched.saved).toEqual(['now']);
  });

  it('never overlaps writes: a save during a write waits, then writes the newest snapshot', async () => {
    const watched = watchedStore();
    const library = new Library({ store: watched.store, delay: 100 });
    watched.holdWrites();
    library.scheduleSave(() => project('p', 1, 'first'));
    await vi.advanceTimersByTimeAsync(100);
    expect(library.saveState).toBe('saving');
    for (const text of ['second', 'third']) {
      library.scheduleSave(() => project('p', 2, text));
      await vi.advanceTimersByTimeAsync(100);
    }
    library.scheduleSave(() => project('p', 3, 'fourth'));
    await vi.advanceTimersByTimeAsync(100);
    expect(watched.saved).toEqual(['first']);
    expect(library.saveState).toBe('pending');
    watched.release();
    await library.flush();
    expect(watched.saved).toEqual(['first', 'fourth']);
    expect(watched.mostAtOnce()).toBe(1);
    expect(library.saveState).toBe('saved');
  });

  it('on a full quota says so and keeps the previous save; the next save that works clears it', async () => {
    let full = false;
    const base = freshStore();
    const store = new ProjectStore({ open: () => quotaStore(base, () => full) });
    const library = new Library({ store });
    library.scheduleSave(() => project('p', 1, 'kept'));
    await library.flush();
    full = true;
    library.scheduleSave(() => project('p', 2, 'lost'));
    await library.flush();
    expect(library.saveState).toBe('failed');
    expect(library.error?.code).toBe('storage-full');
    expect(await store.loadProject('p')).toEqual(project('p', 1, 'kept'));
    full = false;
    library.scheduleSave(() => project('p', 3, 'later'));
    await library.flush();
    expect([library.saveState, library.error]).toEqual(['saved', undefined]);
    expect((await store.loadProject('p'))?.updatedAt).toBe(3);
  });

  it('does not bring back a deleted project through a pending autosave', async () => {
    const watched = watchedStore();
    const library = new Library({ store: watched.store });
    library.scheduleSave(() => project('p', 1));
    await library.flush();
    library.scheduleSave(() => project('p', 2, 'edited after'));
    await library.remove('p');
    await vi.advanceTimersByTimeAsync(1000);
    await library.flush();
    expect(await watched.store.listProjects()).toEqual([]);
    expect(library.listings).toEqual([]);
  });
});

describe('Library list', () => {
  const listings: ProjectListing[] = [
    listingOf(project('a', 30, 'We talked about the budget', 'Board meeting.mp4')),
    listingOf({ ...project('b', 10, '今天我们讨论预算', 'lecture 10.mkv'), media: { name: 'Lecture-10.MKV', size: 1, lastModified: 0, hash: 'c'.repeat(64), duration: 5 } }),
    listingOf(project('c', 20, 'Nothing here', 'lecture 9.mkv')),
  ];

  it('searches name, media name and text, every word, ignoring case', () => {
    const library = new Library({ store: watchedStore().store });
    library.listings = listings;
    expect(library.shown.map((l) => l.id)).toEqual(['a', 'c', 'b']);
    library.query = '  BUDGET ';
    expect(library.shown.map((l) => l.id)).toEqual(['a']);
    library.query = 'lecture-10';
    expect(library.shown.map((l) => l.id)).toEqual(['b']);
    library.query = '预算';
    expect(library.shown.map((l) => l.id)).toEqual(['b']);
    library.query = 'lecture here';
    expect(library.shown.map((l) => l.id)).toEqual(['c']);
    library.query = 'nowhere';
    expect(library.shown).toEqual([]);
  });

  it('sorts by update, creation or name (numbers in order)', () => {
    const library = new Library({ store: watchedStore().store });
    library.listings = listings;
    library.sort = 'created';
    expect(library.shown.map((l) => l.id)).toEqual(['b', 'c', 'a']);
    library.sort = 'name';
    expect(library.shown.map((l) => l.name)).toEqual(['Board meeting.mp4', 'lecture 9.mkv', 'lecture 10.mkv']);
  });

  it('loads, renames, opens, finds by media and removes', async () => {
    const store = new ProjectStore({ open: freshStore });
    await store.saveProject(project('a', 1));
    await store.saveProject({ ...project('b', 2), media: { name: 'b.mp4', size: 9, lastModified: 0, hash: 'd'.repeat(64), duration: 3 } });
    const library = new Library({ store });
    await library.load();
    expect(library.listings.map((l) => l.id)).toEqual(['b', 'a']);
    expect(await library.rename('a', '  ')).toBe(false);
    expect(await library.rename('a', ' Renamed ')).toBe(true);
    expect(library.listings.find((l) => l.id === 'a')?.name).toBe('Renamed');
    expect((await library.open('a'))?.name).toBe('Renamed');
    expect(await library.open('zzz')).toBeUndefined();
    expect((await library.matchesFor({ name: 'b.mp4', size: 9, lastModified: 5, hash: 'd'.repeat(64) })).map((l) => l.id)).toEqual(['b']);
    await library.remove('a');
    expect(library.listings.map((l) => l.id)).toEqual(['b']);
    await library.removeAll();
    expect([library.listings, await store.listProjects()]).toEqual([[], []]);
  });
});

describe('Library export and import', () => {
  it('restores equal projects after export, delete all and import', async () => {
    const store = new ProjectStore({ open: freshStore });
    const library = new Library({ store, now: () => new Date(2025, 0, 2).getTime() });
    for (const p of [project('a', 1, 'x'), project('b', 2, 'y'), project('c', 3, 'z')]) {
      library.scheduleSave(() => p);
      await library.flush();
    }
    const before = await store.loadAllProjects();
    const listed = library.listings;
    const file = await library.exportAll();
    expect(file?.name).toBe('zimu-library-2025-01-02.json');
    await library.removeAll();
    expect(await library.importFile(file?.text ?? '')).toBe(3);
    expect(await store.loadAllProjects()).toEqual(before);
    expect(library.listings).toEqual(listed);
    expect(library.error).toBeUndefined();
  });

  it('exports one project, its latest edits included', async () => {
    const library = new Library({ store: new ProjectStore({ open: freshStore }) });
    library.scheduleSave(() => project('a', 1, 'latest', 'Talk.mp4'));
    const file = await library.exportOne('a');
    expect(file?.name).toBe('Talk.zimu.json');
    expect(parseLibraryFile(file?.text ?? '')[0]?.transcript.cues[0]?.text).toBe('latest');
    expect(await library.exportOne('missing')).toBeUndefined();
  });

  it('imports nothing from a damaged or foreign file and says so', async () => {
    const store = new ProjectStore({ open: freshStore });
    const damaged = JSON.stringify({ format: 'zimu-library', version: 1, projects: [project('a', 1), { ...project('b', 1), id: 5 }] });
    for (const text of [damaged, 'not json', '{"format":"other"}']) {
      const library = new Library({ store });
      expect(await library.importFile(text)).toBe(0);
      expect(library.error?.code).toBe('library-file-invalid');
    }
    expect(await store.listProjects()).toEqual([]);
  });

  it('brings a deleted project back when it is imported, and autosaves it again', async () => {
    const store = new ProjectStore({ open: freshStore });
    const library = new Library({ store });
    library.scheduleSave(() => project('a', 1));
    const file = await library.exportAll();
    await library.remove('a');
    await library.importFile(file?.text ?? '');
    library.scheduleSave(() => project('a', 2, 'edited'));
    await library.flush();
    expect((await store.loadProject('a'))?.transcript.cues[0]?.text).toBe('edited');
  });
});

describe('Library.requestPersistence', () => {
  it('asks the browser once', async () => {
    const persist = vi.fn(async () => true);
    vi.stubGlobal('navigator', { storage: { persist } });
    const library = new Library({ store: watchedStore().store });
    expect(await library.requestPersistence()).toBe(true);
    expect(await library.requestPersistence()).toBe(true);
    expect(persist).toHaveBeenCalledTimes(1);
  });

  it('says no where there is no storage manager', async () => {
    vi.stubGlobal('navigator', {});
    expect(await new Library({ store: watchedStore().store }).requestPersistence()).toBe(false);
  });
});
