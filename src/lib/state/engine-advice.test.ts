import { describe, expect, it } from 'vitest';
import type { Locale } from '../i18n/i18n.svelte.ts';
import type { SpeechEngineKind } from '../transcription/transcriber-protocol.ts';
import { EngineAdvice, engineAdvice, type EngineAdviceInput, type EngineAdviceSettings } from './engine-advice.svelte.ts';

const base: EngineAdviceInput = { loaded: true, engine: 'whisper', locale: 'en', detected: undefined, dismissed: false };

describe('engineAdvice', () => {
  it('suggests SenseVoice to Whisper users with a Chinese interface', () => {
    expect(engineAdvice({ ...base, locale: 'zh-CN' })).toBe('interface');
    expect(engineAdvice(base)).toBeUndefined();
  });

  it('suggests it, saying why, when Whisper heard Chinese or Cantonese, whatever the interface', () => {
    expect(engineAdvice({ ...base, detected: 'zh' })).toBe('speech');
    expect(engineAdvice({ ...base, detected: 'yue', locale: 'zh-CN' })).toBe('speech');
    expect(engineAdvice({ ...base, detected: 'ja' })).toBeUndefined();
  });

  it('says nothing once SenseVoice is chosen, once closed, or before the settings are read', () => {
    expect(engineAdvice({ ...base, locale: 'zh-CN', engine: 'sensevoice' })).toBeUndefined();
    expect(engineAdvice({ ...base, detected: 'zh', dismissed: true })).toBeUndefined();
    expect(engineAdvice({ ...base, locale: 'zh-CN', loaded: false })).toBeUndefined();
  });
});

class FakeSettings implements EngineAdviceSettings {
  loaded = true;
  speechEngine: SpeechEngineKind = 'whisper';
  engineAdviceDismissed = false;
  saves = 0;
  chooseEngine(engine: SpeechEngineKind): void {
    this.speechEngine = engine;
    this.saves++;
  }
  dismissEngineAdvice(): void {
    this.engineAdviceDismissed = true;
    this.saves++;
  }
}

describe('EngineAdvice', () => {
  it('switches to SenseVoice in one click, confirms it, and the confirmation closes without closing the advice for good', () => {
    const settings = new FakeSettings();
    let locale: Locale = 'zh-CN';
    const advice = new EngineAdvice(settings, () => locale, () => undefined);
    expect(advice.reason).toBe('interface');
    advice.accept();
    expect(settings.speechEngine).toBe('sensevoice');
    expect(advice.reason).toBeUndefined();
    expect(advice.confirming).toBe(true);
    settings.chooseEngine('whisper');
    // Back on Whisper: the advice again, not the confirmation.
    expect(advice.confirming).toBe(false);
    expect(advice.reason).toBe('interface');
    advice.accept();
    advice.dismiss();
    expect(advice.switched).toBe(false);
    expect(settings.engineAdviceDismissed).toBe(false);
    locale = 'en';
    expect(advice.reason).toBeUndefined();
  });

  it('closes for good when dismissed, even when Whisper later hears Chinese', () => {
    const settings = new FakeSettings();
    let detected: string | undefined;
    const advice = new EngineAdvice(settings, () => 'en', () => detected);
    expect(advice.reason).toBeUndefined();
    detected = 'zh';
    expect(advice.reason).toBe('speech');
    advice.dismiss();
    expect(settings.engineAdviceDismissed).toBe(true);
    expect(advice.reason).toBeUndefined();
    expect(settings.saves).toBe(1);
  });
});
