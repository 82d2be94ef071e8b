import type { projectEn } from './project.en.ts';

/** 项目相关的中文文案：导入、导出，以及重新生成失败时保留已完成的结果。 */
export const projectZhCN: Readonly<Record<keyof typeof projectEn, string>> = {
  'export.title': '导出',
  'export.original': '原文',
  'export.translated': '译文',
  'export.bilingual': '双语',
  'export.format.srt': 'SRT',
  'export.format.vtt': 'WebVTT',
  'export.format.ass': 'ASS',
  'export.format.txt': '纯文本',
  'export.format.json': 'JSON',
  'import.choose': '打开字幕文件（SRT、VTT、ASS）',
  'import.hint': '也可以直接拖入字幕文件，进行编辑、翻译或导出。',
  'import.attach': '添加对应的视频',
  'import.noMedia': '未添加视频：字幕仍可编辑、翻译、总结和导出。',
  'project.imported': '已打开 {name}，共 {count} 条字幕',
  'error.not-isolated':
    '此页面未启用跨源隔离，无法在这里提取音频。网站需要带上 Cross-Origin-Opener-Policy 和 Cross-Origin-Embedder-Policy 响应头（见 README）。',
  'error.not-subtitles': '这不是 Zimu 能读取的字幕文件（SRT、WebVTT、ASS/SSA 或 Zimu JSON），当前内容没有改动。',
  'translate.kept': '新的翻译尚未完成，仍显示并导出之前完成的译文。',
  'translate.discard': '放弃未完成的翻译',
  'translate.stale': '译文已过期：这一行在翻译之后被修改过。',
  'summary.kept': '新的摘要尚未完成，仍显示之前的摘要。',
  'summary.discard': '放弃未完成的摘要',
};
