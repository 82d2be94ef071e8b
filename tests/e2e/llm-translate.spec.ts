import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { TEST_MODELS } from '../fixtures/models/generate.ts';
import { ZH_PROMPTS } from '../../src/lib/llm/default-prompts.ts';
import { fillTemplate, oneLine } from '../../src/lib/llm/prompts.ts';
import { parseSrt } from '../../src/lib/subtitles/srt.ts';
import { parseVtt } from '../../src/lib/subtitles/vtt.ts';
import { chooseFile, downloadText, expectDone, MEDIA, openApp, SAMPLE, shownCues, type ShownCue } from './support/app.ts';
import { configureProvider, expectPanelError, fillAndChange, setTranslationOption, shownTranslations, TEST_KEY } from './support/llm.ts';
import { OpenAiTestServer } from './support/openai-server.ts';

const server = new OpenAiTestServer();
test.beforeAll(() => server.start());
test.afterAll(() => server.stop());
test.beforeEach(() => server.reset({ key: TEST_KEY }));

/** What the test server answers for cue number `n`: its number is part of it, so a shifted line shows. */
const expected = (cue: ShownCue, index: number) => `译${index + 1}：${oneLine(cue.text)}`;
/** The cue numbers one translation request asked for. */
const askedIds = (content: string) => [...content.matchAll(/^\[(\d+)\] /gm)].map((m) => Number(m[1]));

async function transcribeSample(page: Page): Promise<void> {
  await openApp(page, { modelId: TEST_MODELS.scripted, device: 'wasm' });
  await chooseFile(page, SAMPLE);
  await expectDone(page);
}

test('merged and missing lines are caught: every cue keeps its own time and translation, on screen and in every export', async ({ page }) => {
  // The scripted model says its two lines in every 30 s window: 13 cues over 3 minutes, the
  // same texts again and again, so only each line's own number tells the translations apart.
  await openApp(page, { modelId: TEST_MODELS.scripted, device: 'wasm' });
  await chooseFile(page, path.join(MEDIA, 'speech-3min.mp4'));
  await expectDone(page);
  const cues = await shownCues(page);
  expect(cues.length).toBeGreaterThanOrEqual(9);
  await configureProvider(page, server);
  await setTranslationOption(page, 'translate-batch-size', 4);

  // Batch 1 comes back with lines 1 and 2 merged, batch 2 without its last line.
  server.script({ kind: 'merge' }, { kind: 'ok' }, { kind: 'drop-last' });
  await page.getByTestId('translate-start').click();
  await expect(page.getByTestId('translation')).toHaveAttribute('data-status', 'done');

  const asked = server.chats().map((c) => askedIds(c.json.messages[1]?.content ?? ''));
  expect(asked.slice(0, 4)).toEqual([[1, 2, 3, 4], [1, 2, 3, 4], [5, 6, 7, 8], [5, 6, 7, 8]]);
  expect(asked.flat().filter((id, i, all) => all.indexOf(id) === i).sort((a, b) => a - b)).toEqual(cues.map((_, i) => i + 1));

  const translations = cues.map(expected);
  expect(await shownTranslations(page)).toEqual(translations);
  expect(await shownCues(page)).toEqual(cues); // the original column and times are untouched

  const translated = cues.map((cue, i) => ({ start: cue.start, end: cue.end, text: translations[i] }));
  const bilingual = cues.map((cue, i) => ({ start: cue.start, end: cue.end, text: `${cue.text}\n${translations[i]}` }));
  const srt = await downloadText(page, 'download-translation-srt');
  expect(srt.name).toBe('speech-3min.en.srt'); // the target language is the interface's: English
  expect(parseSrt(srt.text)).toEqual(translated);
  expect(parseVtt((await downloadText(page, 'download-translation-vtt')).text)).toEqual(translated);
  const bilingualSrt = await downloadText(page, 'download-translation-bilingual-srt');
  expect(bilingualSrt.name).toBe('speech-3min.bilingual.en.srt');
  expect(parseSrt(bilingualSrt.text)).toEqual(bilingual);
  expect(parseVtt((await downloadText(page, 'download-translation-bilingual-vtt')).text)).toEqual(bilingual);
});

