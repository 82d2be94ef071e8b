/** Chinese strings for the in-browser language model. */
export const localLlmZhCN = {
  'error.llm-local-load-failed': '无法加载浏览器内的模型。请检查模型 ID 和模型来源，或换一个更小的模型。',
  'error.llm-local-failed': '浏览器内的模型在生成时出错停止。请重试，或换一个更小的模型。',
};
