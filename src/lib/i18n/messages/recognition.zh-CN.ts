import type { recognitionEn } from './recognition.en.ts';

/** 简体中文：recognition 部分的界面文字。 */
export const recognitionZhCN: Readonly<Record<keyof typeof recognitionEn, string>> = {
  'recognition.language.detect': '自动识别',
  'recognition.language.detecting': '正在识别音频的语言……',
  'recognition.language.detected': '识别出的语言：{language}（置信度 {percent}%）',
  'recognition.language.alternatives': '也可能是：{languages}',
  'recognition.language.englishOnly': '此模型只能识别英语，音频将按英语转写。',
  'recognition.error.unknownLanguage': '此模型不支持“{language}”。请换一种语言或模型。',
  'recognition.error.englishOnlyModel': '此模型只能转写英语；要识别或翻译{language}，请选择多语言模型。',
  'recognition.loopsRemoved': '模型陷入重复，已删除 {count} 行重复的字幕。',
};
