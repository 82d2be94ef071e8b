import path from 'node:path';
import { expect, test } from '@playwright/test';
import { SENSEVOICE_SCRIPT, SENSEVOICE_TEST_MODELS } from '../fixtures/models/sensevoice-models.ts';
import { parseSrt } from '../../src/lib/subtitles/srt.ts';
import { SAMPLE_RATE } from '../../src/lib/media/sample-rate.ts';
import { TEST_MODELS } from '../fixtures/models/generate.ts';
import { chooseFile, downloadText, expectDone, expectWellFormed, MEDIA, MODEL_HOST, openApp, SAMPLE, shownCues } from './support/app.ts';
import { bytesOnDisk, cachedRow, modelDir, openModels } from './support/models.ts';
import { loseGpuAfterFirstCues } from './support/gpu-loss.ts';
import { expectedScriptedCues, nativeSpeechSegments, openSenseVoice, recordRecogniseRequests, type RecogniseRequest } from './support/sensevoice.ts';
import { timeCancel, traceWorkers, workerTraces } from './support/worker-trace.ts';

const THREE_MINUTES = path.join(MEDIA, 'speech-3min.mp4');
const scripted = { modelId: SENSEVOICE_TEST_MODELS.senseVoiceScripted, device: 'wasm' } as const;

/** The last request per window: a window recognised again after a lost GPU is one window. */
function lastPerWindow(requests: readonly RecogniseRequest[]): RecogniseRequest[] {
  return [...new Map(requests.map((r) => [r.offset, r])).values()].sort((a, b) => a.offset - b.offset);
}

test('SenseVoice on WASM: the 3-minute video gives exactly the scripted Chinese cues at the VAD segments’ times, and valid SRT', async ({ page }) => {
  const requests = await recordRecogniseRequests(page);
  await openSenseVoice(page, scripted);
  await chooseFile(page, THREE_MINUTES);
  await expectDone(page);
  await expect(page.getByTestId('device')).toHaveAttribute('data-device', 'wasm');
  // SenseVoice's own language answer, shown like Whisper's detection.
  await expect(page.getByTestId('detected-language')).toHaveAttribute('data-language', 'zh');

  const sent = await requests();
  const segments = sent.flatMap((r) => r.segments);
  // The fixture's seven paragraphs of speech: VAD found several segments, each recognised on its own.
  expect(segments.length).toBeGreaterThanOrEqual(7);
  for (const r of sent) for (const s of r.segments) expect(s.start >= 0 && s.end <= r.samples && s.end > s.start).toBe(true);

  const cues = await shownCues(page);
  expect(cues).toEqual(expectedScriptedCues(sent));
  // Every cue lies inside a speech segment: none starts in the silence VAD skipped.
  const absolute = sent.flatMap((r) => r.segments.map((s) => ({ start: r.offset + s.start / SAMPLE_RATE, end: r.offset + s.end / SAMPLE_RATE })));
  for (const cue of cues) expect(absolute.some((s) => cue.start >= s.start - 0.001 && cue.end <= s.end + 0.001), `${cue.start}–${cue.end}`).toBe(true);
  // The segments are VAD's: an independent run (native ffmpeg, Silero on onnxruntime-node) finds the same ones.
  const native = await nativeSpeechSegments(THREE_MINUTES);
  expect(absolute.length).toBe(native.length);
  absolute.forEach((s, i) => {
    expect(Math.abs(s.start - (native[i]?.start ?? NaN)), `segment ${i} start ${s.start}`).toBeLessThan(0.1);
    expect(Math.abs(s.end - (native[i]?.end ?? NaN)), `segment ${i} end ${s.end}`).toBeLessThan(0.1);
  });
  // The script, once per segment long enough to hold all of it.
  expect(cues.map((c) => c.text.replace(/\s+/g, '')).join('')).toContain(SENSEVOICE_SCRIPT);

  const srt = await downloadText(page, 'download-srt');
  const parsed = parseSrt(srt.text);
  expect(parsed.map(({ start, end, text }) => ({ start, end, text }))).toEqual(cues);
  expectWellFormed(parsed, 180);
});

