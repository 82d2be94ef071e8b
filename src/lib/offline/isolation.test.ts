import { describe, expect, it } from 'vitest';
import { ISOLATION_HEADERS, isolationAction, withIsolation, type IsolationAction, type IsolationScope } from './isolation.ts';

describe('withIsolation', () => {
  it('adds COOP, COEP and CORP and keeps status, status text, body and the other headers', async () => {
    const original = new Response('<!doctype html>', {
      status: 201,
      statusText: 'Made',
      headers: { 'Content-Type': 'text/html', 'X-Kept': 'yes' },
    });
    const isolated = withIsolation(original);
    expect(isolated).not.toBe(original);
    expect(isolated.status).toBe(201);
    expect(isolated.statusText).toBe('Made');
    expect(isolated.headers.get('content-type')).toBe('text/html');
    expect(isolated.headers.get('x-kept')).toBe('yes');
    expect(isolated.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(isolated.headers.get('cross-origin-embedder-policy')).toBe('require-corp');
    expect(isolated.headers.get('cross-origin-resource-policy')).toBe('same-origin');
    expect(await isolated.text()).toBe('<!doctype html>');
  });

  it('sends every header the dev and preview servers send', () => {
    const isolated = withIsolation(new Response('x'));
    for (const [name, value] of Object.entries(ISOLATION_HEADERS)) expect(isolated.headers.get(name)).toBe(value);
  });

  it('replaces weaker policies the server sent', () => {
    const original = new Response('x', { headers: { 'Cross-Origin-Embedder-Policy': 'unsafe-none', 'Cross-Origin-Resource-Policy': 'cross-origin' } });
    const isolated = withIsolation(original);
    expect(isolated.headers.get('cross-origin-embedder-policy')).toBe('require-corp');
    expect(isolated.headers.get('cross-origin-resource-policy')).toBe('same-origin');
  });

  it('keeps a binary body byte for byte', async () => {
    const bytes = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 255]);
    const isolated = withIsolation(new Response(bytes, { headers: { 'Content-Type': 'application/wasm' } }));
    expect(new Uint8Array(await isolated.arrayBuffer())).toEqual(bytes);
    expect(isolated.headers.get('content-type')).toBe('application/wasm');
  });

  it.each([204, 205, 304])('rebuilds a %i response without a body, without throwing', async (status) => {
    const original = new Response(null, { status, headers: { ETag: '"v1"' } });
    const isolated = withIsolation(original);
    expect(isolated.status).toBe(status);
    expect(isolated.body).toBeNull();
    expect(isolated.headers.get('etag')).toBe('"v1"');
    expect(isolated.headers.get('cross-origin-embedder-policy')).toBe('require-corp');
    expect(await isolated.text()).toBe('');
  });

  it('leaves opaque responses as they are (they cannot be rebuilt)', () => {
    // Node cannot make an opaque response, so one is described by its type and status 0.
    for (const type of ['opaque', 'opaqueredirect'] satisfies ResponseType[]) {
      const opaque = Object.defineProperties(new Response(null, { status: 200 }), {
        type: { value: type },
        status: { value: 0 },
      });
      expect(withIsolation(opaque)).toBe(opaque);
      expect(opaque.headers.has('cross-origin-embedder-policy')).toBe(false);
    }
  });

  it('leaves a network error (status 0) as it is', () => {
    const failed = Response.error();
    expect(failed.status).toBe(0);
    expect(withIsolation(failed)).toBe(failed);
  });
});

describe('isolationAction', () => {
  const cases: readonly (readonly [IsolationScope, IsolationAction])[] = [
    [{ isolated: true, serviceWorkers: true, reloaded: false }, 'isolated'],
    [{ isolated: true, serviceWorkers: true, reloaded: true }, 'isolated'],
    [{ isolated: true, serviceWorkers: false, reloaded: false }, 'isolated'],
    [{ isolated: true, serviceWorkers: false, reloaded: true }, 'isolated'],
    [{ isolated: false, serviceWorkers: true, reloaded: false }, 'reload-when-controlled'],
    [{ isolated: false, serviceWorkers: true, reloaded: true }, 'impossible'],
    [{ isolated: false, serviceWorkers: false, reloaded: false }, 'impossible'],
    [{ isolated: false, serviceWorkers: false, reloaded: true }, 'impossible'],
  ];

  it.each(cases)('%o → %s', (scope, action) => {
    expect(isolationAction(scope)).toBe(action);
  });

  it('reloads at most once: after the reload, a page still not isolated gives up', () => {
    const first = isolationAction({ isolated: false, serviceWorkers: true, reloaded: false });
    const second = isolationAction({ isolated: false, serviceWorkers: true, reloaded: first === 'reload-when-controlled' });
    expect([first, second]).toEqual(['reload-when-controlled', 'impossible']);
  });
});
