/** English strings for the library: saved projects, autosave, export and import. */
export const libraryEn = {
  'error.storage-full':
    'The browser has no room left to save this project (its storage quota is full). What was saved before is intact; free space by deleting old projects or cached models.',
  'error.storage-unavailable': 'This browser window cannot save anything (storage is blocked, as in some private windows). Export your subtitles to keep them.',
  'error.library-file-invalid': 'This file is not a Zimu library file, or it is damaged. Nothing was imported.',
};
