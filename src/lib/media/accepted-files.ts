/**
 * Every media file extension the pipeline reads, by name, with the ffmpeg demuxer of our
 * @ffmpeg/core build that reads it (`accepted-files.test.ts` asks that core for each one and has
 * it decode a file of each kind native ffmpeg can write). The file picker lists them all, so a
 * `.wma`, `.ogg` or `.m2ts` is never greyed out where the OS does not map it to `audio/*` or
 * `video/*`. `video` files may be audio only (an `.mkv` of a podcast); the split is what the OS
 * is told for "Open with".
 */
export const MEDIA_EXTENSIONS = {
  video: {
    '.mp4': 'mov', '.m4v': 'mov', '.mov': 'mov', '.3gp': 'mov', '.3g2': 'mov', '.f4v': 'mov',
    '.mkv': 'matroska', '.webm': 'matroska', '.mk3d': 'matroska',
    '.avi': 'avi', '.divx': 'avi',
    '.flv': 'flv',
    '.wmv': 'asf', '.asf': 'asf', '.dvr-ms': 'asf',
    '.ts': 'mpegts', '.mts': 'mpegts', '.m2ts': 'mpegts', '.m2t': 'mpegts', '.tts': 'mpegts',
    '.mpg': 'mpeg', '.mpeg': 'mpeg', '.mpe': 'mpeg', '.m2p': 'mpeg', '.vob': 'mpeg',
    '.ogv': 'ogg',
    '.rm': 'rm', '.rmvb': 'rm',
    '.dv': 'dv',
    '.mxf': 'mxf',
    '.nut': 'nut',
    '.wtv': 'wtv',
  },
  audio: {
    '.mp3': 'mp3', '.mp2': 'mp3', '.mpa': 'mp3',
    '.m4a': 'mov', '.m4b': 'mov', '.m4r': 'mov',
    '.aac': 'aac',
    '.wav': 'wav', '.wave': 'wav', '.w64': 'w64', '.bwf': 'wav',
    '.aif': 'aiff', '.aiff': 'aiff', '.aifc': 'aiff',
    '.caf': 'caf',
    '.flac': 'flac',
    '.ogg': 'ogg', '.oga': 'ogg', '.opus': 'ogg', '.spx': 'ogg',
    '.mka': 'matroska', '.weba': 'matroska',
    '.wma': 'asf',
    '.ac3': 'ac3', '.eac3': 'eac3', '.ec3': 'eac3', '.dts': 'dts', '.thd': 'truehd', '.mlp': 'mlp',
    '.amr': 'amr', '.awb': 'amrwb', '.3ga': 'mov',
    '.ape': 'ape', '.wv': 'wv', '.tta': 'tta', '.tak': 'tak', '.mpc': 'mpc', '.shn': 'shn',
    '.au': 'au', '.snd': 'au', '.voc': 'voc', '.gsm': 'gsm',
    '.ra': 'rm',
    '.dsf': 'dsf',
  },
} as const satisfies Readonly<Record<'video' | 'audio', Readonly<Record<string, string>>>>;

/** Subtitle and project files, imported rather than recognised (the content decides the format). */
export const SUBTITLE_EXTENSIONS = ['.srt', '.vtt', '.ass', '.ssa', '.json'] as const;

const VIDEO = Object.keys(MEDIA_EXTENSIONS.video);
const AUDIO = Object.keys(MEDIA_EXTENSIONS.audio);

/**
 * What the file picker offers: media by MIME family (for anything the OS names so) plus every
 * extension above by name, and the subtitle files.
 */
export const ACCEPTED_FILES = ['video/*', 'audio/*', ...VIDEO, ...AUDIO, ...SUBTITLE_EXTENSIONS].join(',');

/**
 * The files the installed app offers to open from the OS ("Open with Zimu"), for the web app
 * manifest's `file_handlers`: a MIME type (wildcards allowed) and the extensions it stands for.
 */
export const FILE_HANDLER_TYPES: Readonly<Record<string, readonly string[]>> = {
  'video/*': VIDEO,
  'audio/*': AUDIO,
  'application/x-subrip': ['.srt'],
  'text/vtt': ['.vtt'],
  'text/x-ssa': ['.ass', '.ssa'],
};
