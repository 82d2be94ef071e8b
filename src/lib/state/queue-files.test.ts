import { describe, expect, it } from 'vitest';
import { isQueueableMedia, queueableFiles } from './queue-files.ts';

describe('queueableFiles', () => {
  it('keeps audio and video, by type or by extension, in natural order', () => {
    const files = [
      new File([''], '10 - lecture.MKV'),
      new File([''], 'cover.jpg', { type: 'image/jpeg' }),
      new File([''], '2 - lecture.wma'),
      new File([''], 'notes.txt', { type: 'text/plain' }),
      new File([''], 'clip', { type: 'video/mp4' }),
      new File([''], 'talk.srt'),
    ];
    expect(queueableFiles(files).map((f) => f.name)).toEqual(['2 - lecture.wma', '10 - lecture.MKV', 'clip']);
  });

  it('does not take a name that only ends like media', () => {
    expect(isQueueableMedia({ name: '.mp4', type: '' })).toBe(false);
    expect(isQueueableMedia({ name: 'a.mp4.txt', type: '' })).toBe(false);
    expect(isQueueableMedia({ name: 'a.opus', type: '' })).toBe(true);
  });
});
