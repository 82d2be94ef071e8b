import type { Locale } from '../i18n/i18n.svelte.ts';
import type { SpeechEngineKind } from '../transcription/transcriber-protocol.ts';

/** Why Zimu suggests SenseVoice: the interface is Chinese, or Whisper heard Chinese or Cantonese. */
export type EngineAdviceReason = 'interface' | 'speech';

/** What the advice depends on. */
export interface EngineAdviceInput {
  /** The stored settings are read (no advice flashes before they are). */
  readonly loaded: boolean;
  readonly engine: SpeechEngineKind;
  readonly locale: Locale;
  /** The language the last run detected, if any. */
  readonly detected: string | undefined;
  readonly dismissed: boolean;
}

/** Chinese (Mandarin) and Cantonese, as Whisper names them: what SenseVoice recognises better. */
const CHINESE_SPEECH: readonly string[] = ['zh', 'yue'];

/**
 * Whether to suggest SenseVoice, and why: only to Whisper users who haven't closed the advice,
 * when Whisper heard Chinese or Cantonese (the stronger reason) or the interface is Chinese. Pure.
 * @example engineAdvice({ loaded: true, engine: 'whisper', locale: 'en', detected: 'yue', dismissed: false }) // 'speech'
 */
export function engineAdvice(input: EngineAdviceInput): EngineAdviceReason | undefined {
  if (!input.loaded || input.engine !== 'whisper' || input.dismissed) return undefined;
  if (input.detected !== undefined && CHINESE_SPEECH.includes(input.detected)) return 'speech';
  return input.locale === 'zh-CN' ? 'interface' : undefined;
}

/** What the advice changes: the settings it reads and writes. */
export interface EngineAdviceSettings {
  readonly loaded: boolean;
  readonly speechEngine: SpeechEngineKind;
  readonly engineAdviceDismissed: boolean;
  chooseEngine(engine: SpeechEngineKind): void;
  dismissEngineAdvice(): void;
}

/**
 * The notice that recommends SenseVoice for Chinese, with its one-click switch. Reads the
 * settings, the interface language and the last run's detected language as they change.
 */
export class EngineAdvice {
  /** Set after the switch, to confirm it until the notice is closed. */
  switched = $state(false);
  readonly #settings: EngineAdviceSettings;
  readonly #locale: () => Locale;
  readonly #detected: () => string | undefined;

  constructor(settings: EngineAdviceSettings, locale: () => Locale, detected: () => string | undefined) {
    this.#settings = settings;
    this.#locale = locale;
    this.#detected = detected;
  }

  get reason(): EngineAdviceReason | undefined {
    const settings = this.#settings;
    return engineAdvice({ loaded: settings.loaded, engine: settings.speechEngine, locale: this.#locale(), detected: this.#detected(), dismissed: settings.engineAdviceDismissed });
  }

  /** The switch's confirmation shows while SenseVoice stays chosen. */
  get confirming(): boolean {
    return this.switched && this.#settings.speechEngine === 'sensevoice';
  }

  /** SenseVoice from the next run on (saved). */
  accept(): void {
    this.#settings.chooseEngine('sensevoice');
    this.switched = true;
  }

  /** Closes the notice for good (saved); after a switch, closes the confirmation. */
  dismiss(): void {
    if (this.confirming) this.switched = false;
    else this.#settings.dismissEngineAdvice();
  }
}
