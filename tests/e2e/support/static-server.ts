import { readFile, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { ISOLATION_HEADERS } from '../../../src/lib/offline/isolation.ts';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.mp4': 'video/mp4',
};

/** A static host for the built app, as GitHub Pages or any plain file server would be. */
export interface StaticServer {
  readonly url: string;
  /** Every path requested, in order: what reached the network. */
  readonly requests: string[];
  /** Serves other bytes for one path from now on (a new deployment of that file). */
  override(pathname: string, body: string): void;
  close(): Promise<void>;
}

/**
 * Serves `root` on a free port, with or without the cross-origin isolation headers (a host that
 * cannot set headers sends none), and records what was requested.
 */
export async function startStaticServer(root: string, options: { readonly isolation: boolean; readonly headers?: Readonly<Record<string, string>> }): Promise<StaticServer> {
  const requests: string[] = [];
  const overrides = new Map<string, string>();
  const server: Server = createServer(async (request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    requests.push(pathname);
    const relative = pathname.endsWith('/') ? `${pathname}index.html` : pathname;
    const file = path.resolve(root, `.${relative}`);
    if (!file.startsWith(path.resolve(root))) return void response.writeHead(403).end();
    const headers: Record<string, string> = { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-cache' };
    if (options.isolation) Object.assign(headers, ISOLATION_HEADERS);
    Object.assign(headers, options.headers);
    const override = overrides.get(pathname);
    if (override !== undefined) return void response.writeHead(200, headers).end(override);
    try {
      if (!(await stat(file)).isFile()) throw new Error('not a file');
      response.writeHead(200, headers).end(await readFile(file));
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    override: (pathname, body) => overrides.set(pathname, body),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
