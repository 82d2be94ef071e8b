import 'fake-indexeddb/auto';
import { createStore, type UseStore } from 'idb-keyval';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppErrorException, toAppError } from '../errors.ts';
import type { MediaFingerprint } from './media-fingerprint.ts';
import { ProjectStore, toStorageError } from './project-store.ts';
import { listingOf, type SavedProject } from './saved-project.ts';

let databases = 0;
const freshStore = () => createStore(`project-store-test-${++databases}`, 'projects');

const media: MediaFingerprint = { name: 'talk.mp4', size: 100, lastModified: 1, hash: 'b'.repeat(64) };

function project(id: string, updatedAt: number, text = 'hello', withMedia = false): SavedProject {
  return {
    version: 1,
    id,
    name: `${id}.mp4`,
    createdAt: updatedAt - 1,
    updatedAt,
    origin: 'recognition',
    ...(withMedia ? { media: { ...media, duration: 10 } } : {}),
    transcript: { cues: [{ id: 'c1', revision: 0, start: 0, end: 1, text }], translations: [], translationLanguage: '' },
    recognition: { settingsKey: 'k', recognisedUntil: 1, duration: 10, complete: true },
  };
}

/**
 * A store whose writes fail while `failing` says so, the way a full quota fails them: the puts
 * are queued, then the transaction aborts and the error surfaces.
 */
function flakyStore(base: UseStore, failing: () => boolean, error: () => unknown): UseStore {
  return <T>(mode: IDBTransactionMode, callback: (store: IDBObjectStore) => T | PromiseLike<T>): Promise<T> =>
    base(mode, (store) => {
      if (mode !== 'readwrite' || !failing()) return callback(store);
      Promise.resolve(callback(store)).catch(() => {}); // rejects with the abort below
      store.transaction.abort();
      throw error();
    });
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'resolved';
  } catch (caught) {
    return caught instanceof AppErrorException ? caught.error.code : `not an AppErrorException: ${String(caught)}`;
  }
}

afterEach(() => vi.unstubAllGlobals());

