import { describe, expect, it } from 'vitest';
import { allowedWhenStrict, bodySize, destinationOf, displayUrl, groupByDestination, type RequestRecord } from './ledger.ts';

const known = { appOrigin: 'https://zimu.app', modelHosts: ['https://huggingface.co/'], aiEndpoints: ['https://api.deepseek.com/v1'] };

function record(url: string, overrides: Partial<RequestRecord> = {}): RequestRecord {
  return { id: url + Math.random(), url, method: 'GET', source: 'page', sent: 0, received: 0, blocked: false, fromCache: false, pending: false, time: 0, ...overrides };
}

describe('the privacy ledger core', () => {
  it('lets only the app, blob: and data: through in strict offline', () => {
    expect(allowedWhenStrict('https://zimu.app/assets/a.js', 'https://zimu.app')).toBe(true);
    expect(allowedWhenStrict('blob:https://zimu.app/123', 'https://zimu.app')).toBe(true);
    expect(allowedWhenStrict('data:text/plain,hi', 'https://zimu.app')).toBe(true);
    expect(allowedWhenStrict('https://huggingface.co/x', 'https://zimu.app')).toBe(false);
    expect(allowedWhenStrict('https://zimu.app.evil.com/', 'https://zimu.app')).toBe(false);
    expect(allowedWhenStrict('http://zimu.app/', 'https://zimu.app')).toBe(false);
  });

  it('classifies requests by the destinations the user set', () => {
    expect(destinationOf('https://zimu.app/index.html', known)).toBe('app');
    expect(destinationOf('https://huggingface.co/onnx-community/whisper-base/resolve/main/config.json', known)).toBe('model-host');
    expect(destinationOf('https://api.deepseek.com/v1/chat/completions', known)).toBe('ai-endpoint');
    expect(destinationOf('https://fonts.example.com/x.woff2', known)).toBe('other');
  });

  it('drops the query string from what it shows', () => {
    expect(displayUrl('https://api.example.com/v1/models?key=secret#x')).toBe('https://api.example.com/v1/models');
    expect(displayUrl('blob:https://zimu.app/123')).toBe('blob:…');
  });

  it('totals per origin, the app first, and counts the service worker only for what it blocked', () => {
    const groups = groupByDestination(
      [
        record('https://api.deepseek.com/v1/chat/completions', { method: 'POST', sent: 300, received: 2000 }),
        record('https://huggingface.co/a', { received: 1000 }),
        record('https://huggingface.co/b', { received: 500 }),
        record('https://zimu.app/a.js', { received: 10 }),
        record('https://zimu.app/b.js', { source: 'service-worker', received: 99 }),
        record('https://other.example/x', { source: 'service-worker', blocked: true }),
      ],
      known,
    );
    expect(groups.map((g) => [g.destination, g.origin, g.requests, g.sent, g.received, g.blocked])).toEqual([
      ['app', 'https://zimu.app', 1, 0, 10, 0],
      ['model-host', 'https://huggingface.co', 2, 0, 1500, 0],
      ['ai-endpoint', 'https://api.deepseek.com', 1, 300, 2000, 0],
      ['other', 'https://other.example', 1, 0, 0, 1],
    ]);
  });

  it('measures request bodies in bytes', () => {
    expect(bodySize(undefined)).toBe(0);
    expect(bodySize('字幕')).toBe(6);
    expect(bodySize(new Uint8Array(7))).toBe(7);
    expect(bodySize(new Blob(['abc']))).toBe(3);
    expect(bodySize(new URLSearchParams({ a: 'b' }))).toBe(3);
  });
});
