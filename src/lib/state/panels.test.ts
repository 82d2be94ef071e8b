import { describe, expect, it } from 'vitest';
import { OpenPanels, PANEL_NAMES } from './panels.svelte.ts';

describe('OpenPanels', () => {
  it('opens and closes each panel on its own', () => {
    const panels = new OpenPanels();
    expect(PANEL_NAMES.filter((name) => panels.isOpen(name))).toEqual([]);
    panels.toggle('settings');
    panels.show('queue');
    panels.show('queue');
    expect(PANEL_NAMES.filter((name) => panels.isOpen(name))).toEqual(['settings', 'queue']);
    panels.toggle('settings');
    panels.close('queue');
    panels.close('library');
    expect(PANEL_NAMES.filter((name) => panels.isOpen(name))).toEqual([]);
  });
});
