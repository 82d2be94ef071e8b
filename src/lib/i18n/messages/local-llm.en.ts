/** English strings for the in-browser language model. */
export const localLlmEn = {
  'error.llm-local-load-failed': 'The in-browser model could not be loaded. Check the model id and its source, or choose a smaller model.',
  'error.llm-local-failed': 'The in-browser model stopped with an error while writing. Try again, or choose a smaller model.',
};