test('an interrupted translation resumes where it stopped, and Stop keeps finished batches', async ({ page }) => {
  await transcribeSample(page);
  await configureProvider(page, server);
  await setTranslationOption(page, 'translate-batch-size', 1);

  server.script({ kind: 'ok' }, { kind: 'cut', afterChars: 3 });
  await page.getByTestId('translate-start').click();
  await expectPanelError(page, 'translation', 'llm-stream-cut');
  expect(await shownTranslations(page)).toEqual(['译1：Hello from Zimu.', '…']);
  await expect(page.getByTestId('translate-start')).toHaveText('Resume');
  await page.getByTestId('translate-start').click();
  await expect(page.getByTestId('translation')).toHaveAttribute('data-status', 'done');
  expect(server.chats().map((c) => askedIds(c.json.messages[1]?.content ?? ''))).toEqual([[1], [2], [2]]);
  expect(await shownTranslations(page)).toEqual(['译1：Hello from Zimu.', '译2：These subtitles run in your browser.']);

  // Stop while the second batch is on its way: the first stays, nothing more is sent.
  server.script({ kind: 'ok' }, { kind: 'ok', delayMs: 10_000 });
  await expect(page.getByTestId('translate-start')).toHaveText('Translate again');
  await page.getByTestId('translate-start').click();
  await expect(page.getByTestId('translate-progress')).toHaveAttribute('data-done', '1');
  // Stop only once the second request is at the server, so it is that request Stop ends.
  await expect.poll(() => server.chats().length).toBe(5);
  const abandoned = server.abandonedChats;
  await page.getByTestId('translate-stop').click();
  await expect(page.getByTestId('translation')).toHaveAttribute('data-status', 'stopped');
  await expect(page.getByTestId('translate-stopped')).toBeVisible();
  // "Translate again" was stopped: the finished translation stays, the new first line over it.
  expect(await shownTranslations(page)).toEqual(['译1：Hello from Zimu.', '译2：These subtitles run in your browser.']);
  await expect(page.getByTestId('download-translation-srt')).toBeEnabled();
  // The stopped request's connection is closed by the app, and nothing more is sent.
  await expect.poll(() => server.abandonedChats).toBe(abandoned + 1);
  expect(server.chats()).toHaveLength(5);
});

test('the target language follows the interface by default and can be any language', async ({ page }) => {
  await transcribeSample(page);
  await configureProvider(page, server);
  await page.getByTestId('translate-start').click();
  await expect(page.getByTestId('translation')).toHaveAttribute('data-status', 'done');
  expect(server.chats()[0]?.json.messages[0]?.content).toContain('You translate video subtitles into English.');

  await fillAndChange(page, 'translate-language', 'Klingon');
  await expect(page.getByTestId('translate-start')).toHaveText('Translate'); // a new language starts afresh
  server.reset({ key: TEST_KEY, translate: (text) => `tlh: ${text}` });
  await page.getByTestId('translate-start').click();
  await expect(page.getByTestId('translation')).toHaveAttribute('data-status', 'done');
  expect(server.chats()[0]?.json.messages[0]?.content).toContain('into Klingon.');
  expect(await shownTranslations(page)).toEqual(['tlh: Hello from Zimu.', 'tlh: These subtitles run in your browser.']);
  // A language with no tag of its own is named in words, as the translation's file name says.
  expect((await downloadText(page, 'download-translation-srt')).name).toBe('sample.Klingon.srt');

  await fillAndChange(page, 'translate-language', '');
  await page.getByTestId('locale-zh-CN').click();
  await page.getByTestId('translate-start').click();
  await expect(page.getByTestId('translation')).toHaveAttribute('data-status', 'done');
  // The Chinese interface's default prompt is written in Chinese.
  expect(server.chats().at(-1)?.json.messages[0]?.content).toBe(fillTemplate(ZH_PROMPTS.translate, 'Simplified Chinese'));
});
