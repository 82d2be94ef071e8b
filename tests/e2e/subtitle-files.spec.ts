import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { decodeSubtitleText } from '../../src/lib/subtitles/formats/decode.ts';
import { parseSubtitleFile } from '../../src/lib/subtitles/formats/parse-file.ts';
import { readFileSync } from 'node:fs';
import { downloadText, ROOT, shownCues } from './support/app.ts';
import { ffmpegCues } from './support/native.ts';

const FIXTURES = path.join(ROOT, 'tests/fixtures/subtitles');

/** What the importer must give for a fixture: the cues our own parser reads from it. */
function expectedCues(name: string) {
  const file = path.join(FIXTURES, name);
  return parseSubtitleFile(name, decodeSubtitleText(readFileSync(file))).map(({ start, end, text }) => ({ start, end, text }));
}

for (const fixture of ['lecture.srt', 'lecture.vtt', 'lecture.ass']) {
  test(`${fixture} opens without its video, and exports that native ffmpeg reads back the same`, async ({ page }, testInfo) => {
    await page.goto('/');
    await page.getByTestId('file-input').setInputFiles(path.join(FIXTURES, fixture));
    await expect(page.getByTestId('status')).toHaveAttribute('data-status', 'imported');
    await expect(page.getByTestId('no-media')).toBeVisible();
    const cues = expectedCues(fixture);
    expect(cues.length).toBeGreaterThan(2);
    expect(await shownCues(page)).toEqual(cues);

    for (const format of ['srt', 'vtt', 'ass'] as const) {
      const exported = await downloadText(page, `download-${format}`);
      expect(exported.name).toBe(`lecture.${format}`);
      const file = testInfo.outputPath(exported.name);
      writeFileSync(file, exported.text);
      const read = ffmpegCues(file);
      // ASS keeps centiseconds: compare times to the centisecond, texts exactly.
      const round = (s: number) => Math.round(s * 100) / 100;
      expect(read.map((c) => ({ start: round(c.start), end: round(c.end), text: c.text })), `${format} read by ffmpeg`).toEqual(
        cues.map((c) => ({ start: round(c.start), end: round(c.end), text: c.text })),
      );
    }
  });
}

test('a file that is not subtitles gets a clear message and changes nothing', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('file-input').setInputFiles(path.join(FIXTURES, 'lecture.srt'));
  await expect(page.getByTestId('status')).toHaveAttribute('data-status', 'imported');
  const before = await shownCues(page);
  await page.getByTestId('file-input').setInputFiles({ name: 'notes.srt', mimeType: 'text/plain', buffer: readFileSync(path.join(FIXTURES, 'not-subtitles.txt')) });
  await expect(page.getByTestId('error')).toHaveAttribute('data-code', 'not-subtitles');
  await expect(page.getByTestId('error-message')).toContainText('not a subtitle file');
  expect(await shownCues(page)).toEqual(before);
  await page.getByTestId('locale-zh-CN').click();
  await expect(page.getByTestId('error-message')).toContainText('不是 Zimu 能读取的字幕文件');
});

test('our JSON export opens again with its translations attached', async ({ page }, testInfo) => {
  await page.goto('/');
  const json = JSON.stringify({
    format: 'zimu-cues',
    version: 1,
    language: 'en',
    translationLanguage: 'Simplified Chinese',
    cues: [
      { start: 1, end: 2.5, text: 'Hello.', translation: '你好。' },
      { start: 3, end: 4.5, text: 'Goodbye.', translation: '再见。' },
    ],
  });
  await page.getByTestId('file-input').setInputFiles({ name: 'talk.json', mimeType: 'application/json', buffer: Buffer.from(json) });
  await expect(page.getByTestId('status')).toHaveAttribute('data-status', 'imported');
  const bilingual = await downloadText(page, 'download-translation-bilingual-srt');
  expect(bilingual.text).toContain('Hello.\n你好。');
  writeFileSync(testInfo.outputPath('bilingual.srt'), bilingual.text);
  expect(ffmpegCues(testInfo.outputPath('bilingual.srt')).map((c) => c.text)).toEqual(['Hello.\n你好。', 'Goodbye.\n再见。']);
});
