/** English strings for the speech engine choice; merged into the catalog in en.ts. */
export const speechEngineEn = {
  'engine.label': 'Speech engine',
  'engine.whisper': 'Whisper',
  'engine.whisper.hint': '99 languages; can translate into English.',
  'engine.sensevoice': 'SenseVoice',
  'engine.sensevoice.hint': 'Chinese, Cantonese, English, Japanese and Korean: more accurate for Chinese, faster, and it never gets stuck repeating a line.',
  'engine.sensevoice.model': 'SenseVoice model',
  'engine.sensevoice.model-hint': 'A repository with model.int8.onnx and tokens.txt (the sherpa-onnx export), from the model source below.',
  'engine.sensevoice.language': 'SenseVoice recognises Chinese, Cantonese, English, Japanese and Korean; for other languages choose Whisper.',
  'engine.whisper-only': 'Whisper options',
  'engine.advice.interface': 'Recognising Chinese? SenseVoice is more accurate than Whisper for Chinese and Cantonese, faster, and never gets stuck repeating a line.',
  'engine.advice.speech': 'Whisper heard Chinese. SenseVoice is more accurate for Chinese and Cantonese, faster, and never gets stuck repeating a line.',
  'engine.advice.switch': 'Use SenseVoice',
  'engine.advice.switched': 'SenseVoice will recognise the next file.',
  'engine.advice.dismiss': 'Dismiss',
  'settings.task.whisper-translate': 'Whisper translates to English directly',
  'settings.task.whisper-translate-hint': 'Whisper writes English subtitles instead of the spoken language. To translate into other languages or keep both, use AI translation.',
} as const;
