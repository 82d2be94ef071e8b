import { describe, expect, it } from 'vitest';
import { ThemeState, type ThemeStorage } from './theme.svelte.ts';

function memory(initial: Record<string, string> = {}): ThemeStorage & { data: Record<string, string> } {
  const data = { ...initial };
  return { data, getItem: (key) => data[key] ?? null, setItem: (key, value) => void (data[key] = value) };
}

const root = (): { dataset: Record<string, string | undefined> } => ({ dataset: {} });

describe('ThemeState', () => {
  it('follows the system until a scheme is picked, then remembers it', () => {
    const storage = memory();
    const html = root();
    const theme = new ThemeState(storage, html);
    expect(theme.choice).toBe('system');
    expect(html.dataset.theme).toBeUndefined();
    theme.choose('dark');
    expect(html.dataset.theme).toBe('dark');
    expect(storage.data['zimu-theme']).toBe('dark');
    theme.choose('system');
    expect('theme' in html.dataset).toBe(false);
  });

  it('applies the stored choice at once, and ignores what it does not know', () => {
    const html = root();
    expect(new ThemeState(memory({ 'zimu-theme': 'light' }), html).choice).toBe('light');
    expect(html.dataset.theme).toBe('light');
    const other = new ThemeState(memory({ 'zimu-theme': 'sepia' }), root());
    expect(other.choice).toBe('system');
    other.chooseNamed('dark');
    expect(other.choice).toBe('dark');
    other.chooseNamed('sepia');
    expect(other.choice).toBe('system');
  });

  it('works where storage is blocked', () => {
    const blocked: ThemeStorage = {
      getItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
      setItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
    };
    const html = root();
    const theme = new ThemeState(blocked, html);
    theme.choose('dark');
    expect(html.dataset.theme).toBe('dark');
  });
});
