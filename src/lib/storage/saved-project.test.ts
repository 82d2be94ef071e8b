import { describe, expect, it } from 'vitest';
import { listingOf, newProjectId, parseListing, parseSavedProject, PREVIEW_LENGTH, type SavedProject } from './saved-project.ts';

const HASH = 'a'.repeat(64);

/** A complete project with every optional part present. */
function project(): SavedProject {
  return {
    version: 1,
    id: 'p1',
    name: 'Talk.mp4',
    createdAt: 1000,
    updatedAt: 2000,
    origin: 'recognition',
    media: { name: 'talk.mp4', size: 1234, lastModified: 500, hash: HASH, duration: 60.5 },
    transcript: {
      cues: [
        { id: 'c1', revision: 0, start: 0, end: 1.5, text: 'Hello\nworld', words: [{ start: 0, end: 0.5, text: 'Hello' }] },
        { id: 'c2', revision: 2, start: 2, end: 3, text: 'again' },
      ],
      translations: [['c1', { text: '你好世界', revision: 0, source: 'Hello\nworld' }]],
      translationLanguage: 'zh',
    },
    summary: { text: '# Summary' },
    recognition: { settingsKey: 'whisper-base|en|transcribe|vad', recognisedUntil: 30, duration: 60.5, complete: false, detectedLanguage: 'en' },
    settings: { model: 'whisper-base', vad: true, penalty: 1.1 },
  };
}

/** The project as JSON with `change` applied to the parsed copy. */
function damaged(change: (raw: Record<string, unknown>) => void): unknown {
  const raw: Record<string, unknown> = JSON.parse(JSON.stringify(project()));
  change(raw);
  return raw;
}

/** Reads a nested field of parsed JSON for the damage tests. */
function at(raw: unknown, ...path: (string | number)[]): Record<string, unknown> {
  let value = raw;
  for (const key of path) value = Reflect.get(Object(value), key);
  if (typeof value !== 'object' || value === null) throw new Error(`no object at ${path.join('.')}`);
  return Object.fromEntries(Object.entries(value));
}

function set(raw: unknown, path: (string | number)[], key: string, value: unknown): void {
  let target = raw;
  for (const step of path) target = Reflect.get(Object(target), step);
  Reflect.set(Object(target), key, value);
}

