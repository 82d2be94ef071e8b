/** English strings for the browser's built-in AI (Translator, Summarizer, LanguageDetector). */
export const builtinAiEn = {
  'error.llm-builtin-unavailable': 'This browser’s built-in AI can’t do this here (the language or language pair isn’t supported, or its model isn’t available on this device). Choose another AI provider.',
  'error.llm-builtin-needs-click': 'The browser must first download its built-in model. Click Translate or Summarise again to start the download.',
  'error.llm-unsupported-task': 'This AI provider can only translate subtitles and write summaries.',
};
