import { describe, expect, it } from 'vitest';
import type { Cue } from '../subtitles/cue.ts';
import { createIdFactory, timeBounds, type EditableCue, type EditCommand } from '../subtitles/edit/index.ts';
import { Transcript } from './transcript.svelte.ts';

const plain = (start: number, end: number, text: string): Cue => ({ start, end, text });

/** A project on a clock the test moves: `tick(ms)` passes time between edits. */
function setup(cues: readonly Cue[] = [plain(0, 1, 'one two'), plain(2, 3, 'three'), plain(4, 5, 'four')]) {
  let clock = 0;
  const project = new Transcript({ ids: createIdFactory(), now: () => clock });
  project.load(cues);
  return { project, tick: (ms = 5000) => (clock += ms) };
}

describe('Transcript: recognition and loading', () => {
  it('gives streamed cues ids without making undo steps', () => {
    const project = new Transcript({ ids: createIdFactory() });
    project.appendRecognised([plain(0, 1.5, ' Hello  world '), plain(1, 2, 'again')]);
    project.appendRecognised([plain(2, 3, 'more')]);
    expect(project.cues.map((c) => [c.id, c.revision, c.start, c.end, c.text])).toEqual([
      ['c1', 0, 0, 1, 'Hello world'],
      ['c2', 0, 1, 2, 'again'],
      ['c3', 0, 2, 3, 'more'],
    ]);
    expect(project.canUndo).toBe(false);
  });

  it('keeps cues recognised after an edit when that edit is undone', () => {
    const { project, tick } = setup([plain(0, 1, 'a')]);
    project.apply({ type: 'set-text', id: 'c1', text: 'A' });
    tick();
    project.appendRecognised([plain(1, 2, 'b')]);
    project.undo();
    expect(project.cues.map((c) => c.text)).toEqual(['a', 'b']);
    project.redo();
    expect(project.cues.map((c) => c.text)).toEqual(['A', 'b']);
  });

  it('load replaces everything and forgets history and translations', () => {
    const { project } = setup();
    project.apply({ type: 'delete', ids: ['c1'] });
    project.setTranslations([['c2', 'trois']], 'fr');
    project.load([plain(0, 1, 'new')]);
    expect(project.cues.map((c) => c.id)).toEqual(['c4']);
    expect([project.canUndo, project.canRedo, project.translations.size, project.translationLanguage]).toEqual([false, false, 0, '']);
  });

  it('restores a saved project without reusing its ids', () => {
    const { project } = setup();
    project.setTranslations([['c1', 'un deux']], 'fr');
    const saved = structuredClone(project.toSaved());
    const reopened = new Transcript({ ids: createIdFactory() });
    reopened.restore(saved);
    expect(reopened.cues).toEqual(project.cues);
    expect(reopened.translationOf('c1')).toEqual({ text: 'un deux', revision: 0, source: 'one two' });
    reopened.apply({ type: 'split', id: 'c1', at: 0.5 });
    expect(reopened.cues.map((c) => c.id)).toEqual(['c1', 'c4', 'c2', 'c3']);
  });
});

describe('Transcript: edits and undo', () => {
  it('applies commands as undo steps and refuses bad ones without a step', () => {
    const { project, tick } = setup();
    const original = project.cues;
    expect(project.apply({ type: 'merge', first: 'c1', second: 'c3' })).toMatchObject({ changed: false, error: { code: 'not-adjacent' } });
    expect(project.canUndo).toBe(false);
    project.apply({ type: 'merge', first: 'c1', second: 'c2' });
    tick();
    const merged = project.cues;
    project.apply({ type: 'shift', delta: 1 });
    expect(project.undo()).toBe(true);
    expect(project.cues).toBe(merged);
    expect(project.undo()).toBe(true);
    expect(project.cues).toBe(original);
    expect([project.undo(), project.canUndo, project.canRedo]).toEqual([false, false, true]);
    project.redo();
    expect(project.cues).toBe(merged);
  });

  it('makes typing in one cue one undo step', () => {
    const { project, tick } = setup();
    for (const text of ['t', 'th', 'thr', 'thre']) {
      project.apply({ type: 'set-text', id: 'c2', text });
      tick(300);
    }
    tick(3000);
    project.apply({ type: 'set-text', id: 'c2', text: 'three!' });
    project.undo();
    expect(project.cues[1]?.text).toBe('thre');
    project.undo();
    expect(project.cues[1]?.text).toBe('three');
    expect(project.canUndo).toBe(false);
  });
});

