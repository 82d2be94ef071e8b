import 'fake-indexeddb/auto';
import { createStore } from 'idb-keyval';
import { describe, expect, it } from 'vitest';
import { ProjectStore } from '../storage/project-store.ts';
import type { ProjectListing, SavedProject } from '../storage/saved-project.ts';
import { Library } from './library.svelte.ts';
import { Project } from './project.svelte.ts';
import { WorkGuard, type GuardedProject } from './work-guard.svelte.ts';

const SRT = '1\n00:00:01,000 --> 00:00:02,500\nHello.\n\n2\n00:00:03,000 --> 00:00:04,500\nGoodbye.\n';
let databases = 0;

/** A store whose saves fail as a full disk's do. */
class FullStore extends ProjectStore {
  override saveProject(project: SavedProject): Promise<ProjectListing> {
    void project;
    return Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
  }
}

/** A project with subtitles, a library over a fresh IndexedDB (its debounce never fires by itself) and the guard. */
async function opened(store: 'working' | 'full' = 'working') {
  const open = () => createStore(`work-guard-test-${++databases}`, 'projects');
  const library = new Library({ store: store === 'full' ? new FullStore({ open }) : new ProjectStore({ open }), schedule: () => () => {} });
  const project = new Project();
  const guard = new WorkGuard(project, library);
  await project.importSubtitles(new File([SRT], 'talk.srt'));
  return { project, library, guard };
}

const autosave = (library: Library, project: Project) => library.scheduleSave(() => project.toSaved());
const next = new File(['x'], 'next.mp4');

describe('WorkGuard', () => {
  it('lets a file replace an empty page, or a run with no subtitles yet, without asking', async () => {
    const open = () => createStore(`work-guard-test-${++databases}`, 'projects');
    const library = new Library({ store: new ProjectStore({ open }), schedule: () => () => {} });
    const guard = new WorkGuard(new Project(), library);
    expect(await guard.decide()).toBe('go');
    expect(await guard.admit(next)).toBe(true);
    expect(guard.kept).toBe(false);
    expect(guard.warnOnLeave).toBe(false);
  });

  it('keeps a project the library has written: the file opens and the notice is set', async () => {
    const { project, library, guard } = await opened();
    autosave(library, project);
    expect(guard.saved).toBe(true); // a pending save counts: leaving writes it
    expect(guard.warnOnLeave).toBe(false);
    expect(await guard.admit(next)).toBe(true); // flushed first, then listed
    expect(library.listings.map((l) => l.id)).toEqual([project.id]);
    expect(guard.kept).toBe(true);
    expect(guard.pending).toBeUndefined();
    guard.dismissKept();
    expect(guard.kept).toBe(false);
  });

  it('asks before replacing a project the library never saved, and confirm or cancel answers', async () => {
    const { project, library, guard } = await opened();
    // No save scheduled (nothing written): the library does not hold it.
    expect(guard.saved).toBe(false);
    expect(guard.unsaved).toBe(true);
    expect(await guard.admit(next)).toBe(false);
    expect(guard.pending).toBe(next);
    guard.cancel();
    expect(guard.pending).toBeUndefined();
    expect(await guard.admit(next)).toBe(false);
    expect(guard.confirm()).toBe(next);
    expect(guard.pending).toBeUndefined();
    expect(library.listings).toEqual([]);
    expect(project.cues).toHaveLength(2); // the guard itself changes nothing
  });

  it('asks when storage refuses the save, though the project was scheduled, and warns on leaving until it is exported', async () => {
    const { project, library, guard } = await opened('full');
    autosave(library, project);
    expect(await guard.decide()).toBe('ask');
    expect(library.saveState).toBe('failed');
    expect(guard.warnOnLeave).toBe(true);
    guard.markExported();
    expect(guard.exported).toBe(true);
    expect(guard.warnOnLeave).toBe(false);
    // An edit after the export is unexported work again.
    project.apply({ type: 'set-text', id: project.cues[0]?.id ?? '', text: 'Hello, edited.' });
    expect(guard.exported).toBe(false);
    expect(guard.warnOnLeave).toBe(true);
    // Exported work is still not saved: replacing it asks.
    guard.markExported();
    expect(await guard.decide()).toBe('ask');
  });

  it('warns on leaving while a run is in progress, saved or not', () => {
    const running: GuardedProject = { id: 'p', name: 'talk.mp4', origin: 'recognition', cues: [], busy: true, saveStamp: [] };
    const guard = new WorkGuard(running, { listings: [{ id: 'p' }], saveState: 'saved', flush: () => Promise.resolve() });
    expect(guard.hasWork).toBe(false);
    expect(guard.warnOnLeave).toBe(true);
  });
});
