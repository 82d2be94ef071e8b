import type { SaveState } from './library.svelte.ts';
import type { ProjectOrigin } from './project.svelte.ts';

/** What the guard reads of the open project. */
export interface GuardedProject {
  readonly id: string;
  readonly name: string;
  readonly origin: ProjectOrigin;
  readonly cues: readonly unknown[];
  /** True while recognition, translation or summary runs. */
  readonly busy: boolean;
  /** Changes whenever anything a save or an export holds changes (compared part by part). */
  readonly saveStamp: readonly unknown[];
}

/** What the guard reads of the library, and the one thing it asks of it. */
export interface GuardedLibrary {
  readonly listings: readonly { readonly id: string }[];
  readonly saveState: SaveState;
  /** Writes a pending save now. */
  flush(): Promise<void>;
}

/** What opening another file does to the open project: nothing to lose, kept by the library, or ask first. */
export type ReplaceDecision = 'go' | 'kept' | 'ask';

/**
 * The rule of what counts as unsaved, unexported work, and what happens to it when another file
 * is opened: work the library keeps is kept (both projects stay, and a notice says so); work it
 * does not keep (storage failed or refused) is replaced only once the user says so; leaving the
 * page warns while a run is in progress or such work is neither saved nor exported.
 *
 * @example
 * const guard = new WorkGuard(project, library);
 * if (await guard.admit(file)) await session.openFile(file, run); // else `guard.pending` waits for an answer
 * addEventListener('beforeunload', (e) => guard.warnOnLeave && e.preventDefault());
 */
export class WorkGuard {
  /** A file waiting for the user to replace the open project with it, or not. */
  pending = $state.raw<File | undefined>();
  /** True once a file opened over a project the library keeps (the notice says so). */
  kept = $state(false);
  readonly #project: GuardedProject;
  readonly #library: GuardedLibrary;
  /** The project's stamp when it was last exported. */
  #exported = $state.raw<readonly unknown[] | undefined>();

  constructor(project: GuardedProject, library: GuardedLibrary) {
    this.#project = project;
    this.#library = library;
  }

  /** There is something to lose: subtitles (a run with none yet has only its time to lose). */
  get hasWork(): boolean {
    return this.#project.origin !== 'none' && this.#project.cues.length > 0;
  }

  /** The library holds the project, or is about to (a save pending, written on leaving), and its last write did not fail. */
  get saved(): boolean {
    const { saveState, listings } = this.#library;
    if (saveState === 'failed') return false;
    return saveState === 'pending' || saveState === 'saving' || listings.some((listing) => listing.id === this.#project.id);
  }

  /** Exported since its last change. */
  get exported(): boolean {
    const stamp = this.#project.saveStamp;
    const exported = this.#exported;
    return exported !== undefined && exported.length === stamp.length && exported.every((part, index) => part === stamp[index]);
  }

  /** Work that would be lost with the page: neither saved nor exported. */
  get unsaved(): boolean {
    return this.hasWork && !this.saved && !this.exported;
  }

  /** Whether leaving the page should ask first: a run in progress, or unsaved, unexported work. */
  get warnOnLeave(): boolean {
    return this.#project.busy || this.unsaved;
  }

  /** Notes an export of the project as it is now. */
  markExported(): void {
    this.#exported = this.#project.saveStamp;
  }

  /**
   * What opening another file would do to the open project. A pending save is written first, so
   * the answer is about what storage holds, not what it was about to hold.
   */
  async decide(): Promise<ReplaceDecision> {
    if (!this.hasWork) return 'go';
    await this.#library.flush();
    const listed = this.#library.listings.some((listing) => listing.id === this.#project.id);
    return listed && this.#library.saveState !== 'failed' ? 'kept' : 'ask';
  }

  /** True when `file` may replace the open project now; false when it waits in `pending` for the user. */
  async admit(file: File): Promise<boolean> {
    const decision = await this.decide();
    this.kept = decision === 'kept';
    if (decision !== 'ask') return true;
    this.pending = file;
    return false;
  }

  /** The user chose to replace the project: the waiting file, to open. */
  confirm(): File | undefined {
    const file = this.pending;
    this.pending = undefined;
    return file;
  }

  /** The user kept the open project: the waiting file is dropped. */
  cancel(): void {
    this.pending = undefined;
  }

  dismissKept(): void {
    this.kept = false;
  }
}
