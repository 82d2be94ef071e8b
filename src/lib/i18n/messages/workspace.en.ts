/** English strings for the workspace: a failed run, keeping the previous project, the Export menu, the preview's subtitles. */
export const workspaceEn = {
  'workspace.chooseAnother': 'Choose another file',
  'workspace.kept': 'The previous project is saved in the library.',
  'workspace.kept.open': 'Open the library',
  'workspace.kept.dismiss': 'OK',
  'workspace.replace.title': 'Replace the open project?',
  'workspace.replace.body': '“{name}” is not saved in the library. Opening “{file}” replaces it, and what has not been exported is lost.',
  'workspace.replace.confirm': 'Replace it',
  'workspace.replace.cancel': 'Keep working on it',
  'workspace.export.summary': 'Summary (Markdown)',
  'workspace.export.audio': 'Audio (16 kHz WAV)',
  'workspace.preview.label': 'Subtitles in the video',
  'workspace.preview.original': 'Original',
  'workspace.preview.translated': 'Translation',
  'workspace.preview.bilingual': 'Bilingual',
} as const;
