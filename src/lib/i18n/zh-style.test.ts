import { describe, expect, it } from 'vitest';
import { en } from './messages/en.ts';
import { exportEn } from './messages/export.en.ts';
import { zhCN } from './messages/zh-CN.ts';

/**
 * The rules of messages/zh-style.md that a machine can check. A failure names the key and what
 * is wrong; fix the message, or, for a real name or term of art, add it to ALLOWED below.
 */

/**
 * Checked once the export work lands: export.zh-CN.ts is being rewritten in parallel, so its keys
 * are left out here for now (remove this exclusion then).
 */
const NOT_YET_CHECKED = new Set<string>(Object.keys(exportEn));

/** Names and terms of art that stay in Latin letters in Chinese text. Case matters. */
const ALLOWED_WORDS = new Set([
  // the product and the engines it names
  'Zimu', 'Whisper', 'SenseVoice', 'WebGPU', 'WebAssembly', 'WASM', 'ONNX', 'ffmpeg', 'Ollama', 'OpenAI', 'DeepSeek', 'Chrome',
  'Edge', 'ChromeOS', 'Windows', 'macOS', 'Linux', 'Google', 'Markdown', 'README',
  // terms of art a Chinese user meets in English
  'AI', 'API', 'URL', 'ID', 'GPU', 'CPU', 'CORS', 'token', 'JSON', 'SRT', 'VTT', 'WebVTT', 'ASS', 'SSA', 'WAV', 'MP3',
  'MP4', 'MKV', 'AAC', 'Matroska', 'VLC', 'mpv',
  // keys and units
  'Ctrl', 'Alt', 'Enter', 'Esc', 'kHz', 'M',
]);

/** Names of more than one word, taken out before the words are checked. */
const ALLOWED_PHRASES = ['Hugging Face', 'LM Studio', 'ONNX Runtime', 'Base URL'];

/**
 * Latin words left in a Chinese message that are neither names nor terms of art. Placeholders
 * ({model}) and code-like tokens (file names, URLs, ids, env vars, header names: anything with
 * . / _ - : < > = or a digit) are not words.
 */
function strayEnglish(message: string): string[] {
  let text = message.replace(/\{[^{}]*\}/g, ' ');
  for (const phrase of ALLOWED_PHRASES) text = text.replaceAll(phrase, ' ');
  return text
    .split(/[^A-Za-z0-9._/\-:<>=+;]+/)
    .filter((token) => /[A-Za-z]/.test(token) && !/[./_\-:<>=0-9]/.test(token))
    .filter((word) => !ALLOWED_WORDS.has(word));
}

/** Typography slips: a lone "…", spaces inside full-width quotes or brackets, an ASCII comma, colon or parenthesis between Chinese. */
function typographySlips(message: string): string[] {
  const han = '\\p{Script=Han}';
  const checks: [RegExp, string][] = [
    [/(?<!…)…(?!…)/u, 'a lone "…" (write "……")'],
    [/[“‘（「《【]\s|\s[”’）」》】]/u, 'a space inside full-width quotes or brackets'],
    [new RegExp(`${han}\\s*,\\s*${han}`, 'u'), 'an ASCII comma between Chinese items (write "，" or "、")'],
    [new RegExp(`${han}[:;]`, 'u'), 'an ASCII colon or semicolon after Chinese (write "：" or "；")'],
    [new RegExp(`${han}\\s?\\((?!\\{)|\\)\\s?${han}`, 'u'), 'ASCII parentheses around Chinese (write "（）")'],
  ];
  return checks.filter(([pattern]) => pattern.test(message)).map(([, what]) => what);
}

/** True for an English message that is a phrase or sentence, not a name, format or code. */
function isEnglishSentence(message: string): boolean {
  return strayEnglish(message).length > 0 && /[A-Za-z]{2,}\s+[A-Za-z]{2,}/.test(message);
}

const checked = (Object.keys(en) as (keyof typeof en)[]).filter((key) => !NOT_YET_CHECKED.has(key));

describe('zh-CN messages (messages/zh-style.md)', () => {
  it('translates every English sentence', () => {
    const untranslated = checked.filter((key) => zhCN[key] === en[key] && isEnglishSentence(en[key]));
    expect(untranslated).toEqual([]);
  });

  it('leaves no English word that is not a name or a term of art', () => {
    const stray = checked.flatMap((key) => strayEnglish(zhCN[key]).map((word) => `${key}: ${word}`));
    expect(stray).toEqual([]);
  });

  it('follows Chinese typography', () => {
    const slips = checked.flatMap((key) => typographySlips(zhCN[key]).map((what) => `${key}: ${what}`));
    expect(slips).toEqual([]);
  });

  it('catches what it is meant to catch', () => {
    expect(strayEnglish('界面语言（Simplified Chinese）')).toEqual(['Simplified', 'Chinese']);
    expect(strayEnglish('用 OLLAMA_ORIGINS={origin} 启动 Ollama，模型 {model}，见 hf-mirror.com')).toEqual([]);
    expect(strayEnglish('从 Hugging Face 下载 config.json')).toEqual([]);
    expect(typographySlips('正在保存…')).toHaveLength(1);
    expect(typographySlips('正在保存……')).toEqual([]);
    expect(typographySlips('例如“ _timestamped ”')).toHaveLength(1);
    expect(typographySlips('最快,最小')).toHaveLength(1);
    expect(isEnglishSentence('Download SRT')).toBe(true);
    expect(isEnglishSentence('Hugging Face')).toBe(false);
    expect(isEnglishSentence('WebVTT')).toBe(false);
  });
});