test('the engine choice survives a reload; Whisper-only options are hidden for SenseVoice, and Whisper’s translate task sits under Advanced', async ({ page }) => {
  await openSenseVoice(page, scripted);
  await page.reload();
  await page.getByTestId('open-settings').click();
  await expect(page.getByTestId('setting-engine-sensevoice')).toBeChecked();
  await expect(page.getByTestId('sensevoice-model-id')).toHaveValue(scripted.modelId);
  await expect(page.getByTestId('model-size')).toHaveAttribute('data-status', 'known');
  for (const whisperOnly of ['model-id', 'setting-words', 'setting-max-tokens', 'setting-prompt', 'setting-task-translate', 'setting-precision']) {
    await expect(page.getByTestId(whisperOnly)).toHaveCount(0);
  }
  // Only SenseVoice's five languages are offered.
  const languages = await page.getByTestId('setting-language').locator('option').evaluateAll((options) => options.map((o) => (o instanceof HTMLOptionElement ? o.value : '')));
  expect(languages.sort()).toEqual(['', 'en', 'ja', 'ko', 'yue', 'zh']);

  await page.getByTestId('setting-engine-whisper').check();
  await expect(page.getByTestId('model-id')).toBeVisible();
  const translate = page.getByTestId('setting-task-translate');
  await expect(translate).toBeHidden(); // inside the closed Advanced section
  await page.locator('details.advanced summary').click();
  await expect(translate).toBeVisible();
  await expect(page.locator('details.advanced')).toContainText('Whisper translates to English directly');
  await page.reload();
  await page.getByTestId('open-settings').click();
  await expect(page.getByTestId('setting-engine-whisper')).toBeChecked();
});

test('with a Chinese interface Zimu recommends SenseVoice and switches in one click; dismissed, it stays away', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('locale-zh-CN').click();
  const advice = page.getByTestId('engine-advice');
  await expect(advice).toHaveAttribute('data-reason', 'interface');
  await expect(advice).toContainText('SenseVoice');
  await page.getByTestId('engine-advice-switch').click();
  await expect(advice).toHaveCount(0);
  await expect(page.getByTestId('engine-advice-switched')).toBeVisible();
  await page.getByTestId('open-settings').click();
  await expect(page.getByTestId('setting-engine-sensevoice')).toBeChecked();

  await page.getByTestId('setting-engine-whisper').check();
  await expect(advice).toBeVisible();
  await page.getByTestId('engine-advice-dismiss').click();
  await page.reload();
  await expect(page.getByTestId('locale-zh-CN')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('engine-advice')).toHaveCount(0);
});

test('cancel during SenseVoice recognition stops within 2 s, keeps the cues, and the page takes a new file', async ({ page }) => {
  await traceWorkers(page);
  await openSenseVoice(page, scripted);
  await chooseFile(page, THREE_MINUTES);
  await expect(page.getByTestId('cue').first()).toBeVisible({ timeout: 120_000 });
  const cancel = await timeCancel(page);
  await expect(page.getByTestId('status')).toHaveAttribute('data-status', 'cancelled');
  expect(cancel.ms).toBeLessThan(2_000);
  const kept = await shownCues(page);
  expect(kept.length).toBeGreaterThan(0);
  const later = (await workerTraces(page)).flatMap((t) => Object.values(t.sent)).filter((at) => at > cancel.clickedAt);
  expect(later).toEqual([]);
  expect(await shownCues(page)).toEqual(kept);

  await chooseFile(page, SAMPLE);
  await expectDone(page);
  expect((await shownCues(page)).map((c) => c.text.replace(/\s+/g, '')).join('')).toContain('欢迎使用字幕');
});

test('WebGPU lost during a SenseVoice run: the app says so, goes on with WASM, and gives the same cues as on WASM', async ({ page }) => {
  test.setTimeout(300_000);
  const requests = await recordRecogniseRequests(page);
  const destroyed: string[] = [];
  const transcribers: string[] = [];
  page.on('console', (message) => message.text().startsWith('zimu-test: destroyed') && destroyed.push(message.text()));
  page.on('worker', (worker) => {
    if (worker.url().includes('transcriber')) transcribers.push(worker.url());
    void worker.evaluate(loseGpuAfterFirstCues).catch(() => undefined); // a worker may be gone first
  });
  await openSenseVoice(page, { ...scripted, device: 'auto' });
  await chooseFile(page, THREE_MINUTES);
  await expect(page.getByTestId('device')).toHaveAttribute('data-device', 'webgpu', { timeout: 120_000 });
  await expectDone(page, 240_000);

  expect(destroyed, 'the GPU device was destroyed inside the transcriber').toEqual(['zimu-test: destroyed 1 GPU device(s)']);
  expect(transcribers.length, 'the transcriber that lost its GPU was replaced').toBe(2);
  await expect(page.getByTestId('device')).toHaveAttribute('data-device', 'wasm');
  await expect(page.getByTestId('fallback')).toBeVisible();
  // No window lost or recognised twice: what the scripted model says for every window, once.
  expect(await shownCues(page)).toEqual(expectedScriptedCues(lastPerWindow(await requests())));
});

