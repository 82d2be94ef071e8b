import { describe, expect, it } from 'vitest';
import type { SavedProject, SavedRecognition } from '../storage/saved-project.ts';
import type { RunSettings } from './job.svelte.ts';
import { DEFAULT_RUN_SETTINGS } from './run-settings.testing.ts';
import { flatSettings, recognitionKey, resumeChoice, savedRecognition } from './project-saving.ts';

const SETTINGS = DEFAULT_RUN_SETTINGS;

describe('recognitionKey', () => {
  it('is the same for the same settings, built anew', () => {
    const copy: RunSettings = { ...SETTINGS, source: { ...SETTINGS.source } };
    expect(recognitionKey(copy)).toBe(recognitionKey(SETTINGS));
  });

  // Every setting that changes what recognition produces: a resumed run must use the same ones.
  const changes: readonly (readonly [string, RunSettings])[] = [
    ['model', { ...SETTINGS, source: { ...SETTINGS.source, modelId: 'onnx-community/whisper-small' } }],
    ['device', { ...SETTINGS, device: 'wasm' }],
    ['precision', { ...SETTINGS, precision: 'q8' }],
    ['language', { ...SETTINGS, language: 'zh' }],
    ['task', { ...SETTINGS, task: 'translate' }],
    ['vad', { ...SETTINGS, vad: false }],
    ['maxNewTokens', { ...SETTINGS, maxNewTokens: 128 }],
    ['wordTimestamps', { ...SETTINGS, wordTimestamps: true }],
    ['initialPrompt', { ...SETTINGS, initialPrompt: 'Zimu, Whisper' }],
    ['noRepeatNgramSize', { ...SETTINGS, noRepeatNgramSize: 3 }],
    ['repetitionPenalty', { ...SETTINGS, repetitionPenalty: 1.2 }],
    ['readability', { ...SETTINGS, readability: 'netflix-en' }],
  ];

  it.each(changes)('changes with %s', (_, changed) => {
    expect(recognitionKey(changed)).not.toBe(recognitionKey(SETTINGS));
  });

  it('tells every changed setting apart from every other', () => {
    const keys = new Set([recognitionKey(SETTINGS), ...changes.map(([, changed]) => recognitionKey(changed))]);
    expect(keys.size).toBe(changes.length + 1);
  });

  it('includes exactly these settings, so none is ignored silently', () => {
    const parsed: unknown = JSON.parse(recognitionKey(SETTINGS));
    expect(Object.keys(typeof parsed === 'object' && parsed !== null ? parsed : {}).sort()).toEqual(
      ['model', 'device', 'precision', 'language', 'task', 'vad', 'maxNewTokens', 'words', 'prompt', 'noRepeat', 'penalty', 'readability'].sort(),
    );
  });

  it('is the same from a mirror: it serves the same files, and switching to one keeps the resume', () => {
    expect(recognitionKey({ ...SETTINGS, source: { ...SETTINGS.source, host: 'https://hf-mirror.com' } })).toBe(recognitionKey(SETTINGS));
  });

  it('treats "no language" and "no token limit" alike however they are written', () => {
    expect(recognitionKey({ ...SETTINGS, language: '' })).toBe(recognitionKey(SETTINGS));
    expect(recognitionKey({ ...SETTINGS, maxNewTokens: 0 })).toBe(recognitionKey(SETTINGS));
  });
});

