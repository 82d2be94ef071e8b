import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SENSEVOICE_MODEL_ID } from '../transcription/engine-catalog.ts';
import { Settings } from './settings.svelte.ts';

/** Settings as a user left them with Whisper: every Whisper-only option set. */
function whisperTuned(): Settings {
  const settings = new Settings();
  settings.modelId = 'onnx-community/whisper-small';
  settings.precision = 'fp16';
  settings.task = 'translate';
  settings.wordTimestamps = true;
  settings.initialPrompt = 'Zimu';
  settings.noRepeatNgramSize = 3;
  settings.repetitionPenalty = 1.2;
  settings.maxNewTokens = 100;
  return settings;
}

describe('Settings: the speech engine', () => {
  it('runs Whisper with its own options by default', () => {
    const run = whisperTuned().runSettings();
    expect(run.speechEngine).toBe('whisper');
    expect(run.source.modelId).toBe('onnx-community/whisper-small');
    expect(run).toMatchObject({ precision: 'fp16', task: 'translate', wordTimestamps: true, initialPrompt: 'Zimu', noRepeatNgramSize: 3, repetitionPenalty: 1.2, maxNewTokens: 100 });
  });

  it('runs SenseVoice from its own repository on the same host, without any Whisper-only option', () => {
    const settings = whisperTuned();
    settings.modelHost = 'https://hf-mirror.com';
    settings.chooseEngine('sensevoice');
    const run = settings.runSettings();
    expect(run.speechEngine).toBe('sensevoice');
    expect(run.source).toEqual({ host: 'https://hf-mirror.com', modelId: DEFAULT_SENSEVOICE_MODEL_ID });
    expect(run).toMatchObject({ precision: 'auto', task: 'transcribe', wordTimestamps: false, initialPrompt: '', noRepeatNgramSize: 0, repetitionPenalty: 1, maxNewTokens: undefined });
    // Kept for when Whisper is chosen again.
    expect(settings.task).toBe('translate');
    settings.chooseEngine('whisper');
    expect(settings.runSettings().task).toBe('translate');
  });

  it('names the chosen engine’s model for the user', () => {
    const settings = new Settings();
    settings.modelId = 'onnx-community/whisper-small';
    expect(settings.engineModelName).toBe('Whisper small');
    settings.chooseEngine('sensevoice');
    expect(settings.engineModelName).toBe('SenseVoice-Small');
    settings.senseVoiceModelId = 'me/sense-voice';
    expect(settings.engineModelName).toBe('me/sense-voice');
  });

  it('offers the spoken languages the chosen engine knows', () => {
    const settings = new Settings();
    expect(settings.spokenLanguages.length).toBeGreaterThan(90);
    settings.chooseEngine('sensevoice');
    expect(settings.spokenLanguages).toEqual(['zh', 'yue', 'en', 'ja', 'ko']);
  });

  it('sets Whisper’s translate task from the Advanced switch', () => {
    const settings = new Settings();
    settings.setWhisperTranslates(true);
    expect(settings.runSettings().task).toBe('translate');
    settings.setWhisperTranslates(false);
    expect(settings.runSettings().task).toBe('transcribe');
  });

  it('gives SenseVoice only a language it knows; another one is detected instead', () => {
    const settings = new Settings();
    settings.chooseEngine('sensevoice');
    settings.language = 'yue';
    expect(settings.runSettings().language).toBe('yue');
    settings.language = 'fr';
    expect(settings.runSettings().language).toBeUndefined();
    settings.chooseEngine('whisper');
    expect(settings.runSettings().language).toBe('fr');
  });

  it('saves the engine choice and the closed advice, and reads them back in a new page', async () => {
    const settings = new Settings();
    await settings.load();
    settings.chooseEngine('sensevoice');
    settings.dismissEngineAdvice();
    await settings.save();
    const reloaded = new Settings();
    await reloaded.load();
    expect(reloaded.speechEngine).toBe('sensevoice');
    expect(reloaded.engineAdviceDismissed).toBe(true);
    expect(reloaded.engineModelId).toBe(DEFAULT_SENSEVOICE_MODEL_ID);
  });
});
