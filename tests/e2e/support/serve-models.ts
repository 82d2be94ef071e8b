/**
 * Generates the test models (instant when they are already there) and serves them like the
 * hub does. Playwright starts this as a web server; `npm run serve:models` runs it by hand.
 *   node tests/e2e/support/serve-models.ts [--port 4174]
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateTestModels } from '../../fixtures/models/generate.ts';
import { generateChatModels } from '../../fixtures/models/chat-models.ts';
import { generateSenseVoiceModels } from '../../fixtures/models/sensevoice-models.ts';
import { startModelServer } from './model-server.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../fixtures/models/out');
const portArg = process.argv.indexOf('--port');
const port = portArg >= 0 ? Number(process.argv[portArg + 1]) : 4174;

await generateTestModels(root);
await generateChatModels(root);
await generateSenseVoiceModels(root);
await startModelServer(root, port);
console.log(`test models on http://127.0.0.1:${port}/`);
