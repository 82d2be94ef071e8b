import { parseSavedProject, SAVED_PROJECT_VERSION, type SavedProject } from './saved-project.ts';

/**
 * The library's export file: every project (or one) in a versioned JSON envelope. Import is
 * all-or-nothing, so a damaged or foreign file never half-fills the library. Pure.
 */
/** The envelope's `format`: what tells our files from any other JSON. */
export const LIBRARY_FILE_FORMAT = 'zimu-library';
/** The envelope's version; each project inside carries its own too. */
export const LIBRARY_FILE_VERSION = 1;

/** Why a file was refused: not JSON at all, someone else's JSON, a version we can't read, or damaged projects. */
export type LibraryFileProblem = 'not-json' | 'foreign' | 'version' | 'damaged';

/** Thrown by `parseLibraryFile`; nothing from the file is used. */
export class LibraryFileError extends Error {
  readonly reason: LibraryFileProblem;
  constructor(reason: LibraryFileProblem, detail?: string) {
    super(detail ? `${reason}: ${detail}` : reason);
    this.name = 'LibraryFileError';
    this.reason = reason;
  }
}

/**
 * The export file's text (compact JSON).
 *
 * @example
 * download(libraryFileName(projects, Date.now()), toLibraryFile(projects));
 */
export function toLibraryFile(projects: readonly SavedProject[], now: number = Date.now()): string {
  return JSON.stringify({ format: LIBRARY_FILE_FORMAT, version: LIBRARY_FILE_VERSION, exportedAt: now, projects });
}

/**
 * The projects in an export file (one or many), every one checked.
 * Throws LibraryFileError when the file isn't ours, is of another version, or any project is damaged.
 *
 * @example
 * try { await store.importProjects(parseLibraryFile(text)); }
 * catch (e) { if (e instanceof LibraryFileError) show('library-file-invalid'); }
 */
export function parseLibraryFile(text: string): SavedProject[] {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new LibraryFileError('not-json', error instanceof Error ? error.message : undefined);
  }
  const field = (key: string): unknown => (typeof raw === 'object' && raw !== null ? Reflect.get(raw, key) : undefined);
  if (field('format') !== LIBRARY_FILE_FORMAT) throw new LibraryFileError('foreign');
  if (field('version') !== LIBRARY_FILE_VERSION) throw new LibraryFileError('version', String(field('version')));
  const rawProjects = field('projects');
  if (!Array.isArray(rawProjects)) throw new LibraryFileError('damaged', 'no project list');
  const projects: SavedProject[] = [];
  const ids = new Set<string>();
  for (const [index, rawProject] of rawProjects.entries()) {
    const project = parseSavedProject(rawProject);
    if (!project) throw new LibraryFileError(ofAnotherVersion(rawProject) ? 'version' : 'damaged', `project ${index + 1}`);
    if (ids.has(project.id)) throw new LibraryFileError('damaged', `project ${index + 1} repeats id ${project.id}`);
    ids.add(project.id);
    projects.push(project);
  }
  return projects;
}

/**
 * The download's file name: `<project name>.zimu.json` for one project (its media extension
 * dropped), `zimu-library-YYYY-MM-DD.json` (local date) otherwise.
 *
 * @example
 * libraryFileName([talk], now);      // 'Talk.zimu.json'
 * libraryFileName(projects, now);    // 'zimu-library-2025-03-14.json'
 */
export function libraryFileName(projects: readonly SavedProject[], now: number | Date = Date.now()): string {
  const [only] = projects;
  if (only && projects.length === 1) return `${safeFileName(withoutExtension(only.name)) || 'zimu-project'}.zimu.json`;
  const date = new Date(now);
  const two = (n: number) => String(n).padStart(2, '0');
  return `zimu-library-${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}.json`;
}

/** A project whose version is a number other than ours: made by a newer (or older) Zimu. */
function ofAnotherVersion(raw: unknown): boolean {
  const version = typeof raw === 'object' && raw !== null ? Reflect.get(raw, 'version') : undefined;
  return typeof version === 'number' && version !== SAVED_PROJECT_VERSION;
}

function withoutExtension(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

/** Characters no file system accepts (Windows is the strictest) become "_". */
function safeFileName(name: string): string {
  return name.replace(/[\u0000-\u001f<>:"/\\|?*]/g, '_').trim();
}
