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

/**
 * The files the installed app offers to open from the OS ("Open with Zimu"), for the web app
 * manifest's `file_handlers`: a MIME type (wildcards allowed) and the extensions it stands for.
 */
export const FILE_HANDLER_TYPES: Readonly<Record<string, readonly string[]>> = {
  'video/*': ['.mp4', '.m4v', '.mkv', '.webm', '.mov', '.avi', '.flv', '.wmv', '.ts', '.mpg', '.mpeg', '.3gp'],
  'audio/*': ['.mp3', '.m4a', '.aac', '.wav', '.ogg', '.oga', '.opus', '.flac', '.wma', '.amr'],
  'application/x-subrip': ['.srt'],
  'text/vtt': ['.vtt'],
  'text/x-ssa': ['.ass', '.ssa'],
};
