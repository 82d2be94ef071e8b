import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import path from 'node:path';

/**
 * A stand-in for the Hugging Face hub: serves generated models in the hub's URL layout,
 * `/{owner}/{name}/resolve/{revision}/{file}` → `{root}/{owner}/{name}/{file}`, with the CORS
 * headers the hub sends (the app is cross-origin isolated and fetches models with CORS).
 */
export function startModelServer(root: string, port: number, host = '127.0.0.1'): Promise<Server> {
  const server = createServer(async (request, response) => {
    response.setHeader('Access-Control-Allow-Origin', '*');
    response.setHeader('Access-Control-Allow-Headers', '*');
    response.setHeader('Access-Control-Expose-Headers', 'Content-Length, ETag');
    if (request.method === 'OPTIONS') return void response.writeHead(204).end();
    const url = new URL(request.url ?? '/', `http://${host}`);
    const match = /^\/([^/]+)\/([^/]+)\/resolve\/[^/]+\/(.+)$/.exec(decodeURIComponent(url.pathname));
    const file = match ? path.resolve(root, match[1] ?? '', match[2] ?? '', match[3] ?? '') : undefined;
    if (!file || !file.startsWith(path.resolve(root) + path.sep)) return void response.writeHead(404).end();
    try {
      const info = await stat(file);
      if (!info.isFile()) throw new Error('not a file');
      response.writeHead(200, {
        'Content-Type': file.endsWith('.json') ? 'application/json' : 'application/octet-stream',
        'Content-Length': String(info.size),
      });
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
