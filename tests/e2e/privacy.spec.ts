import path from 'node:path';
import { expect, test } from '@playwright/test';
import { TEST_MODELS } from '../fixtures/models/generate.ts';
import { chooseFile, expectDone, MEDIA, MODEL_HOST, openApp } from './support/app.ts';

test('a full run talks to no origin but the app and the configured model host', async ({ page, baseURL }) => {
  const requests: string[] = [];
  page.context().on('request', (request) => requests.push(request.url()));
  page.on('request', (request) => requests.push(request.url()));
  await openApp(page, { modelId: TEST_MODELS.micro, device: 'wasm', maxTokens: 8 });
  await chooseFile(page, path.join(MEDIA, 'clip-10s.mp4'));
  await expectDone(page);

  const allowed = new Set([new URL(baseURL ?? '').origin, new URL(MODEL_HOST).origin]);
  const origins = new Set(requests.filter((u) => !u.startsWith('blob:') && !u.startsWith('data:')).map((u) => new URL(u).origin));
  expect([...origins].filter((o) => !allowed.has(o))).toEqual([]);
  // The recording really covers worker traffic: the runtimes and the model files were seen.
  expect(requests.some((u) => u.includes('ffmpeg-core') && u.endsWith('.wasm'))).toBe(true);
  expect(requests.some((u) => u.includes('ort-wasm') && u.endsWith('.wasm'))).toBe(true);
  expect(requests.some((u) => u.startsWith(MODEL_HOST) && u.endsWith('.onnx'))).toBe(true);
});
