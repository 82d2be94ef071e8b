/** Chinese strings for the browser's built-in AI (Translator, Summarizer, LanguageDetector). */
export const builtinAiZhCN = {
  'error.llm-builtin-unavailable': '浏览器内置的 AI 在这里做不到（不支持这种语言或语言组合，或者这台设备上没有它的模型）。请换一个 AI 服务。',
  'error.llm-builtin-needs-click': '浏览器需要先下载内置模型。请再点一次“翻译”或“总结”开始下载。',
  'error.llm-unsupported-task': '这个 AI 服务只能翻译字幕和写总结。',
};
