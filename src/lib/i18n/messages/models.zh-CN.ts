import type { modelsEn } from './models.en.ts';

/** 简体中文：models 部分的界面文字。 */
export const modelsZhCN: Readonly<Record<keyof typeof modelsEn, string>> = {};
