import type { speechEngineEn } from './speech-engine.en.ts';

/** 语音识别引擎的选择；并入 zh-CN.ts。 */
export const speechEngineZhCN: Record<keyof typeof speechEngineEn, string> = {
  'engine.label': '语音识别引擎',
  'engine.whisper': 'Whisper',
  'engine.whisper.hint': '支持 99 种语言，可直接译成英文。',
  'engine.sensevoice': 'SenseVoice',
  'engine.sensevoice.hint': '支持中文、粤语、英语、日语和韩语：中文识别更准、更快，也不会反复输出同一句。',
  'engine.sensevoice.model': 'SenseVoice 模型',
  'engine.sensevoice.model-hint': '含 model.int8.onnx 和 tokens.txt 的仓库（sherpa-onnx 导出版），从下方的模型来源下载。',
  'engine.sensevoice.language': 'SenseVoice 只识别中文、粤语、英语、日语和韩语；其他语言请选 Whisper。',
  'engine.advice.interface': '要识别中文？SenseVoice 的中文和粤语识别比 Whisper 更准、更快，也不会反复输出同一句。',
  'engine.advice.speech': 'Whisper 听出这是中文。SenseVoice 的中文和粤语识别更准、更快，也不会反复输出同一句。',
  'engine.advice.switch': '改用 SenseVoice',
  'engine.advice.switched': '下一个文件将由 SenseVoice 识别。',
  'engine.advice.dismiss': '不用了',
  'models.kind.sensevoice': 'SenseVoice 语音模型',
  'models.import.kind.sensevoice': '语音识别模型（SenseVoice，用于生成字幕）',
  'settings.task.whisper-translate': '由 Whisper 直接译成英文',
  'settings.task.whisper-translate-hint': '字幕直接写成英文，不保留原文。要译成其他语言或保留双语，请用 AI 翻译。',
};
