import { describe, expect, it } from 'vitest';
import { LibraryFileError, libraryFileName, parseLibraryFile, toLibraryFile } from './library-file.ts';
import type { SavedProject } from './saved-project.ts';

function project(id: string, name = `${id}.mp4`): SavedProject {
  return {
    version: 1,
    id,
    name,
    createdAt: 1,
    updatedAt: 2,
    origin: 'import',
    transcript: { cues: [{ id: 'c1', revision: 0, start: 0, end: 1, text: 'hi' }], translations: [], translationLanguage: '' },
  };
}

function reasonOf(text: string): string | undefined {
  try {
    parseLibraryFile(text);
    return undefined;
  } catch (error) {
    return error instanceof LibraryFileError ? error.reason : `not a LibraryFileError: ${String(error)}`;
  }
}

describe('toLibraryFile / parseLibraryFile', () => {
  it('writes the envelope and reads every project back', () => {
    const projects = [project('a'), project('b')];
    const text = toLibraryFile(projects, 1234);
    expect(JSON.parse(text)).toEqual({ format: 'zimu-library', version: 1, exportedAt: 1234, projects });
    expect(parseLibraryFile(text)).toEqual(projects);
  });

  it('reads a single project exported alone, and an empty library', () => {
    expect(parseLibraryFile(toLibraryFile([project('a')]))).toEqual([project('a')]);
    expect(parseLibraryFile(toLibraryFile([]))).toEqual([]);
  });

  it('says why it refuses a file', () => {
    const envelope = (fields: Record<string, unknown>) => JSON.stringify({ format: 'zimu-library', version: 1, projects: [], ...fields });
    expect(reasonOf('{"format": "zimu-library"')).toBe('not-json');
    expect(reasonOf('')).toBe('not-json');
    expect(reasonOf('null')).toBe('foreign');
    expect(reasonOf('[1, 2]')).toBe('foreign');
    expect(reasonOf(JSON.stringify({ cues: [] }))).toBe('foreign');
    expect(reasonOf(envelope({ format: 'other' }))).toBe('foreign');
    expect(reasonOf(envelope({ version: 2 }))).toBe('version');
    expect(reasonOf(envelope({ version: '1' }))).toBe('version');
    expect(reasonOf(envelope({ projects: undefined }))).toBe('damaged');
    expect(reasonOf(envelope({ projects: {} }))).toBe('damaged');
    expect(reasonOf(envelope({ projects: [{ ...project('a'), version: 2 }] }))).toBe('version');
  });

  it('refuses the whole file when any project is damaged or ids repeat', () => {
    const good = project('a');
    const bad = { ...project('b'), transcript: { ...project('b').transcript, cues: [{ id: 'c1', revision: 0, start: 2, end: 1, text: 'x' }] } };
    expect(reasonOf(JSON.stringify({ format: 'zimu-library', version: 1, projects: [good, bad] }))).toBe('damaged');
    expect(reasonOf(JSON.stringify({ format: 'zimu-library', version: 1, projects: [good, null] }))).toBe('damaged');
    expect(reasonOf(toLibraryFile([good, good]))).toBe('damaged');
  });
});

describe('libraryFileName', () => {
  const now = new Date(2025, 2, 4, 23, 59);

  it('names a library by the local date', () => {
    expect(libraryFileName([project('a'), project('b')], now)).toBe('zimu-library-2025-03-04.json');
    expect(libraryFileName([], now.getTime())).toBe('zimu-library-2025-03-04.json');
  });

  it('names a single project after it, without its media extension', () => {
    expect(libraryFileName([project('a', 'Keynote 2024.mp4')], now)).toBe('Keynote 2024.zimu.json');
    expect(libraryFileName([project('a', 'notes')], now)).toBe('notes.zimu.json');
    expect(libraryFileName([project('a', 'a/b:c?.mkv')], now)).toBe('a_b_c_.zimu.json');
    expect(libraryFileName([project('a', '.mp4')], now)).toBe('.mp4.zimu.json');
    expect(libraryFileName([project('a', '')], now)).toBe('zimu-project.zimu.json');
  });
});