describe('Transcript: translations', () => {
  it('records the revision each cue was translated at, and goes stale on edit', () => {
    const { project } = setup();
    project.setTranslations([['c1', 'un deux'], ['c2', 'trois']], 'fr');
    expect(project.translationOf('c2')).toEqual({ text: 'trois', revision: 0, source: 'three' });
    project.apply({ type: 'set-text', id: 'c2', text: 'tree' });
    expect(project.isTranslationStale('c2')).toBe(true);
    expect(project.isTranslationStale('c1')).toBe(false);
    expect(project.untranslated().map((c) => c.id)).toEqual(['c2', 'c3']);
    expect(project.translationsByIndex).toEqual(new Map([[0, 'un deux'], [1, 'trois']]));
    expect(project.doneByIndex).toEqual(new Map([[0, 'un deux']]));
    expect(project.cue('c2')?.text).toBe('tree');
    project.apply({ type: 'delete', ids: ['c1'] });
    expect([project.cue('c1'), project.isTranslationStale('c1')]).toEqual([undefined, false]);
  });

  it('keeps a split cue translation on the first part (stale) and none on the second', () => {
    const { project } = setup();
    project.setTranslations([['c1', 'un deux']], 'fr');
    project.apply({ type: 'split', id: 'c1', at: 0.5 });
    expect(project.cues.map((c) => c.id)).toEqual(['c1', 'c4', 'c2', 'c3']);
    expect(project.translationOf('c1')?.text).toBe('un deux');
    expect(project.isTranslationStale('c1')).toBe(true);
    expect(project.translationOf('c4')).toBeUndefined();
  });

  it('keeps the first translation through a merge (stale), drops the second and a deleted one', () => {
    const { project } = setup();
    project.setTranslations([['c1', 'un deux'], ['c2', 'trois'], ['c3', 'quatre']], 'fr');
    project.apply({ type: 'merge', first: 'c1', second: 'c2' });
    expect([...project.translations.keys()]).toEqual(['c1', 'c3']);
    expect(project.isTranslationStale('c1')).toBe(true);
    project.apply({ type: 'delete', ids: ['c3'] });
    expect([...project.translations.keys()]).toEqual(['c1']);
  });

  it('undo restores the translations as they were', () => {
    const { project, tick } = setup();
    project.setTranslations([['c1', 'un deux'], ['c2', 'trois'], ['c3', 'quatre']], 'fr');
    const before = project.translations;
    project.apply({ type: 'merge', first: 'c1', second: 'c2' });
    tick();
    project.apply({ type: 'delete', ids: ['c3'] });
    project.undo();
    project.undo();
    expect(project.translations).toEqual(before);
    expect(project.untranslated()).toEqual([]);
    project.redo();
    expect([...project.translations.keys()]).toEqual(['c1', 'c3']);
  });

  it('keeps translations that arrived after an edit when it is undone', () => {
    const { project } = setup();
    project.apply({ type: 'set-text', id: 'c2', text: 'tree' });
    project.setTranslations([['c1', 'un deux'], ['c2', 'arbre']], 'fr');
    project.undo();
    expect(project.translationOf('c1')?.text).toBe('un deux');
    expect(project.isTranslationStale('c2')).toBe(true); // made from "tree"; the cue says "three" again
    project.apply({ type: 'set-text', id: 'c2', text: 'thee' }); // revision 1 again, other text
    expect(project.isTranslationStale('c2')).toBe(true);
  });

  it('marks a cue edited during a run stale, and ignores cues deleted during it', () => {
    const { project } = setup();
    const atStart = project.cues;
    project.apply({ type: 'set-text', id: 'c1', text: 'one, two' });
    project.apply({ type: 'delete', ids: ['c3'] });
    project.setTranslations([['c1', 'un deux'], ['c2', 'trois'], ['c3', 'quatre']], 'fr', atStart);
    expect(project.isTranslationStale('c1')).toBe(true);
    expect(project.isTranslationStale('c2')).toBe(false);
    expect(project.translationOf('c3')).toBeUndefined();
  });

  it('adds to one language, replaces on another, and never brings an old language back', () => {
    const { project, tick } = setup();
    project.setTranslations([['c1', 'un deux']], 'fr');
    project.setTranslations([['c2', 'trois']], 'fr');
    expect([...project.translations.keys()]).toEqual(['c1', 'c2']);
    project.apply({ type: 'delete', ids: ['c1'] });
    tick();
    project.setTranslations([['c2', 'drei']], 'de');
    expect([...project.translations.values()].map((t) => t.text)).toEqual(['drei']);
    project.undo();
    expect(project.translationOf('c1')).toBeUndefined();
    expect(project.translationLanguage).toBe('de');
    project.clearTranslations();
    expect([project.translations.size, project.translationLanguage, project.untranslated().length]).toEqual([0, '', 3]);
  });
});

