import { readdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { SCRIPTED_CUES, TEST_MODELS } from '../fixtures/models/generate.ts';
import { formatBytes } from '../../src/lib/components/models/format-bytes.ts';
import { MODEL_JSON_FILES, modelFiles } from '../../src/lib/transcription/catalog.ts';
import { dtypeFor } from '../../src/lib/transcription/models.ts';
import { asShown, chooseFile, expectDone, MODEL_HOST, openApp, SAMPLE, shownCues, waitForEnd } from './support/app.ts';
import { bytesOnDisk, cachedRow, cachedUrls, modelDir, openModels, SCRIPTED_DIR } from './support/models.ts';

/** What a WASM run fetches: the JSON files and the 8-bit encoder and decoder. */
const WASM_FILES = modelFiles(dtypeFor('wasm'));
const urlsOf = (modelId: string, files: readonly string[]) => files.map((f) => `${MODEL_HOST}/${modelId}/resolve/main/${f}`).sort();

test('the picker learns a model’s download size from the host before downloading it', async ({ page }) => {
  const fetched: string[] = [];
  page.context().on('request', (r) => void (r.url().startsWith(MODEL_HOST) && fetched.push(`${r.method()} ${r.url()}`)));
  await openApp(page, { modelId: TEST_MODELS.micro, device: 'wasm' });
  await openModels(page);
  const size = page.getByTestId('model-size');
  await expect(size).toHaveAttribute('data-status', 'known');
  const expected = bytesOnDisk(modelDir(TEST_MODELS.micro), WASM_FILES);
  await expect(size).toHaveAttribute('data-bytes', String(expected));
  await expect(size).toContainText(formatBytes(expected));
  expect(fetched.length).toBeGreaterThan(0);
  expect(fetched.filter((line) => !line.startsWith('HEAD '))).toEqual([]); // sizes only: nothing downloaded

  // A catalog model shows its hints; an unknown id or a missing precision is said so.
  await page.getByTestId('model-select').selectOption('onnx-community/whisper-base');
  await expect(page.getByTestId('model-hints')).toContainText('74');
  await page.getByTestId('model-id').fill('zimu-test/no-such-model');
  await expect(size).toHaveAttribute('data-status', 'not-found');
  // A repository without the precision the device uses says which files it lacks.
  await page.getByTestId('model-id').fill('zimu-test/whisper-micro-no-webgpu');
  await page.getByTestId('setting-device').selectOption('webgpu');
  await expect(size).toHaveAttribute('data-status', 'missing');
  await expect(size).toContainText('onnx/decoder_model_merged_q4.onnx');
});

test('a model used in a run is listed with its size, and Delete removes it from the cache', async ({ page }) => {
  await openApp(page, { modelId: TEST_MODELS.scripted, device: 'wasm' });
  await chooseFile(page, SAMPLE);
  await expectDone(page);
  expect(await cachedUrls(page)).toEqual(expect.arrayContaining(urlsOf(TEST_MODELS.scripted, WASM_FILES)));

  await openModels(page);
  const row = cachedRow(page, TEST_MODELS.scripted);
  const expected = bytesOnDisk(SCRIPTED_DIR, WASM_FILES);
  await expect(row).toHaveAttribute('data-host', MODEL_HOST);
  await expect(row).toHaveAttribute('data-bytes', String(expected));
  await expect(row.getByTestId('cached-model-size')).toHaveText(formatBytes(expected));
  // The picker sees the stored files too: no download needed.
  await expect(page.getByTestId('model-size')).toHaveAttribute('data-status', 'cached');

  await row.getByTestId('cached-model-delete').click();
  await expect(row).toHaveCount(0);
  const left = await cachedUrls(page);
  expect(left.filter((u) => u.includes(`/${TEST_MODELS.scripted}/`))).toEqual([]);
});

test('a model imported from a folder transcribes with the model host unreachable', async ({ page }) => {
  // Block the host for the page and its workers, and count what still tries to reach it.
  let attempts: string[] = [];
  await page.context().route(`${MODEL_HOST}/**`, (route) => {
    attempts.push(`${route.request().method()} ${route.request().url()}`);
    return route.abort('internetdisconnected');
  });
  await openApp(page, { modelId: TEST_MODELS.scripted, device: 'wasm' });

  // The block really reaches the worker's fetches: a model that is not stored cannot load, and
  // its GET (the picker only ever sends HEAD) was seen and stopped here.
  attempts = [];
  await chooseFile(page, SAMPLE);
  expect(await waitForEnd(page)).toBe('failed');
  // Not "check the model name": the host can't be reached and the model isn't stored.
  await expect(page.getByTestId('error')).toHaveAttribute('data-code', 'model-not-cached');
  expect(attempts).toContain(`GET ${MODEL_HOST}/${TEST_MODELS.scripted}/resolve/main/config.json`);

  // Import the generated folder through the real directory chooser.
  await openModels(page);
  await page.getByTestId('import-folder').setInputFiles(SCRIPTED_DIR);
  await expect(page.getByTestId('import-plan')).toBeVisible();
  await expect(page.getByTestId('import-lacks')).toHaveCount(0); // it has the q8 files WASM uses
  await expect(page.getByTestId('import-id')).toHaveValue('whisper-micro-scripted');
  await page.getByTestId('import-start').click();
  await expect(page.getByTestId('import-done')).toHaveAttribute('data-model-id', 'whisper-micro-scripted');
  const everyFile = [...MODEL_JSON_FILES, ...readdirSync(path.join(SCRIPTED_DIR, 'onnx')).map((f) => `onnx/${f}`)];
  await expect(cachedRow(page, 'whisper-micro-scripted')).toHaveAttribute('data-bytes', String(bytesOnDisk(SCRIPTED_DIR, everyFile)));
  await page.getByTestId('import-use').click();
  await expect(page.getByTestId('model-size')).toHaveAttribute('data-status', 'cached');
  await page.getByTestId('settings-close').click();

  attempts = [];
  await chooseFile(page, SAMPLE);
  await expectDone(page);
  expect(await shownCues(page)).toEqual(asShown(SCRIPTED_CUES));
  expect(attempts).toEqual([]);
});

test('an incomplete selection of files is refused with the list of what is missing', async ({ page }) => {
  await openApp(page, { modelId: TEST_MODELS.scripted, device: 'wasm' });
  await openModels(page);
  const some = ['config.json', 'tokenizer.json', 'onnx/decoder_model_merged_quantized.onnx'].map((f) => path.join(SCRIPTED_DIR, f));
  await page.getByTestId('import-files').setInputFiles(some);
  const error = page.getByTestId('models-error');
  await expect(error).toHaveAttribute('data-code', 'missing-files');
  await expect(error).toContainText('tokenizer_config.json');
  await expect(error).toContainText('onnx/encoder_model*.onnx');
  await expect(page.getByTestId('import-plan')).toHaveCount(0);
});
