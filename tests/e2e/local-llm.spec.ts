import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { CHAT_TEST_MODELS, SCRIPTED_SUMMARY, scriptedTranslation } from '../fixtures/models/chat-models.ts';
import { TEST_MODELS } from '../fixtures/models/generate.ts';
import { oneLine } from '../../src/lib/llm/prompts.ts';
import { parseSrt } from '../../src/lib/subtitles/srt.ts';
import { chooseFile, downloadText, expectDone, MEDIA, MODEL_HOST, openApp, shownCues, type ShownCue } from './support/app.ts';
import { fillAndChange, setTranslationOption, shownTranslations } from './support/llm.ts';
import { localModelReady, useLocalModel } from './support/local-llm.ts';
import { traceWorkers, workerTraces } from './support/worker-trace.ts';

/**
 * The in-browser language model, with the project's scripted chat models: a translation batch is
 * answered with its own numbered lines uppercased, anything else with SCRIPTED_SUMMARY, so the
 * texts are exact. One page for the whole file: the 3-minute fixture is transcribed once.
 */
test.describe.configure({ mode: 'serial' });

let page: Page;
let cues: ShownCue[] = [];
const expected = (list: readonly ShownCue[]) => list.map((cue) => scriptedTranslation(oneLine(cue.text)));
const requests: { url: string; method: string; body: string }[] = [];

test.beforeAll(async ({ browser }) => {
  test.setTimeout(240_000);
  page = await browser.newPage();
  await traceWorkers(page);
  page.context().on('request', (request) => requests.push({ url: request.url(), method: request.method(), body: request.postData() ?? '' }));
  await openApp(page, { modelId: TEST_MODELS.scripted, device: 'wasm' });
  await chooseFile(page, path.join(MEDIA, 'speech-3min.mp4'));
  await expectDone(page);
  cues = await shownCues(page);
  expect(cues.length).toBeGreaterThanOrEqual(9);
});

test.afterAll(() => page.close());

async function translate(language: string): Promise<void> {
  await fillAndChange(page, 'translate-language', language);
  await page.getByTestId('translate-start').click();
  await expect(page.getByTestId('translation')).toHaveAttribute('data-status', 'done', { timeout: 90_000 });
}

test('on WASM with the network cut after the download: exact translation and summary, the same exports as an API, and no request anywhere', async ({ baseURL }) => {
  // Only the app and the model host are reachable while the model downloads.
  const allowed = [new URL(baseURL ?? '').origin, new URL(MODEL_HOST).origin];
  await page.context().route('**/*', (route) => (allowed.includes(new URL(route.request().url()).origin) ? route.continue() : route.abort()));
  await useLocalModel(page, CHAT_TEST_MODELS.chatScripted);
  expect(await localModelReady(page)).toMatchObject({ device: 'wasm', dtype: 'q8' });
  await page.getByTestId('llm-provider-close').click();

  await page.context().setOffline(true);
  const sinceOffline = requests.length;
  await translate('English');
  expect(await shownTranslations(page)).toEqual(expected(cues));
  const srt = await downloadText(page, 'download-translation-srt');
  expect(srt.name).toBe('speech-3min.en.srt');
  expect(parseSrt(srt.text)).toEqual(cues.map((cue, i) => ({ start: cue.start, end: cue.end, text: expected(cues)[i] })));
  const bilingual = parseSrt((await downloadText(page, 'download-translation-bilingual-srt')).text);
  expect(bilingual.map((cue) => cue.text)).toEqual(cues.map((cue, i) => `${cue.text}\n${expected(cues)[i]}`));

  await page.getByTestId('summary-start').click();
  await expect(page.getByTestId('summary')).toHaveAttribute('data-status', 'done', { timeout: 90_000 });
  expect((await downloadText(page, 'summary-download')).text.trim()).toBe(SCRIPTED_SUMMARY.trim());
  await expect(page.getByTestId('chapter')).toHaveCount(1);

  // Nothing was sent: no request left the page while it worked offline (the workers were already running).
  const transcript = cues.map((cue) => oneLine(cue.text).slice(0, 12));
  const sent = requests.slice(sinceOffline);
  expect(sent.filter((r) => new URL(r.url).origin !== allowed[0])).toEqual([]);
  expect(sent.filter((r) => r.method !== 'GET' || transcript.some((text) => r.body.includes(text)))).toEqual([]);
  await page.context().setOffline(false);
  await page.context().unrouteAll();
});

