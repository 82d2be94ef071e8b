import { untrack } from 'svelte';
import { fingerprintMedia, sameMedia, type MediaFingerprint } from '../storage/media-fingerprint.ts';
import type { ProjectListing, SavedMedia, SavedProject } from '../storage/saved-project.ts';
import type { RunSettings } from './job.svelte.ts';
import type { Library } from './library.svelte.ts';
import { isSubtitleFileName, type Project } from './project.svelte.ts';
import { resumeChoice, type ResumeChoice } from './project-saving.ts';

/** A dropped file the library already knows: what the user can do with it. */
export interface KnownFileOffer {
  readonly file: File;
  readonly settings: RunSettings;
  readonly media: MediaFingerprint & { readonly duration: number };
  readonly listing: ProjectListing;
  readonly saved: SavedProject;
  readonly choice: ResumeChoice;
}

/**
 * The project being worked on and the library that keeps it, tied together: a dropped file whose
 * recognition was interrupted in another session (same name, size and first/last MiB) is offered
 * for resuming; every change is saved; projects reopen from the list.
 *
 * @example
 * const session = new Session(project, library);
 * await session.openFile(file, settings.runSettings());
 * if (session.offer?.choice.type === 'resume') await session.resumeOffered();
 */
export class Session {
  readonly project: Project;
  readonly library: Library;
  /** Set while a dropped file waits for the user to resume, reopen or start over. */
  offer = $state.raw<KnownFileOffer | undefined>();
  /** The name of a file refused as the open project's media (not the file it was made from). */
  attachRefused = $state<string | undefined>();

  /** Counts files dropped, so a slower match for an earlier file cannot overtake a later one. */
  #opening = 0;
  /** Projects started or resumed in this page: not offered back when their file is dropped again. */
  readonly #thisSession = new Set<string>();
  /** The project's state as reopened: opening a project is not a change to save. */
  #reopened: readonly unknown[] | undefined;

  constructor(project: Project, library: Library) {
    this.project = project;
    this.library = library;
  }

