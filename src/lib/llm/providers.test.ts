import { describe, expect, it } from 'vitest';
import { isPresetId, keyOrigin, presetById, presetLabel, PRESETS } from './providers.ts';

describe('providers', () => {
  it('has a usable base URL for every preset but custom', () => {
    for (const preset of PRESETS.filter((p) => p.id !== 'custom')) {
      expect(keyOrigin(preset.baseURL), preset.id).toBeDefined();
      expect(preset.contextTokens).toBeGreaterThan(1000);
    }
    expect(new Set(PRESETS.map((p) => p.id)).size).toBe(PRESETS.length);
  });

  it('finds presets by id, falling back to custom', () => {
    expect(presetById('deepseek').baseURL).toBe('https://api.deepseek.com');
    expect(presetById('nope').id).toBe('custom');
    expect(isPresetId('ollama')).toBe(true);
    expect(isPresetId('nope')).toBe(false);
  });

  it('keys keys by origin, only for http(s)', () => {
    expect(keyOrigin(' https://api.deepseek.com/v1/ ')).toBe('https://api.deepseek.com');
    expect(keyOrigin('http://localhost:11434/v1')).toBe('http://localhost:11434');
    expect(keyOrigin('ftp://x')).toBeUndefined();
    expect(keyOrigin('not a url')).toBeUndefined();
  });

  it('names Chinese services by their Chinese names in the Chinese UI only', () => {
    expect(presetLabel(presetById('dashscope'), 'zh-CN')).toBe('通义千问（阿里云百炼）');
    expect(presetLabel(presetById('moonshot'), 'zh-CN')).toBe('月之暗面 Kimi');
    expect(presetLabel(presetById('zhipu'), 'zh-CN')).toBe('智谱 GLM');
    expect(presetLabel(presetById('siliconflow'), 'zh-CN')).toBe('硅基流动');
    expect(presetLabel(presetById('openai'), 'zh-CN')).toBe('OpenAI');
    expect(presetLabel(presetById('siliconflow'), 'en')).toBe('SiliconFlow');
  });
});
