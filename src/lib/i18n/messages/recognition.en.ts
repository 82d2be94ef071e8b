/** English strings for the recognition area; merged into the catalog in en.ts. */
export const recognitionEn = {
  'recognition.language.detect': 'Detect automatically',
  'recognition.language.detecting': 'Listening for the spoken language…',
  'recognition.language.detected': 'Spoken language: {language} ({percent}% sure)',
  'recognition.language.alternatives': 'Also possible: {languages}',
  'recognition.language.englishOnly': 'This model only understands English, so the audio is transcribed as English.',
  'recognition.error.unknownLanguage': 'This model has no support for the language “{language}”. Choose another language or model.',
  'recognition.error.englishOnlyModel': 'This model only transcribes English; choose a multilingual model to recognise or translate {language}.',
  'recognition.loopsRemoved': 'Removed {count, plural, one {# repeated line} other {# repeated lines}} where the model got stuck.',
} as const;