  /** A dropped or chosen file: subtitles are imported; media is matched against the library first. */
  async openFile(file: File, settings: RunSettings): Promise<void> {
    const opening = ++this.#opening;
    this.offer = undefined;
    if (isSubtitleFileName(file.name)) {
      this.#leaveProject();
      await this.project.importSubtitles(file);
      return;
    }
    const fingerprint = await fingerprintMedia(file).catch(() => undefined); // unreadable here: ffprobe will say why
    const offer = fingerprint && (await this.#resumable(file, settings, fingerprint));
    if (opening !== this.#opening) return; // another file was dropped meanwhile
    if (offer) this.offer = offer;
    else await this.#start(file, settings, fingerprint && { ...fingerprint, duration: 0 });
  }

  /**
   * A queued file: always a new recognition project (no offer to answer: nobody is watching), with
   * its fingerprint so the library knows the file later. Resolves when the run has ended.
   */
  async openQueued(file: File, settings: RunSettings): Promise<void> {
    ++this.#opening;
    this.offer = undefined;
    const fingerprint = await fingerprintMedia(file).catch(() => undefined);
    await this.#start(file, settings, fingerprint && { ...fingerprint, duration: 0 });
  }

  /** Saves the open project now (what a debounced autosave would write later). */
  async saveNow(): Promise<void> {
    this.autosave();
    await this.library.flush();
  }

  /** Goes on recognising the offered file from where its saved run stopped. */
  async resumeOffered(): Promise<void> {
    const offer = this.#takeOffer();
    if (!offer || offer.choice.type !== 'resume') return;
    this.#leaveProject();
    this.#thisSession.add(offer.saved.id);
    await this.project.resume(offer.saved, offer.file, offer.settings, offer.choice.point);
  }

  /** Reopens the offered file's saved project as it was, with the file to play against. */
  openOffered(): void {
    const offer = this.#takeOffer();
    if (offer) this.#reopen(offer.saved, offer.file);
  }

  /** Recognises the offered file anew, as a new project (the saved one stays in the library). */
  async startOver(): Promise<void> {
    const offer = this.#takeOffer();
    if (offer) await this.#start(offer.file, offer.settings, offer.media);
  }

  /**
   * Recognises the open file again with other settings (e.g. another model source) when its run
   * has not finished: a new project from the start (the interrupted one stays in the library).
   */
  async restartWith(settings: RunSettings): Promise<boolean> {
    const { file, origin, media, transcription } = this.project;
    if (!file || origin !== 'recognition' || transcription.status === 'done') return false;
    await this.#start(file, settings, media);
    return true;
  }

  /** Only a recognition interrupted in another session (a closed tab, a crash) is offered back. */
  async #resumable(file: File, settings: RunSettings, fingerprint: MediaFingerprint): Promise<KnownFileOffer | undefined> {
    const matches = (await this.library.matchesFor(fingerprint)).filter((match) => match.origin === 'recognition' && !match.complete && !this.#thisSession.has(match.id));
    for (const listing of matches) {
      const saved = await this.library.open(listing.id);
      const choice = saved && saved.transcript.cues.length > 0 ? resumeChoice(saved, settings) : undefined;
      if (saved && choice?.type === 'resume') return { file, settings, media: { ...fingerprint, duration: saved.media?.duration ?? 0 }, listing, saved, choice };
    }
    return undefined;
  }

  /** A new recognition project; a file dropped again in this session is a new run, not an offer. */
  async #start(file: File, settings: RunSettings, media: SavedMedia | undefined): Promise<void> {
    this.#leaveProject();
    const started = this.project.open(file, settings, media);
    this.#thisSession.add(this.project.id);
    await started;
  }

  #takeOffer(): KnownFileOffer | undefined {
    const offer = this.offer;
    this.offer = undefined;
    return offer;
  }

  /** The open project's pending save is taken now (it is written after), before another replaces it. */
  #leaveProject(): void {
    void this.library.flush();
  }

  /** Reopens a project from the library, without its video (it can be attached). */
  async openSaved(id: string): Promise<boolean> {
    const saved = await this.library.open(id);
    if (!saved) return false;
    this.offer = undefined;
    this.#reopen(saved);
    return true;
  }

  #reopen(saved: SavedProject, file?: File): void {
    this.#leaveProject();
    this.project.restoreSaved(saved, file);
    this.#reopened = this.project.saveStamp;
  }

  /**
   * Gives the open project its media to play against. A project made from a file takes only that
   * file (same name, size and first/last MiB); imported subtitles take any.
   */
  async attachMedia(file: File): Promise<boolean> {
    const expected = this.project.media;
    const matches = !expected || sameMedia(expected, await fingerprintMedia(file).catch(() => undefined) ?? { ...expected, hash: '' });
    this.attachRefused = matches ? undefined : file.name;
    if (matches) this.project.attachMedia(file);
    return matches;
  }

  /** Saves the project soon (debounced); call on every change (`project.saveStamp`). */
  autosave(): void {
    // An empty transcript is saved only over a saved one (every cue deleted), never as a new project.
    // Untracked: the caller's effect must re-run on changes to the project, not on each save's listing.
    const saved = untrack(() => this.library.listings.some((listing) => listing.id === this.project.id));
    if (this.project.origin === 'none' || (this.project.cues.length === 0 && !saved)) return;
    const stamp = this.project.saveStamp;
    if (this.#reopened?.every((part, index) => part === stamp[index])) return;
    this.#reopened = undefined;
    // Something is saved: ask once that the browser not evict it under storage pressure.
    void this.library.requestPersistence();
    // Bound to this project: a timer that fires after another one opened saves nothing.
    const { id } = this.project;
    this.library.scheduleSave(() => (this.project.id === id ? this.project.toSaved() : undefined));
  }
}