test('Stop ends the answer within 2 s and keeps finished batches; the next request works; another model replaces the first; a miscounting model is split, never misaligned', async () => {
  await setTranslationOption(page, 'translate-batch-size', 2);
  await fillAndChange(page, 'translate-language', 'French');
  // Stop is clicked inside the page the moment four cues are done: a click from the test would
  // arrive a round trip later, when the small scripted model may have finished everything.
  const stopped = page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const observer = new MutationObserver(() => check());
        const check = () => {
          const done = Number(document.querySelector('[data-testid="translate-progress"]')?.getAttribute('data-done') ?? 0);
          const stop = document.querySelector('[data-testid="translate-stop"]');
          if (done < 4 || !(stop instanceof HTMLElement)) return;
          observer.disconnect();
          const at = performance.now();
          stop.click();
          resolve(at);
        };
        observer.observe(document.body, { subtree: true, childList: true, attributes: true });
      }),
  );
  await page.getByTestId('translate-start').click();
  const clickedAt = await stopped;
  await expect(page.getByTestId('translation')).toHaveAttribute('data-status', 'stopped');
  // The worker's answer in progress ended (cancelled at the next token) within 2 s of the click.
  const llm = (await workerTraces(page)).filter((t) => t.url.includes('local-llm'));
  await expect.poll(async () => {
    const traces = (await workerTraces(page)).filter((t) => t.url.includes('local-llm'));
    return traces.every((t) => t.terminatedAt !== undefined || Object.keys(t.sent).every((id) => id in t.ended));
  }).toBe(true);
  const after = (await workerTraces(page)).filter((t) => t.url.includes('local-llm'));
  const ends = after.flatMap((t) => [...Object.values(t.ended), ...(t.terminatedAt ? [t.terminatedAt] : [])]).filter((at) => at >= clickedAt);
  expect(llm.length).toBeGreaterThan(0);
  expect(Math.max(clickedAt, ...ends) - clickedAt).toBeLessThan(2000);
  const shown = await shownTranslations(page);
  const done = shown.filter((text) => text !== '…').length;
  expect(done).toBeGreaterThanOrEqual(4);
  expect(shown).toEqual([...expected(cues).slice(0, done), ...cues.slice(done).map(() => '…')]);

  await page.getByTestId('translate-start').click(); // Resume
  await expect(page.getByTestId('translation')).toHaveAttribute('data-status', 'done', { timeout: 90_000 });
  expect(await shownTranslations(page)).toEqual(expected(cues));

  await useLocalModel(page, CHAT_TEST_MODELS.chatMiscount);
  expect((await localModelReady(page)).replaced).toBe(CHAT_TEST_MODELS.chatScripted);
  await page.getByTestId('llm-provider-close').click();
  const sentBefore = (await workerTraces(page)).reduce((n, t) => n + Object.keys(t.sent).length, 0);
  await setTranslationOption(page, 'translate-batch-size', 3);
  await translate('German');
  expect(await shownTranslations(page)).toEqual(expected(cues));
  // Each answer is a load check and a generation: far more answers than the batches of three.
  const sentAfter = (await workerTraces(page)).reduce((n, t) => n + Object.keys(t.sent).length, 0);
  expect((sentAfter - sentBefore) / 2).toBeGreaterThan(Math.ceil(cues.length / 3) * 2);
});

test('on WebGPU (SwiftShader): the same exact translation and summary', async () => {
  await page.getByTestId('open-settings').click();
  await page.getByTestId('setting-device').selectOption('webgpu');
  await page.getByTestId('settings-close').click();
  await useLocalModel(page, CHAT_TEST_MODELS.chatScripted);
  expect((await localModelReady(page)).device).toBe('webgpu');
  await page.getByTestId('llm-provider-close').click();
  await setTranslationOption(page, 'translate-batch-size', 6);
  await translate('Spanish');
  expect(await shownTranslations(page)).toEqual(expected(cues));
  await page.getByTestId('summary-start').click();
  await expect(page.getByTestId('summary')).toHaveAttribute('data-status', 'done', { timeout: 90_000 });
  expect((await downloadText(page, 'summary-download')).text.trim()).toBe(SCRIPTED_SUMMARY.trim());
});
