import { PROFILE_IDS, type ProfileId } from '../subtitles/segment/profiles.ts';
import type { SavedMedia, SavedProject, SavedRecognition } from '../storage/saved-project.ts';
import type { ResumePoint } from '../transcription/pipeline.ts';
import type { RunSettings } from './job.svelte.ts';

/**
 * The settings that decide what recognition produces: a run can only be resumed with the same
 * ones (a different model or language would make a transcript of two halves). Pure.
 *
 * @example
 * recognitionKey(settings.runSettings()); // '{"host":"https://huggingface.co","model":…}'
 */
export function recognitionKey(settings: RunSettings): string {
  // Not the host: a mirror serves the same files, and switching to one must not lose the resume.
  return JSON.stringify({
    model: settings.source.modelId,
    device: settings.device,
    precision: settings.precision,
    language: settings.language ?? '',
    task: settings.task,
    vad: settings.vad,
    maxNewTokens: settings.maxNewTokens ?? 0,
    words: settings.wordTimestamps,
    prompt: settings.initialPrompt,
    noRepeat: settings.noRepeatNgramSize,
    penalty: settings.repetitionPenalty,
    readability: settings.readability,
  });
}

/** The run settings as a flat record, kept with the project for display. Pure. */
export function flatSettings(settings: RunSettings): Readonly<Record<string, string | number | boolean>> {
  return {
    model: settings.source.modelId,
    host: settings.source.host,
    device: settings.device,
    precision: settings.precision,
    language: settings.language ?? '',
    task: settings.task,
    vad: settings.vad,
    readability: settings.readability,
  };
}

/** What a dropped file's saved project offers. */
export type ResumeChoice =
  /** Recognition stopped part-way with these settings: go on from where it stopped. */
  | { readonly type: 'resume'; readonly point: ResumePoint }
  /** Recognition finished (or ran with other settings): open it as it was saved. */
  | { readonly type: 'open' };

/**
 * Whether a saved project can resume recognition of its file with these settings: it must be an
 * unfinished recognition with the same recognition key. Pure.
 */
export function resumeChoice(saved: Pick<SavedProject, 'origin' | 'recognition'>, settings: RunSettings): ResumeChoice {
  const recognition = saved.recognition;
  if (saved.origin !== 'recognition' || !recognition || recognition.complete || recognition.settingsKey !== recognitionKey(settings)) return { type: 'open' };
  const { recognisedUntil: until, detectedLanguage: language, languageProbability: probability, audioTrack } = recognition;
  return { type: 'resume', point: { until, language, probability, audioTrack } };
}

/** The recognition half of a save, from a run's state. Pure. */
export function savedRecognition(run: {
  readonly settings: RunSettings;
  readonly recognisedSeconds: number;
  readonly duration: number;
  readonly complete: boolean;
  readonly language?: { readonly language: string; readonly probability: number } | null;
  /** Set for a file with several audio tracks. */
  readonly audioTrack?: number;
}): SavedRecognition {
  const language = run.language ? { detectedLanguage: run.language.language, languageProbability: run.language.probability } : {};
  const track = run.audioTrack === undefined ? {} : { audioTrack: run.audioTrack };
  return { settingsKey: recognitionKey(run.settings), recognisedUntil: run.recognisedSeconds, duration: run.duration, complete: run.complete, ...language, ...track };
}

/** The readability a saved project was cut to, from its flat settings ('auto' when unknown). Pure. */
export function readabilityOf(settings: SavedProject['settings']): ProfileId | 'auto' {
  const value = settings?.readability;
  return PROFILE_IDS.find((id) => id === value) ?? 'auto';
}

export type { SavedMedia };