describe('Transcript: many edits', () => {
  it('undoes 200 random edits on 3,000 cues back to the very same array', () => {
    const { project, tick } = setup(Array.from({ length: 3000 }, (_, i) => plain(i, i + 0.8, `cue ${i} with a few words`)));
    project.setTranslations(project.cues.map((c) => [c.id, `traduction ${c.id}`]), 'fr');
    const original = project.cues;
    const translations = project.translations;
    const random = seeded(42);
    const started = performance.now();
    let steps = 0;
    for (let i = 0; i < 200; i++) {
      tick();
      if (project.apply(randomCommand(project.cues, random)).changed) steps++;
    }
    const elapsed = performance.now() - started;
    console.info(`200 random edits on 3,000 cues: ${elapsed.toFixed(1)} ms (${steps} changed the cues)`);
    const edited = project.cues;
    expect(steps).toBeGreaterThan(150);
    while (project.undo()) continue;
    expect(project.cues).toBe(original);
    expect(project.translations).toBe(translations);
    while (project.redo()) continue;
    expect(project.cues).toBe(edited);
  });
});

function randomCommand(cues: readonly EditableCue[], random: () => number): EditCommand {
  const pick = () => Math.floor(random() * cues.length);
  const index = pick();
  const cue = cues[index];
  const next = cues[index + 1];
  if (!cue) return { type: 'delete', ids: [] };
  const mid = (cue.start + cue.end) / 2;
  const bounds = timeBounds(cues, cue.id);
  const words = { regex: true, caseSensitive: false } as const;
  switch (Math.floor(random() * 9)) {
    case 0:
      return { type: 'set-text', id: cue.id, text: `edited ${random().toFixed(4)}` };
    case 1:
      return { type: 'set-times', id: cue.id, start: bounds?.min ?? cue.start, end: cue.end + 0.05 };
    case 2:
      return { type: 'split', id: cue.id, at: mid };
    case 3:
      return next ? { type: 'merge', first: cue.id, second: next.id } : { type: 'delete', ids: [cue.id] };
    case 4:
      return { type: 'insert', after: cue.id, start: cue.end, end: cue.end + 0.1, text: 'inserted' };
    case 5:
      return { type: 'delete', ids: [cue.id, cues[pick()]?.id ?? cue.id] };
    case 6:
      return { type: 'shift', delta: random() - 0.5, from: cue.id };
    case 7:
      return { type: 'replace', find: '(\\w+) (\\d+)', replacement: '$2 $1', options: words, ids: cues.slice(index, index + 20).map((c) => c.id) };
    default:
      return { type: 'replace-all-cues', ids: next ? [cue.id, next.id] : [cue.id], cues: [{ start: cue.start, end: next?.end ?? cue.end, text: 'resegmented' }] };
  }
}

/** mulberry32: a tiny seeded generator, so the sequence is the same on every run. */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