describe('ProjectStore', () => {
  it('saves, loads and lists projects, newest first', async () => {
    const store = new ProjectStore({ open: freshStore });
    expect(await store.saveProject(project('a', 10))).toEqual(listingOf(project('a', 10)));
    await store.saveProject(project('b', 30));
    await store.saveProject(project('c', 20));
    expect(await store.loadProject('a')).toEqual(project('a', 10));
    expect(await store.loadProject('missing')).toBeUndefined();
    expect((await store.listProjects()).map((l) => l.id)).toEqual(['b', 'c', 'a']);
    expect((await store.loadAllProjects()).map((p) => p.id)).toEqual(['b', 'c', 'a']);
  });

  it('replaces a project on save, list entry included', async () => {
    const store = new ProjectStore({ open: freshStore });
    await store.saveProject(project('a', 10, 'first'));
    await store.saveProject(project('a', 11, 'second'));
    expect((await store.loadProject('a'))?.transcript.cues[0]?.text).toBe('second');
    expect(await store.listProjects()).toEqual([listingOf(project('a', 11, 'second'))]);
  });

  it('refuses to save an invalid project', async () => {
    const store = new ProjectStore({ open: freshStore });
    const broken = { ...project('a', 1), transcript: { cues: [{ id: 'c1', revision: 0, start: 2, end: 1, text: '' }], translations: [], translationLanguage: '' } };
    expect(await codeOf(store.saveProject(broken))).toBe('unknown');
    expect(await store.listProjects()).toEqual([]);
  });

  it('renames, deletes one and deletes all', async () => {
    const store = new ProjectStore({ open: freshStore, now: () => 500 });
    await store.saveProject(project('a', 10));
    await store.saveProject(project('b', 20));
    expect(await store.renameProject('a', 'Keynote')).toMatchObject({ id: 'a', name: 'Keynote', updatedAt: 500 });
    expect(await store.loadProject('a')).toMatchObject({ name: 'Keynote', updatedAt: 500 });
    expect(await store.renameProject('missing', 'x')).toBeUndefined();
    await store.deleteProject('b');
    expect((await store.listProjects()).map((l) => [l.id, l.name])).toEqual([['a', 'Keynote']]);
    expect(await store.loadProject('b')).toBeUndefined();
    await store.deleteAllProjects();
    expect(await store.listProjects()).toEqual([]);
  });

  it('finds the projects made from a media file', async () => {
    const store = new ProjectStore({ open: freshStore });
    await store.saveProject(project('a', 10, 'x', true));
    await store.saveProject(project('b', 20));
    await store.saveProject(project('c', 30, 'y', true));
    expect((await store.findProjectsByMedia({ ...media, lastModified: 99 })).map((l) => l.id)).toEqual(['c', 'a']);
    expect(await store.findProjectsByMedia({ ...media, size: 101 })).toEqual([]);
  });

  it('imports keeping ids, replacing only older projects', async () => {
    const store = new ProjectStore({ open: freshStore });
    await store.saveProject(project('a', 10, 'mine'));
    await store.saveProject(project('b', 50, 'mine'));
    const count = await store.importProjects([project('a', 20, 'theirs'), project('b', 40, 'theirs'), project('c', 5, 'theirs')]);
    expect(count).toBe(2);
    expect((await store.loadAllProjects()).map((p) => [p.id, p.transcript.cues[0]?.text])).toEqual([
      ['b', 'mine'],
      ['a', 'theirs'],
      ['c', 'theirs'],
    ]);
    expect(await store.importProjects([project('a', 20, 'theirs')])).toBe(0);
  });

  it('restores exactly the same library from its export after deleting everything', async () => {
    const store = new ProjectStore({ open: freshStore });
    await store.saveProject(project('a', 10, 'a'));
    await store.saveProject(project('b', 20, 'b', true));
    await store.saveProject(project('c', 30, 'c'));
    const exported = structuredClone(await store.loadAllProjects());
    const listed = await store.listProjects();
    await store.deleteAllProjects();
    expect(await store.importProjects(exported)).toBe(3);
    expect(await store.loadAllProjects()).toEqual(exported);
    expect(await store.listProjects()).toEqual(listed);
  });

  it('imports nothing when one project is invalid', async () => {
    const store = new ProjectStore({ open: freshStore });
    const invalid = { ...project('b', 1), id: '' };
    expect(await codeOf(store.importProjects([project('a', 1), invalid]))).toBe('library-file-invalid');
    expect(await store.listProjects()).toEqual([]);
  });

  it('keeps the previous save whole when the quota runs out', async () => {
    let full = false;
    const base = freshStore();
    const store = new ProjectStore({ open: () => flakyStore(base, () => full, () => new DOMException('Quota exceeded', 'QuotaExceededError')) });
    await store.saveProject(project('a', 10, 'saved'));
    full = true;
    expect(await codeOf(store.saveProject(project('a', 20, 'lost')))).toBe('storage-full');
    expect(await codeOf(store.importProjects([project('b', 1)]))).toBe('storage-full');
    expect(await store.loadProject('a')).toEqual(project('a', 10, 'saved'));
    expect(await store.listProjects()).toEqual([listingOf(project('a', 10, 'saved'))]);
    full = false;
    await store.saveProject(project('a', 20, 'later'));
    expect((await store.loadProject('a'))?.updatedAt).toBe(20);
  });

  it('reports a missing or blocked IndexedDB, and tries again next time', async () => {
    vi.stubGlobal('indexedDB', undefined);
    expect(await codeOf(new ProjectStore({ open: freshStore }).listProjects())).toBe('storage-unavailable');
    vi.unstubAllGlobals();
    let blocked = true;
    const store = new ProjectStore({
      open: () => {
        if (blocked) throw new DOMException('The operation is insecure.', 'SecurityError');
        return freshStore();
      },
    });
    expect(await codeOf(store.saveProject(project('a', 1)))).toBe('storage-unavailable');
    blocked = false;
    await store.saveProject(project('a', 1));
    expect(await store.listProjects()).toHaveLength(1);
  });
});

describe('toStorageError', () => {
  it('maps quota and availability failures, and nothing else', () => {
    expect(toStorageError(new DOMException('full', 'QuotaExceededError'))).toEqual({ code: 'storage-full', detail: 'full' });
    expect(toStorageError({ name: 'QuotaExceededError' })?.code).toBe('storage-full');
    expect(toStorageError({ name: 'NS_ERROR_DOM_QUOTA_REACHED' })?.code).toBe('storage-full');
    expect(toStorageError(new DOMException('closed', 'InvalidStateError'))?.code).toBe('storage-unavailable');
    expect(toStorageError(new DOMException('no', 'SecurityError'))?.code).toBe('storage-unavailable');
    expect(toStorageError(new TypeError('bug'))).toBeUndefined();
    expect(toStorageError(null)).toBeUndefined();
    expect(toAppError(new AppErrorException({ code: 'storage-full' }))).toEqual({ code: 'storage-full' });
  });
});
