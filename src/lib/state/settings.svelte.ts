import { i18n, type Locale } from '../i18n/i18n.svelte.ts';
import { DEFAULT_SETTINGS, loadSettings, saveSettings, type StoredSettings } from '../storage/settings-store.ts';
import type { RunSettings } from './job.svelte.ts';
import type { DevicePreference, Precision } from '../transcription/models.ts';
import type { SpeechEngineKind } from '../transcription/transcriber-protocol.ts';
import { DEFAULT_SENSEVOICE_MODEL_ID, isSenseVoiceLanguage, SENSEVOICE_LANGUAGES } from '../transcription/engine-catalog.ts';
import { WHISPER_LANGUAGE_CODES } from '../transcription/recognition/whisper-languages.ts';
import { catalogEntry } from '../transcription/catalog.ts';
import type { ProfileId } from '../subtitles/segment/profiles.ts';

/** The user's settings, reactive, saved on this device whenever they change. */
export class Settings {
  speechEngine = $state<SpeechEngineKind>(DEFAULT_SETTINGS.speechEngine);
  senseVoiceModelId = $state(DEFAULT_SETTINGS.senseVoiceModelId);
  engineAdviceDismissed = $state(DEFAULT_SETTINGS.engineAdviceDismissed);
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
      speechEngine: this.speechEngine,
      senseVoiceModelId: this.senseVoiceModelId,
      engineAdviceDismissed: this.engineAdviceDismissed,
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

  /** Whether the chosen engine is Whisper: its own options (prompt, word times, translate task, guards) apply only then. */
  get whisper(): boolean {
    return this.speechEngine === 'whisper';
  }

  /** The spoken languages the chosen engine knows (codes), as the language choices offer them. */
  get spokenLanguages(): readonly string[] {
    return this.whisper ? WHISPER_LANGUAGE_CODES : SENSEVOICE_LANGUAGES;
  }

  /** The repository the chosen engine loads. */
  get engineModelId(): string {
    return this.whisper ? this.modelId : this.senseVoiceModelId;
  }

  /** The chosen engine's model as the user knows it: a catalog name, SenseVoice-Small, or the repository id. */
  get engineModelName(): string {
    if (this.whisper) return catalogEntry(this.modelId)?.name ?? this.modelId;
    return this.senseVoiceModelId === DEFAULT_SENSEVOICE_MODEL_ID ? 'SenseVoice-Small' : this.senseVoiceModelId;
  }

  /** Switches the speech engine and saves. */
  chooseEngine(engine: SpeechEngineKind): void {
    this.speechEngine = engine;
    void this.save();
  }

  /** Whisper's own task: English subtitles straight from the audio (on), or the spoken language (off). Saved. */
  setWhisperTranslates(on: boolean): void {
    this.task = on ? 'translate' : 'transcribe';
    void this.save();
  }

  /** Runs will load this stored speech model from its host, with the engine it is for. */
  useSpeechModel(engine: SpeechEngineKind, model: { readonly modelId: string; readonly host: string }): void {
    if (engine === 'sensevoice') this.senseVoiceModelId = model.modelId;
    else this.modelId = model.modelId;
    this.speechEngine = engine;
    this.modelHost = model.host.replace(/\/$/, '');
    void this.save();
  }

  /** Closes the advice to use SenseVoice for good. */
  dismissEngineAdvice(): void {
    this.engineAdviceDismissed = true;
    void this.save();
  }

  /**
   * What one run needs. Whisper-only options are left out for SenseVoice (they stay stored for
   * when Whisper is chosen again): it has no prompt, word times, translate task or loop guards.
   */
  runSettings(): RunSettings {
    const whisper = this.whisper;
    return {
      speechEngine: this.speechEngine,
      vad: this.vad,
      readability: this.readability,
      source: { host: this.modelHost, modelId: this.engineModelId },
      device: this.device,
      precision: whisper ? this.precision : 'auto',
      wordTimestamps: whisper && this.wordTimestamps,
      initialPrompt: whisper ? this.initialPrompt : '',
      noRepeatNgramSize: whisper ? this.noRepeatNgramSize : 0,
      repetitionPenalty: whisper ? this.repetitionPenalty : 1,
      // A language SenseVoice doesn't know is detected instead (it hears only its five).
      language: (whisper || isSenseVoiceLanguage(this.language)) && this.language ? this.language : undefined,
      task: whisper ? this.task : 'transcribe',
      maxNewTokens: whisper && this.maxNewTokens > 0 ? this.maxNewTokens : undefined,
    };
  }

  #apply(s: StoredSettings): void {
    this.speechEngine = s.speechEngine;
    this.senseVoiceModelId = s.senseVoiceModelId;
    this.engineAdviceDismissed = s.engineAdviceDismissed;
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
