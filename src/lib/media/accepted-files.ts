/**
 * What the file picker offers. Media by MIME family plus the extensions browsers don't map to
 * `video/*` or `audio/*` on every OS; subtitle files for import (the content decides the format).
 */
export const ACCEPTED_FILES = [
  'video/*',
  'audio/*',
  '.mkv', '.avi', '.flv', '.wmv', '.ts', '.m4a', '.opus', '.flac',
  '.srt', '.vtt', '.ass', '.ssa', '.json',
].join(',');
