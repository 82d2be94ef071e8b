import { expect, test, type Page } from '@playwright/test';
import { en } from '../../src/lib/i18n/messages/en.ts';
import { fillAndChange, TEST_KEY } from './support/llm.ts';
import { MODEL_IDS, OpenAiTestServer } from './support/openai-server.ts';

const server = new OpenAiTestServer();
test.beforeAll(() => server.start());
test.afterAll(() => server.stop());
test.beforeEach(() => server.reset({ key: TEST_KEY }));

/** Everything the app keeps in IndexedDB and localStorage, as text. */
async function storedText(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const dump: unknown[] = [{ ...localStorage }];
    for (const { name } of await indexedDB.databases()) {
      if (!name) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      for (const store of db.objectStoreNames) {
        const request = db.transaction(store).objectStore(store).getAll();
        dump.push(await new Promise((resolve) => (request.onsuccess = () => resolve(request.result))));
      }
      db.close();
    }
    return JSON.stringify(dump);
  });
}

async function openProvider(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByTestId('open-llm-provider').click();
  await expect(page.getByTestId('llm-preset')).toBeVisible();
}

test('presets fill the base URL; each key stays with its own address, masked; "don\'t remember" forgets it', async ({ page }) => {
  await openProvider(page);
  await page.getByTestId('llm-preset').selectOption('deepseek');
  await expect(page.getByTestId('llm-base-url')).toHaveValue('https://api.deepseek.com');
  await expect(page.getByTestId('llm-model')).toHaveValue('deepseek-chat');
  await page.getByTestId('llm-api-key').fill('sk-deepseek-key-0001');
  await expect(page.getByTestId('llm-api-key')).toHaveAttribute('type', 'password');

  // Another service never gets this key: its field starts empty.
  await page.getByTestId('llm-preset').selectOption('ollama');
  await expect(page.getByTestId('llm-base-url')).toHaveValue('http://localhost:11434/v1');
  await expect(page.getByTestId('llm-api-key')).toHaveValue('');
  await expect(page.getByTestId('llm-local-hint')).toContainText(`OLLAMA_ORIGINS=${new URL(page.url()).origin}`);
  for (const [preset, url] of [
    ['openai', 'https://api.openai.com/v1'],
    ['dashscope', 'https://dashscope.aliyuncs.com/compatible-mode/v1'],
    ['moonshot', 'https://api.moonshot.cn/v1'],
    ['zhipu', 'https://open.bigmodel.cn/api/paas/v4'],
    ['siliconflow', 'https://api.siliconflow.cn/v1'],
    ['openrouter', 'https://openrouter.ai/api/v1'],
    ['lmstudio', 'http://localhost:1234/v1'],
  ] as const) {
    await page.getByTestId('llm-preset').selectOption(preset);
    await expect(page.getByTestId('llm-base-url')).toHaveValue(url);
  }
  await page.getByTestId('llm-preset').selectOption('deepseek');
  await expect(page.getByTestId('llm-api-key')).toHaveValue('sk-deepseek-key-0001');

  // Remembered across a reload (on this device only)…
  await page.reload();
  await page.getByTestId('open-llm-provider').click();
  await expect(page.getByTestId('llm-api-key')).toHaveValue('sk-deepseek-key-0001');
  expect(await storedText(page)).toContain('sk-deepseek-key-0001');

  // …until the user says not to: then it is gone from storage, and after a reload.
  await page.getByTestId('llm-remember-key').uncheck();
  await expect.poll(() => storedText(page)).not.toContain('sk-deepseek-key-0001');
  await expect(page.getByTestId('llm-api-key')).toHaveValue('sk-deepseek-key-0001'); // still usable in this session
  await page.reload();
  await page.getByTestId('open-llm-provider').click();
  await expect(page.getByTestId('llm-remember-key')).not.toBeChecked();
  await expect(page.getByTestId('llm-api-key')).toHaveValue('');
  await expect(page.getByTestId('llm-base-url')).toHaveValue('https://api.deepseek.com');
});

test('test connection lists models, falls back to a one-token request, and explains every failure', async ({ page }) => {
  await openProvider(page);
  await page.getByTestId('llm-preset').selectOption('custom');
  await fillAndChange(page, 'llm-base-url', server.baseURL);
  await page.getByTestId('llm-api-key').fill(TEST_KEY);
  await fillAndChange(page, 'llm-model', 'zimu-test-chat');
  const result = page.getByTestId('llm-connection');

  await page.getByTestId('llm-test').click();
  await expect(result).toHaveText(`Connected: ${MODEL_IDS.length} models. Choose one in the Model field.`);
  expect(server.requests.filter((r) => r.method === 'GET').map((r) => r.path)).toEqual(['/v1/models']);

  server.reset({ key: TEST_KEY, models: false });
  await page.getByTestId('llm-test').click();
  await expect(result).toHaveText('Connected: the model answered.');
  expect(server.chats().map((c) => c.json)).toEqual([
    { model: 'zimu-test-chat', stream: false, messages: [{ role: 'user', content: 'Hi' }], max_tokens: 1 },
  ]);

  const failures: [string, () => Promise<void> | void, string][] = [
    ['wrong key', () => page.getByTestId('llm-api-key').fill('sk-wrong-key-000000'), 'llm-auth'],
    ['CORS', () => void (server.settings.cors = false), 'llm-unreachable'],
    ['not JSON', () => void (server.reset({ key: TEST_KEY, models: false }), server.script({ kind: 'not-sse' })), 'llm-bad-response'],
  ];
  for (const [name, arrange, code] of failures) {
    await test.step(name, async () => {
      await arrange();
      await page.getByTestId('llm-test').click();
      await expect(result).toHaveAttribute('data-state', 'failed');
      await expect(result.locator('[data-code]')).toHaveAttribute('data-code', code);
      await expect(result).not.toContainText(TEST_KEY);
      await page.getByTestId('llm-api-key').fill(TEST_KEY);
      server.reset({ key: TEST_KEY });
    });
  }
  await test.step('unreachable host', async () => {
    const closed = new OpenAiTestServer();
    await closed.start();
    const url = closed.baseURL;
    await closed.stop();
    await fillAndChange(page, 'llm-base-url', url);
    await page.getByTestId('llm-test').click();
    await expect(result.locator('[data-code]')).toHaveAttribute('data-code', 'llm-unreachable');
    await expect(result).toContainText(en['error.llm-unreachable']);
  });
});
