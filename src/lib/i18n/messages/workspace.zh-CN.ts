import type { workspaceEn } from './workspace.en.ts';

/** 工作区的中文文案：识别失败、保留上一个项目、导出菜单、预览中显示的字幕。 */
export const workspaceZhCN: Readonly<Record<keyof typeof workspaceEn, string>> = {
  'workspace.chooseAnother': '换一个文件',
  'workspace.kept': '上一个项目已保存在项目库中。',
  'workspace.kept.open': '打开项目库',
  'workspace.kept.dismiss': '知道了',
  'workspace.replace.title': '替换当前项目？',
  'workspace.replace.body': '“{name}”没有保存到项目库。打开“{file}”会替换它，未导出的内容将会丢失。',
  'workspace.replace.confirm': '替换',
  'workspace.replace.cancel': '继续编辑当前项目',
  'workspace.export.summary': '摘要（Markdown）',
  'workspace.export.audio': '音频（16 kHz WAV）',
  'workspace.preview.label': '视频中显示的字幕',
  'workspace.preview.original': '原文',
  'workspace.preview.translated': '译文',
  'workspace.preview.bilingual': '双语',
};
