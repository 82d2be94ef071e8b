import type { recognitionEn } from './recognition.en.ts';

/** 简体中文：recognition 部分的界面文字。 */
export const recognitionZhCN: Readonly<Record<keyof typeof recognitionEn, string>> = {};