describe('parseSavedProject', () => {
  it('round-trips a complete project through JSON and structured clone', () => {
    expect(parseSavedProject(JSON.parse(JSON.stringify(project())))).toEqual(project());
    expect(parseSavedProject(structuredClone(project()))).toEqual(project());
  });

  it('accepts a minimal project and keeps absent parts absent', () => {
    const minimal: SavedProject = {
      version: 1,
      id: 'p2',
      name: '',
      createdAt: 0,
      updatedAt: 0,
      origin: 'import',
      transcript: { cues: [], translations: [], translationLanguage: '' },
    };
    const parsed = parseSavedProject({ ...minimal, media: undefined });
    expect(parsed).toEqual(minimal);
    expect(parsed && 'media' in parsed).toBe(false);
  });

  it('returns a fresh copy without unknown fields', () => {
    const raw = damaged((p) => {
      p['extra'] = 1;
      set(p, ['transcript', 'cues', 0], 'colour', 'red');
    });
    const parsed = parseSavedProject(raw);
    expect(parsed).toEqual(project());
    expect(parsed?.transcript.cues[0]).not.toBe(at(raw, 'transcript', 'cues', 0));
  });

  it('refuses anything that is not a project of this version', () => {
    for (const raw of [undefined, null, 'project', 42, [], [project()]]) expect(parseSavedProject(raw)).toBeUndefined();
    expect(parseSavedProject({ ...project(), version: 2 })).toBeUndefined();
    expect(parseSavedProject(damaged((p) => delete p['version']))).toBeUndefined();
  });

  const damages: Record<string, (p: Record<string, unknown>) => void> = {
    'empty id': (p) => (p['id'] = ''),
    'numeric id': (p) => (p['id'] = 7),
    'missing name': (p) => delete p['name'],
    'infinite date': (p) => (p['updatedAt'] = Infinity),
    'date as text': (p) => (p['createdAt'] = '2024-01-01'),
    'unknown origin': (p) => (p['origin'] = 'upload'),
    'no transcript': (p) => delete p['transcript'],
    'cues not an array': (p) => set(p, ['transcript'], 'cues', {}),
    'translation language missing': (p) => set(p, ['transcript'], 'translationLanguage', null),
    'cue ending before it starts': (p) => set(p, ['transcript', 'cues', 1], 'end', 1.9),
    'cue of zero length': (p) => set(p, ['transcript', 'cues', 1], 'end', 2),
    'negative start': (p) => set(p, ['transcript', 'cues', 0], 'start', -1),
    'NaN end': (p) => set(p, ['transcript', 'cues', 0], 'end', NaN),
    'numeric text': (p) => set(p, ['transcript', 'cues', 0], 'text', 5),
    'numeric cue id': (p) => set(p, ['transcript', 'cues', 0], 'id', 1),
    'fractional revision': (p) => set(p, ['transcript', 'cues', 0], 'revision', 0.5),
    'negative revision': (p) => set(p, ['transcript', 'cues', 0], 'revision', -1),
    'duplicate cue ids': (p) => set(p, ['transcript', 'cues', 1], 'id', 'c1'),
    'cue that is null': (p) => set(p, ['transcript', 'cues'], '1', null),
    'word without text': (p) => set(p, ['transcript', 'cues', 0, 'words', 0], 'text', undefined),
    'words not an array': (p) => set(p, ['transcript', 'cues', 0], 'words', 'Hello'),
    'translation of a missing cue': (p) => set(p, ['transcript', 'translations', 0], '0', 'c9'),
    'translation without source': (p) => set(p, ['transcript', 'translations', 0, 1], 'source', undefined),
    'translation entry of three': (p) => set(p, ['transcript', 'translations', 0], '2', 'x'),
    'duplicate translations': (p) => set(p, ['transcript', 'translations'], '1', ['c1', { text: 'x', revision: 0, source: 'y' }]),
    'media without hash': (p) => set(p, ['media'], 'hash', undefined),
    'media hash not hex': (p) => set(p, ['media'], 'hash', 'z'.repeat(64)),
    'negative media size': (p) => set(p, ['media'], 'size', -1),
    'media duration as text': (p) => set(p, ['media'], 'duration', '60'),
    'summary not text': (p) => set(p, ['summary'], 'text', ['# Summary']),
    'summary null': (p) => (p['summary'] = null),
    'recognition not finished flag': (p) => set(p, ['recognition'], 'complete', 'no'),
    'recognised until NaN': (p) => set(p, ['recognition'], 'recognisedUntil', NaN),
    'detected language number': (p) => set(p, ['recognition'], 'detectedLanguage', 1),
    'audio track negative': (p) => set(p, ['recognition'], 'audioTrack', -1),
    'audio track fraction': (p) => set(p, ['recognition'], 'audioTrack', 1.5),
    'settings with an object value': (p) => set(p, ['settings'], 'nested', { a: 1 }),
    'settings as array': (p) => (p['settings'] = ['a']),
  };
  for (const [what, damage] of Object.entries(damages)) {
    it(`refuses a project with ${what}`, () => {
      expect(parseSavedProject(damaged(damage))).toBeUndefined();
    });
  }

  it('keeps the recognised audio track of a file with several', () => {
    const base = project();
    const withTrack: SavedProject = { ...base, recognition: { settingsKey: 'k', recognisedUntil: 30, duration: 60, complete: false, audioTrack: 2 } };
    expect(parseSavedProject(structuredClone(withTrack))?.recognition?.audioTrack).toBe(2);
  });

  it('keeps a "__proto__" setting as a plain key', () => {
    const parsed = parseSavedProject(JSON.parse(JSON.stringify(project()).replace('"model":', '"__proto__":')));
    expect(Object.getPrototypeOf(parsed?.settings)).toBe(Object.prototype);
    expect(Object.keys(parsed?.settings ?? {})).toContain('__proto__');
  });
});

describe('listingOf', () => {
  it('summarises a project for the list', () => {
    expect(listingOf(project())).toEqual({
      id: 'p1',
      name: 'Talk.mp4',
      createdAt: 1000,
      updatedAt: 2000,
      origin: 'recognition',
      cueCount: 2,
      duration: 60.5,
      hasTranslation: true,
      translationLanguage: 'zh',
      hasSummary: true,
      complete: false,
      mediaName: 'talk.mp4',
      media: { name: 'talk.mp4', size: 1234, lastModified: 500, hash: HASH },
      preview: 'Hello world again',
    });
  });

  it('falls back to the last cue end, and counts imports as complete', () => {
    const { media: _media, recognition: _recognition, summary: _summary, ...rest } = project();
    const listing = listingOf({ ...rest, origin: 'import' });
    expect(listing).toMatchObject({ duration: 3, complete: true, hasSummary: false });
    expect('mediaName' in listing || 'media' in listing).toBe(false);
  });

  it('cuts the preview to its length without splitting a character', () => {
    const text = '😀'.repeat(100);
    const base = project();
    const listing = listingOf({ ...base, transcript: { ...base.transcript, cues: [{ id: 'c1', revision: 0, start: 0, end: 1, text }] } });
    expect(Array.from(listing.preview)).toHaveLength(PREVIEW_LENGTH);
    expect(listing.preview.endsWith('😀…')).toBe(true);
  });
});

describe('parseListing', () => {
  it('accepts what listingOf makes, through structured clone', () => {
    const listing = listingOf(project());
    expect(parseListing(structuredClone(listing))).toEqual(listing);
  });

  it('refuses a listing with a wrong field', () => {
    expect(parseListing({ ...listingOf(project()), cueCount: -1 })).toBeUndefined();
    expect(parseListing({ ...listingOf(project()), media: { name: 'x' } })).toBeUndefined();
    expect(parseListing(undefined)).toBeUndefined();
  });
});

describe('newProjectId', () => {
  it('gives different ids', () => {
    expect(newProjectId()).not.toBe(newProjectId());
  });
});
