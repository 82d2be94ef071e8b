import { describe, expect, it } from 'vitest';
import { FIRST_VISIT_KEY, FirstVisit, type FirstVisitStorage } from './first-visit.svelte.ts';

function memoryStorage(initial: Record<string, string> = {}): FirstVisitStorage & { readonly items: Map<string, string> } {
  const items = new Map(Object.entries(initial));
  return { items, getItem: (key) => items.get(key) ?? null, setItem: (key, value) => void items.set(key, value) };
}

const blocked: FirstVisitStorage = {
  getItem: () => {
    throw new DOMException('blocked', 'SecurityError');
  },
  setItem: () => {
    throw new DOMException('blocked', 'SecurityError');
  },
};

describe('FirstVisit', () => {
  it('is open on a first visit and closed on the next once dismissed', () => {
    const storage = memoryStorage();
    const first = new FirstVisit(storage);
    expect(first.open).toBe(true);
    first.dismiss();
    expect(first.open).toBe(false);
    expect(storage.items.get(FIRST_VISIT_KEY)).toBe('1');
    expect(new FirstVisit(storage).open).toBe(false);
  });

  it('opens again on request ("How it works") without forgetting that it was read', () => {
    const storage = memoryStorage({ [FIRST_VISIT_KEY]: '1' });
    const later = new FirstVisit(storage);
    expect(later.open).toBe(false);
    later.show();
    expect(later.open).toBe(true);
    later.dismiss();
    expect(new FirstVisit(storage).open).toBe(false);
  });

  it('with storage blocked or missing, shows each visit and never throws', () => {
    const none = new FirstVisit(undefined);
    expect(none.open).toBe(true);
    none.dismiss();
    expect(none.open).toBe(false);
    const refused = new FirstVisit(blocked);
    expect(refused.open).toBe(true);
    expect(() => refused.dismiss()).not.toThrow();
    expect(refused.open).toBe(false);
  });
});
