import 'fake-indexeddb/auto';
import { createStore } from 'idb-keyval';
import { describe, expect, it } from 'vitest';
import { fingerprintMedia } from '../storage/media-fingerprint.ts';
import { ProjectStore } from '../storage/project-store.ts';
import { parseSavedProject, type SavedProject, type SavedRecognition } from '../storage/saved-project.ts';
import type { RunSettings } from './job.svelte.ts';
import { DEFAULT_RUN_SETTINGS } from './run-settings.testing.ts';
import { Library } from './library.svelte.ts';
import { Project } from './project.svelte.ts';
import { recognitionKey } from './project-saving.ts';
import { Session } from './session.svelte.ts';

const SRT = '1\n00:00:01,000 --> 00:00:02,500\nHello.\n\n2\n00:00:03,000 --> 00:00:04,500\nGoodbye.\n';

const SETTINGS = DEFAULT_RUN_SETTINGS;

let databases = 0;

/** A session over a fresh IndexedDB; autosave's debounce never fires by itself, `flush()` writes. */
function newSession() {
  const store = new ProjectStore({ open: () => createStore(`session-test-${++databases}`, 'projects') });
  const library = new Library({ store, schedule: () => () => {} });
  return { session: new Session(new Project(), library), library, store };
}

/** A small "video": its bytes only matter to the fingerprint. */
function video(content = 'not really a video', name = 'talk.mp4'): File {
  return new File([content], name, { type: 'video/mp4', lastModified: 1_700_000_000_000 });
}

/** A recognition of `file` saved part-way (or complete) by an earlier visit. */
async function savedRecognition(file: File, recognition: Partial<SavedRecognition> = {}): Promise<SavedProject> {
  return {
    version: 1,
    id: 'saved-talk',
    name: file.name,
    createdAt: 1000,
    updatedAt: 2000,
    origin: 'recognition',
    media: { ...(await fingerprintMedia(file)), duration: 600 },
    transcript: {
      cues: [
        { id: 'c1', revision: 0, start: 0, end: 2, text: '大家好。' },
        { id: 'c2', revision: 1, start: 2.5, end: 4, text: '今天讲字幕。' },
      ],
      translations: [['c1', { text: 'Hello everyone.', revision: 0, source: '大家好。' }]],
      translationLanguage: 'English',
    },
    summary: { text: '# 字幕' },
    recognition: { settingsKey: recognitionKey(SETTINGS), recognisedUntil: 90, duration: 600, complete: false, detectedLanguage: 'zh', languageProbability: 0.97, ...recognition },
    settings: { model: SETTINGS.source.modelId },
  };
}

async function seeded(saved: SavedProject) {
  const parts = newSession();
  await parts.store.saveProject(saved);
  await parts.library.load();
  return parts;
}

describe('Session with subtitle files', () => {
  it('imports a dropped subtitle file', async () => {
    const { session } = newSession();
    await session.openFile(new File([SRT], 'a.srt'), SETTINGS);
    expect(session.project.origin).toBe('import');
    expect(session.project.name).toBe('a.srt');
    expect(session.project.cues.map((cue) => cue.text)).toEqual(['Hello.', 'Goodbye.']);
    expect(session.offer).toBeUndefined();
  });

  it('saves the project on autosave, as data that validates and lists it', async () => {
    const { session, library, store } = newSession();
    await session.openFile(new File([SRT], 'a.srt'), SETTINGS);
    session.autosave();
    expect(library.saveState).toBe('pending');
    await library.flush();
    expect(library.saveState).toBe('saved');
    expect(library.listings.map((listing) => [listing.id, listing.name, listing.cueCount, listing.origin])).toEqual([[session.project.id, 'a.srt', 2, 'import']]);
    const stored = await store.loadProject(session.project.id);
    if (!stored) throw new Error('not saved');
    expect(stored).toEqual(session.project.toSaved(stored.updatedAt));
    expect(parseSavedProject(JSON.parse(JSON.stringify(stored)))).toEqual(stored);
  });

  it('saves nothing with nothing open', async () => {
    const { session, library, store } = newSession();
    session.autosave();
    await library.flush();
    expect(library.saveState).toBe('idle');
    expect(await store.listProjects()).toEqual([]);
  });

  it('writes the open project’s pending save before another file replaces it', async () => {
    const { session, store } = newSession();
    await session.openFile(new File([SRT], 'a.srt'), SETTINGS);
    const first = session.project.id;
    session.autosave();
    await session.openFile(new File([SRT.replace('Hello.', 'Hi.')], 'b.srt'), SETTINGS);
    expect(session.project.id).not.toBe(first);
    expect((await store.loadProject(first))?.name).toBe('a.srt');
  });

  it('saves a saved project whose every cue was deleted, but never a new empty one', async () => {
    const { session, store, library } = newSession();
    await session.openFile(new File([SRT], 'a.srt'), SETTINGS);
    session.autosave();
    await library.flush();
    session.project.apply({ type: 'delete', ids: session.project.cues.map((cue) => cue.id) });
    expect(session.project.cues).toEqual([]);
    session.autosave();
    await library.flush();
    expect((await store.loadProject(session.project.id))?.transcript.cues).toEqual([]);
  });

  it('never writes one project’s save under another: a save due after the switch is the new project’s own', async () => {
    const { session, store, library } = newSession();
    await session.openFile(new File([SRT], 'a.srt'), SETTINGS);
    const first = session.project.id;
    session.autosave();
    await session.openFile(new File([SRT.replace('Hello.', 'Hi.')], 'b.srt'), SETTINGS);
    session.autosave();
    await library.flush();
    const [a, b] = [await store.loadProject(first), await store.loadProject(session.project.id)];
    expect(a?.transcript.cues.map((cue) => cue.text)).toEqual(['Hello.', 'Goodbye.']);
    expect(b?.transcript.cues.map((cue) => cue.text)).toEqual(['Hi.', 'Goodbye.']);
    expect((await store.listProjects()).map((listing) => listing.name).sort()).toEqual(['a.srt', 'b.srt']);
  });
});

