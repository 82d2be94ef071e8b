import { i18n, type Locale } from '../i18n/i18n.svelte.ts';
import { DEFAULT_SETTINGS, loadSettings, saveSettings, type StoredSettings } from '../storage/settings-store.ts';
import type { RunSettings } from './job.svelte.ts';
import type { DevicePreference, Precision } from '../transcription/models.ts';
import type { ProfileId } from '../subtitles/segment/profiles.ts';

/** The user's settings, reactive, saved on this device whenever they change. */
export class Settings {
  modelId = $state(DEFAULT_SETTINGS.modelId);
  modelHost = $state(DEFAULT_SETTINGS.modelHost);
  device = $state<DevicePreference>(DEFAULT_SETTINGS.device);
  precision = $state<Precision>(DEFAULT_SETTINGS.precision);
  wordTimestamps = $state(DEFAULT_SETTINGS.wordTimestamps);
  initialPrompt = $state(DEFAULT_SETTINGS.initialPrompt);
  noRepeatNgramSize = $state(DEFAULT_SETTINGS.noRepeatNgramSize);
  repetitionPenalty = $state(DEFAULT_SETTINGS.repetitionPenalty);
  language = $state(DEFAULT_SETTINGS.language);
  task = $state<'transcribe' | 'translate'>(DEFAULT_SETTINGS.task);
  maxNewTokens = $state(DEFAULT_SETTINGS.maxNewTokens);
  vad = $state(DEFAULT_SETTINGS.vad);
  locale = $state<Locale | null>(DEFAULT_SETTINGS.locale);
  readability = $state<ProfileId | 'auto'>(DEFAULT_SETTINGS.readability);
  loaded = $state(false);

  #loading: Promise<void> | undefined;

  /** Reads the stored settings once at start-up; later calls wait for the same read. */
  load(): Promise<void> {
    this.#loading ??= (async () => {
      this.#apply(await loadSettings());
      if (this.locale) i18n.setLocale(this.locale);
      this.loaded = true;
    })();
    return this.#loading;
  }

  /** What one run needs, once the stored settings are read (a file dropped at start-up must not run on defaults). */
  async loadedRunSettings(): Promise<RunSettings> {
    await this.load();
    return this.runSettings();
  }

  snapshot(): StoredSettings {
    return {
      modelId: this.modelId,
      modelHost: this.modelHost,
      device: this.device,
      precision: this.precision,
      language: this.language,
      task: this.task,
      maxNewTokens: this.maxNewTokens,
      vad: this.vad,
      wordTimestamps: this.wordTimestamps,
      initialPrompt: this.initialPrompt,
      noRepeatNgramSize: this.noRepeatNgramSize,
      repetitionPenalty: this.repetitionPenalty,
      locale: this.locale,
      readability: this.readability,
    };
  }

  /** Saves; a full or blocked store only costs persistence, never the running app. */
  async save(): Promise<void> {
    await saveSettings(this.snapshot()).catch(() => undefined);
  }

  setLocale(locale: Locale): void {
    this.locale = locale;
    i18n.setLocale(locale);
    void this.save();
  }

  reset(): void {
    this.#apply({ ...DEFAULT_SETTINGS, locale: this.locale });
    void this.save();
  }

  /** What one run needs. */
  runSettings(): RunSettings {
    return {
      vad: this.vad,
      readability: this.readability,
      source: { host: this.modelHost, modelId: this.modelId },
      device: this.device,
      precision: this.precision,
      wordTimestamps: this.wordTimestamps,
      initialPrompt: this.initialPrompt,
      noRepeatNgramSize: this.noRepeatNgramSize,
      repetitionPenalty: this.repetitionPenalty,
      language: this.language || undefined,
      task: this.task,
      maxNewTokens: this.maxNewTokens > 0 ? this.maxNewTokens : undefined,
    };
  }

  #apply(s: StoredSettings): void {
    this.modelId = s.modelId;
    this.modelHost = s.modelHost;
    this.device = s.device;
    this.precision = s.precision;
    this.wordTimestamps = s.wordTimestamps;
    this.initialPrompt = s.initialPrompt;
    this.noRepeatNgramSize = s.noRepeatNgramSize;
    this.repetitionPenalty = s.repetitionPenalty;
    this.language = s.language;
    this.task = s.task;
    this.maxNewTokens = s.maxNewTokens;
    this.vad = s.vad;
    this.locale = s.locale;
    this.readability = s.readability;
  }
}

export const settings = new Settings();
