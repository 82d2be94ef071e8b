/** English strings for offline use, installing, storage and updates. */
export const offlineEn = {
  'error.model-not-cached': 'This model isn’t downloaded, and its source can’t be reached. Connect to the internet, or import a model folder in Settings → Models.',
};
