/**
 * LLM benchmark page: hands its query to llm-worker.ts and publishes what comes back on `window`
 * for llm.ts — how far it got on `window.benchStages`, each speed run on `window.benchRuns` and a
 * translation's running totals on `window.benchTranslation` as they come (for a device that runs
 * out of time), then the PageReport on `window.benchReport`.
 *   /bench/llm.html?job=speed&model=zimu-test/qwen2.5-0.5b-shape-random&host=http://127.0.0.1:4379&device=wasm&threads=2
 *   /bench/llm.html?job=translate&model=zimu-test/chat-scripted&host=…&device=wasm&threads=2&answer-tokens=768
 * Optional: precision=q8 (the app's precision override; default auto).
 */
import { assertNever } from '../src/lib/assert-never.ts';
import { isWorkerMessage, type SpeedRun, type Stage } from './llm-options.ts';

const stages: Stage[] = [];
const runs: SpeedRun[] = [];
Reflect.set(window, 'benchStages', stages);
Reflect.set(window, 'benchRuns', runs);
const worker = new Worker(new URL('./llm-worker.ts', import.meta.url), { type: 'module' });
worker.addEventListener('message', (event: MessageEvent<unknown>) => {
  const message = event.data;
  if (!isWorkerMessage(message)) return;
  switch (message.type) {
    case 'stage':
      stages.push({ stage: message.stage, atMs: message.atMs, detail: message.detail });
      break;
    case 'request':
      Reflect.set(window, 'benchTranslation', message.sofar);
      break;
    case 'run':
      runs.push(message.run);
      break;
    case 'report':
      Reflect.set(window, 'benchReport', message.report);
      break;
    default:
      assertNever(message);
  }
});
worker.addEventListener('error', (event) => Reflect.set(window, 'benchReport', { kind: 'failed', error: `worker error: ${event.message}` }));
worker.postMessage(location.search);