describe('resumeChoice', () => {
  const unfinished: SavedRecognition = {
    settingsKey: recognitionKey(SETTINGS),
    recognisedUntil: 90,
    duration: 600,
    complete: false,
    detectedLanguage: 'zh',
    languageProbability: 0.93,
  };
  const saved = (recognition?: SavedRecognition, origin: SavedProject['origin'] = 'recognition') => ({ origin, ...(recognition ? { recognition } : {}) });

  it('resumes an unfinished recognition with the same settings, from where it stopped', () => {
    expect(resumeChoice(saved(unfinished), SETTINGS)).toEqual({ type: 'resume', point: { until: 90, language: 'zh', probability: 0.93 } });
  });

  it('resumes without a language when none was detected yet', () => {
    const early: SavedRecognition = { settingsKey: unfinished.settingsKey, recognisedUntil: 0, duration: 600, complete: false };
    expect(resumeChoice(saved(early), SETTINGS)).toEqual({ type: 'resume', point: { until: 0, language: undefined, probability: undefined } });
  });

  it('opens a finished recognition as it was', () => {
    expect(resumeChoice(saved({ ...unfinished, complete: true }), SETTINGS)).toEqual({ type: 'open' });
  });

  it('opens imported subtitles, even with a recognition record', () => {
    expect(resumeChoice(saved(unfinished, 'import'), SETTINGS)).toEqual({ type: 'open' });
  });

  it('opens a recognition that ran with other settings', () => {
    expect(resumeChoice(saved(unfinished), { ...SETTINGS, language: 'en' })).toEqual({ type: 'open' });
    expect(resumeChoice(saved(unfinished), { ...SETTINGS, source: { ...SETTINGS.source, modelId: 'other/model' } })).toEqual({ type: 'open' });
  });

  it('opens a project without a recognition record', () => {
    expect(resumeChoice(saved(), SETTINGS)).toEqual({ type: 'open' });
  });
});

describe('savedRecognition', () => {
  it('keeps the key, progress, duration, completeness and detected language of a run', () => {
    const run = { settings: SETTINGS, recognisedSeconds: 42.5, duration: 300, complete: false, language: { language: 'ja', probability: 0.81 } };
    expect(savedRecognition(run)).toEqual({
      settingsKey: recognitionKey(SETTINGS),
      recognisedUntil: 42.5,
      duration: 300,
      complete: false,
      detectedLanguage: 'ja',
      languageProbability: 0.81,
    });
  });

  it('leaves the language out when none was detected (chosen, English-only model, or not yet)', () => {
    for (const language of [undefined, null]) {
      const recognition = savedRecognition({ settings: SETTINGS, recognisedSeconds: 300, duration: 300, complete: true, language });
      expect(recognition).toEqual({ settingsKey: recognitionKey(SETTINGS), recognisedUntil: 300, duration: 300, complete: true });
      expect(Object.keys(recognition)).not.toContain('detectedLanguage');
    }
  });

  it('round-trips into a resume point', () => {
    const recognition = savedRecognition({ settings: SETTINGS, recognisedSeconds: 60, duration: 600, complete: false, language: { language: 'de', probability: 0.5 } });
    expect(resumeChoice({ origin: 'recognition', recognition }, SETTINGS)).toEqual({ type: 'resume', point: { until: 60, language: 'de', probability: 0.5 } });
  });
});

describe('flatSettings', () => {
  it('lists the settings shown with a project, as plain values', () => {
    const settings: RunSettings = { ...SETTINGS, language: 'zh', device: 'webgpu', precision: 'fp16', task: 'translate', vad: false, readability: 'cjk' };
    expect(flatSettings(settings)).toEqual({
      model: 'onnx-community/whisper-base',
      host: 'https://huggingface.co',
      device: 'webgpu',
      precision: 'fp16',
      language: 'zh',
      task: 'translate',
      vad: false,
      readability: 'cjk',
    });
  });

  it('writes no language as an empty string (storage keeps no undefined)', () => {
    expect(flatSettings(SETTINGS).language).toBe('');
  });
});

describe('resuming a file with several audio tracks', () => {
  it('keeps the recognised track in the save and in the resume point', () => {
    const recognition = savedRecognition({ settings: DEFAULT_RUN_SETTINGS, recognisedSeconds: 42, duration: 120, complete: false, audioTrack: 1 });
    expect(recognition.audioTrack).toBe(1);
    const choice = resumeChoice({ origin: 'recognition', recognition }, DEFAULT_RUN_SETTINGS);
    expect(choice).toEqual({ type: 'resume', point: { until: 42, language: undefined, probability: undefined, audioTrack: 1 } });
  });
});
