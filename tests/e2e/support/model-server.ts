import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import path from 'node:path';

/**
 * A stand-in for the Hugging Face hub: serves generated models in the hub's URL layout,
 * `/{owner}/{name}/resolve/{revision}/{file}` → `{root}/{owner}/{name}/{file}`, with the CORS
 * headers the hub sends (the app is cross-origin isolated and fetches models with CORS).
 */
/**
 * Extra ids served from an existing model's folder with some files missing, e.g. a repository
 * that lacks the 4-bit decoder WebGPU needs: `/zimu-test/whisper-micro-no-webgpu/…`.
 */
export const MODEL_ALIASES: Readonly<Record<string, { readonly target: string; readonly hide: RegExp }>> = {
  'zimu-test/whisper-micro-no-webgpu': { target: 'zimu-test/whisper-micro', hide: /_q4\.onnx$/ },
};

export function startModelServer(root: string, port: number, host = '127.0.0.1'): Promise<Server> {
  const server = createServer(async (request, response) => {
    response.setHeader('Access-Control-Allow-Origin', '*');
    response.setHeader('Access-Control-Allow-Headers', '*');
    response.setHeader('Access-Control-Expose-Headers', 'Content-Length, Content-Range, ETag');
    if (request.method === 'OPTIONS') return void response.writeHead(204).end();
    const url = new URL(request.url ?? '/', `http://${host}`);
    const match = /^\/([^/]+\/[^/]+)\/resolve\/[^/]+\/(.+)$/.exec(decodeURIComponent(url.pathname));
    const file = match ? resolveFile(root, match[1] ?? '', match[2] ?? '') : undefined;
    if (!file || !file.startsWith(path.resolve(root) + path.sep)) return void response.writeHead(404).end();
    try {
      const info = await stat(file);
      if (!info.isFile()) throw new Error('not a file');
      const type = file.endsWith('.json') ? 'application/json' : 'application/octet-stream';
      // One byte range, as the hub answers transformers.js' and the size probe's `Range: bytes=0-0`.
      const range = /^bytes=(\d+)-(\d*)$/.exec(request.headers.range ?? '');
      if (range && info.size > 0) {
        const start = Number(range[1]);
        const end = Math.min(range[2] ? Number(range[2]) : info.size - 1, info.size - 1);
        if (start > end) return void response.writeHead(416, { 'Content-Range': `bytes */${info.size}` }).end();
        response.writeHead(206, { 'Content-Type': type, 'Content-Length': String(end - start + 1), 'Content-Range': `bytes ${start}-${end}/${info.size}` });
        if (request.method === 'HEAD') return void response.end();
        return void createReadStream(file, { start, end }).pipe(response);
      }
      response.writeHead(200, { 'Content-Type': type, 'Content-Length': String(info.size) });
      if (request.method === 'HEAD') return void response.end();
      createReadStream(file).pipe(response);
    } catch {
      response.writeHead(404).end();
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}

function resolveFile(root: string, modelId: string, file: string): string | undefined {
  const alias = MODEL_ALIASES[modelId];
  if (alias?.hide.test(file)) return undefined;
  return path.resolve(root, alias?.target ?? modelId, file);
}