test('a SenseVoice folder imported from disk is listed as a SenseVoice model and transcribes with the model host unreachable', async ({ page }) => {
  const attempts: string[] = [];
  await page.context().route(`${MODEL_HOST}/**`, (route) => {
    attempts.push(`${route.request().method()} ${route.request().url()}`);
    return route.abort('internetdisconnected');
  });
  await page.goto('/');
  await openModels(page);
  await page.getByTestId('setting-host').fill(MODEL_HOST);
  await page.getByTestId('setting-host').dispatchEvent('change');
  const dir = modelDir(scripted.modelId);
  await page.getByTestId('import-folder').setInputFiles(dir);
  await expect(page.getByTestId('import-plan')).toHaveAttribute('data-kind', 'sensevoice');
  await page.getByTestId('import-id').fill('local/sensevoice');
  await page.getByTestId('import-start').click();
  await expect(page.getByTestId('import-done')).toHaveAttribute('data-kind', 'sensevoice');
  const row = cachedRow(page, 'local/sensevoice');
  await expect(row).toHaveAttribute('data-kind', 'sensevoice');
  await expect(row).toHaveAttribute('data-bytes', String(bytesOnDisk(dir, ['model.int8.onnx', 'tokens.txt'])));
  await page.getByTestId('import-use').click();
  // "Use this model" chose SenseVoice with the imported repository.
  await expect(page.getByTestId('setting-engine-sensevoice')).toBeChecked();
  await expect(page.getByTestId('sensevoice-model-id')).toHaveValue('local/sensevoice');
  await expect(page.getByTestId('model-size')).toHaveAttribute('data-status', 'cached');
  await page.getByTestId('setting-device').selectOption('wasm');
  await page.getByTestId('settings-close').click();

  attempts.length = 0;
  await chooseFile(page, SAMPLE);
  await expectDone(page);
  expect((await shownCues(page)).map((c) => c.text.replace(/\s+/g, '')).join('')).toContain(SENSEVOICE_SCRIPT);
  expect(attempts).toEqual([]);
});

test('when Whisper hears Chinese, Zimu recommends SenseVoice and says why', async ({ page }) => {
  await openApp(page, { modelId: TEST_MODELS.chinese, device: 'wasm' });
  await expect(page.getByTestId('engine-advice')).toHaveCount(0); // English interface: no advice yet
  await chooseFile(page, SAMPLE);
  await expectDone(page);
  await expect(page.getByTestId('detected-language')).toHaveAttribute('data-language', 'zh');
  const advice = page.getByTestId('engine-advice');
  await expect(advice).toHaveAttribute('data-reason', 'speech');
  await expect(advice).toContainText('Whisper heard Chinese');
  await page.getByTestId('engine-advice-switch').click();
  await page.getByTestId('open-settings').click();
  await expect(page.getByTestId('setting-engine-sensevoice')).toBeChecked();
});

test('when WebGPU can’t run SenseVoice at load, it falls back to WASM, says so, and gives the WASM cues', async ({ page }) => {
  const requests = await recordRecogniseRequests(page);
  // Inside every worker: the app's capability check finds an adapter (so 'auto' picks WebGPU),
  // but ONNX Runtime's own request for one, which passes options, gets none.
  page.on('worker', (worker) => {
    void worker
      .evaluate(() => {
        const gpu = navigator.gpu;
        const requestAdapter = gpu.requestAdapter.bind(gpu);
        gpu.requestAdapter = (options?: GPURequestAdapterOptions) => (options ? Promise.resolve(null) : requestAdapter());
      })
      .catch(() => undefined);
  });
  await openSenseVoice(page, { ...scripted, device: 'auto' });
  await chooseFile(page, SAMPLE);
  await expectDone(page, 60_000);
  await expect(page.getByTestId('device')).toHaveAttribute('data-device', 'wasm');
  await expect(page.getByTestId('fallback')).toBeVisible();
  expect(await shownCues(page)).toEqual(expectedScriptedCues(await requests()));
});
