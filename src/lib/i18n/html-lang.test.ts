import { afterEach, describe, expect, it, vi } from 'vitest';

/** A stand-in for `document`: only `<html lang>` is read. */
function stubDocument(lang = 'en'): { documentElement: { lang: string } } {
  const doc = { documentElement: { lang } };
  vi.stubGlobal('document', doc);
  return doc;
}

describe('<html lang>', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  it('is zh-CN from the start when Chinese is chosen from the browser languages', async () => {
    const doc = stubDocument();
    vi.stubGlobal('navigator', { languages: ['zh-TW', 'en'] });
    const { i18n } = await import('./i18n.svelte.ts');
    expect(i18n.locale).toBe('zh-CN');
    expect(doc.documentElement.lang).toBe('zh-CN');
  });

  it('follows a change of UI language', async () => {
    const doc = stubDocument();
    vi.stubGlobal('navigator', { languages: ['en-US'] });
    const { i18n } = await import('./i18n.svelte.ts');
    expect(doc.documentElement.lang).toBe('en');
    i18n.setLocale('zh-CN');
    expect(doc.documentElement.lang).toBe('zh-CN');
    i18n.setLocale('en');
    expect(doc.documentElement.lang).toBe('en');
  });
});
