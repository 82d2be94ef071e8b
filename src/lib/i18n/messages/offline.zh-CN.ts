/** Chinese strings for offline use, installing, storage and updates. */
export const offlineZhCN = {
  'error.model-not-cached': '这个模型还没有下载，而且现在连不上模型来源。请联网，或在“设置 → 模型”中导入模型文件夹。',
};
