import { MEDIA_EXTENSIONS } from '../media/accepted-files.ts';

const MEDIA = new Set([...Object.keys(MEDIA_EXTENSIONS.video), ...Object.keys(MEDIA_EXTENSIONS.audio)]);

/** Whether a file is audio or video the pipeline reads, by its type or its extension. Pure. */
export function isQueueableMedia(file: Pick<File, 'name' | 'type'>): boolean {
  if (file.type.startsWith('audio/') || file.type.startsWith('video/')) return true;
  const dot = file.name.lastIndexOf('.');
  return dot > 0 && MEDIA.has(file.name.slice(dot).toLowerCase());
}

/**
 * The media files of a pick or a folder, in the order a file manager lists them ("2 - x" before
 * "10 - x"); anything else (cover images, notes, subtitles) stays out of the queue. Pure.
 */
export function queueableFiles(files: readonly File[]): File[] {
  const path = (file: File) => file.webkitRelativePath || file.name;
  const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
  return files.filter(isQueueableMedia).toSorted((a, b) => collator.compare(path(a), path(b)));
}
