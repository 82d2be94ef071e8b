import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, sanitizeSettings } from './settings-store.ts';

describe('sanitizeSettings', () => {
  it('gives defaults for nothing stored', () => {
    expect(sanitizeSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(sanitizeSettings('junk')).toEqual(DEFAULT_SETTINGS);
  });

  it('keeps valid values and replaces invalid ones field by field', () => {
    const settings = sanitizeSettings({
      modelId: ' onnx-community/whisper-small ',
      modelHost: 'https://hf-mirror.com',
      device: 'cuda',
      language: 'zh',
      task: 'translate',
      maxNewTokens: -4,
      locale: 'zh-CN',
    });
    expect(settings).toEqual({
      ...DEFAULT_SETTINGS,
      modelId: 'onnx-community/whisper-small',
      modelHost: 'https://hf-mirror.com',
      language: 'zh',
      task: 'translate',
      locale: 'zh-CN',
    });
  });
});

describe('sanitizeSettings: the speech engine', () => {
  it('keeps SenseVoice, its repository and a closed advice; anything else falls back to Whisper', () => {
    const stored = sanitizeSettings({ speechEngine: 'sensevoice', senseVoiceModelId: ' me/sense-voice ', engineAdviceDismissed: true });
    expect(stored.speechEngine).toBe('sensevoice');
    expect(stored.senseVoiceModelId).toBe('me/sense-voice');
    expect(stored.engineAdviceDismissed).toBe(true);
    const junk = sanitizeSettings({ speechEngine: 'paraformer', senseVoiceModelId: '', engineAdviceDismissed: 'yes' });
    expect(junk.speechEngine).toBe('whisper');
    expect(junk.senseVoiceModelId).toBe(DEFAULT_SETTINGS.senseVoiceModelId);
    expect(junk.engineAdviceDismissed).toBe(false);
  });
});