describe('Session.openSaved', () => {
  it('restores cues, translations, summary and id, without saving by itself', async () => {
    const saved = await savedRecognition(video());
    const { session, library, store } = await seeded(saved);
    expect(await session.openSaved(saved.id)).toBe(true);
    const project = session.project;
    expect(project.id).toBe('saved-talk');
    expect(project.name).toBe('talk.mp4');
    expect(project.origin).toBe('recognition');
    expect(project.cues).toEqual(saved.transcript.cues);
    expect(project.translationOf('c1')?.text).toBe('Hello everyone.');
    expect(project.transcript.translationLanguage).toBe('English');
    expect(project.summary.accepted).toBe('# 字幕');
    expect(project.file).toBeUndefined();
    expect(project.media).toEqual(saved.media);

    // Opening is not a change: the effect's first autosave must not write (updatedAt stays).
    session.autosave();
    await library.flush();
    expect((await store.loadProject(saved.id))?.updatedAt).toBe(2000);

    // A real change is saved, keeping what resuming needs.
    project.apply({ type: 'set-text', id: 'c2', text: '今天讲字幕制作。' });
    session.autosave();
    await library.flush();
    const edited = await store.loadProject(saved.id);
    expect(edited?.updatedAt).toBeGreaterThan(2000);
    expect(edited?.transcript.cues[1]?.text).toBe('今天讲字幕制作。');
    expect(edited?.recognition).toEqual(saved.recognition);
    expect(edited?.media).toEqual(saved.media);
    expect(edited?.createdAt).toBe(1000);
  });

  it('says false for a project that is not there, and keeps what was open', async () => {
    const { session } = newSession();
    await session.openFile(new File([SRT], 'a.srt'), SETTINGS);
    expect(await session.openSaved('missing')).toBe(false);
    expect(session.project.name).toBe('a.srt');
  });
});

describe('Session with a media file the library knows', () => {
  it('offers to resume an unfinished recognition with the same settings, starting nothing', async () => {
    const file = video();
    const saved = await savedRecognition(file);
    const { session } = await seeded(saved);
    await session.openFile(file, SETTINGS);
    const offer = session.offer;
    expect(offer?.choice).toEqual({ type: 'resume', point: { until: 90, language: 'zh', probability: 0.97 } });
    expect(offer?.file).toBe(file);
    expect(offer?.listing.id).toBe('saved-talk');
    expect(offer?.saved).toEqual(saved);
    expect(offer?.media).toEqual({ ...(await fingerprintMedia(file)), duration: 600 });
    expect(session.project.origin).toBe('none');
    expect(session.project.transcription.status).toBe('idle');
  });

  it('offers nothing for a finished recognition, or one made with other settings: the file runs as a new project', async () => {
    const cases: [SavedProject, RunSettings][] = [
      [await savedRecognition(video(), { complete: true, recognisedUntil: 600 }), SETTINGS],
      [await savedRecognition(video()), { ...SETTINGS, language: 'en' }],
    ];
    for (const [saved, settings] of cases) {
      const { session } = await seeded(saved);
      await session.openFile(video(), settings); // no workers here: the run starts and fails at once
      expect(session.offer).toBeUndefined();
      expect(session.project.origin).toBe('recognition');
      expect(session.project.id).not.toBe(saved.id);
    }
  });

  it('opens the offered project as it was, with the file attached to play against, without saving it', async () => {
    const file = video();
    const saved = await savedRecognition(file);
    const { session, library, store } = await seeded(saved);
    await session.openFile(file, SETTINGS);
    expect(session.offer?.choice.type).toBe('resume');
    await session.openOffered();
    expect(session.offer).toBeUndefined();
    expect(session.project.id).toBe('saved-talk');
    expect(session.project.file).toBe(file);
    expect(session.project.cues).toEqual(saved.transcript.cues);
    expect(session.project.summary.accepted).toBe('# 字幕');
    expect(session.project.transcription.status).toBe('idle');
    session.autosave();
    await library.flush();
    expect((await store.loadProject(saved.id))?.updatedAt).toBe(2000);
  });
});

describe('Session.attachMedia', () => {
  it('refuses another file for a project made from a file, and takes the same one', async () => {
    const file = video();
    const saved = await savedRecognition(file);
    const { session } = await seeded(saved);
    await session.openSaved(saved.id);

    const other = video('another video entirely', 'other.mp4');
    expect(await session.attachMedia(other)).toBe(false);
    expect(session.attachRefused).toBe('other.mp4');
    expect(session.project.file).toBeUndefined();

    // Same name and size, other bytes: still not the file it was made from.
    const lookAlike = video('not really a videX');
    expect(await session.attachMedia(lookAlike)).toBe(false);
    expect(session.attachRefused).toBe('talk.mp4');

    // A copy of the same file (another date) is the same media.
    const copy = new File(['not really a video'], 'talk.mp4', { lastModified: 5 });
    expect(await session.attachMedia(copy)).toBe(true);
    expect(session.attachRefused).toBeUndefined();
    expect(session.project.file).toBe(copy);
  });

  it('takes any media for imported subtitles', async () => {
    const { session } = newSession();
    await session.openFile(new File([SRT], 'a.srt'), SETTINGS);
    const file = video();
    expect(await session.attachMedia(file)).toBe(true);
    expect(session.project.file).toBe(file);
    expect(session.attachRefused).toBeUndefined();
  });
});
