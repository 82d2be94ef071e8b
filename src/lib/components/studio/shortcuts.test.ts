import { describe, expect, it } from 'vitest';
import { studioEn } from '../../i18n/messages/studio.en.ts';
import { actionForKey, chordFor, fieldKey, formatChord, isApplePlatform, keyContext, SHORTCUTS, type KeyContext, type KeyLike } from './shortcuts.ts';

/** A key press: `key` as typed, the physical `code` derived for letters unless given. */
function press(key: string, modifiers: Partial<Omit<KeyLike, 'key'>> = {}): KeyLike {
  const code = modifiers.code ?? (/^[a-z]$/i.test(key) ? `Key${key.toUpperCase()}` : key);
  return { key, code, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...modifiers };
}

describe('keyboard shortcuts', () => {
  it('maps the editing chords', () => {
    expect(actionForKey(press('z', { ctrlKey: true }), 'other')).toBe('undo');
    expect(actionForKey(press('z', { metaKey: true }), 'cue-text')).toBe('undo');
    expect(actionForKey(press('Z', { ctrlKey: true, shiftKey: true }), 'other')).toBe('redo');
    expect(actionForKey(press('y', { ctrlKey: true }), 'other')).toBe('redo');
    expect(actionForKey(press('s', { altKey: true }), 'cue-text')).toBe('split');
    expect(actionForKey(press('m', { altKey: true }), 'other')).toBe('merge-next');
    expect(actionForKey(press('M', { altKey: true, shiftKey: true }), 'other')).toBe('merge-previous');
    expect(actionForKey(press('i', { altKey: true }), 'other')).toBe('insert');
    expect(actionForKey(press('Delete', { altKey: true }), 'cue-text')).toBe('delete');
    expect(actionForKey(press('ArrowDown', { altKey: true }), 'cue-text')).toBe('next-cue');
    expect(actionForKey(press('ArrowUp', { altKey: true }), 'other')).toBe('previous-cue');
    expect(actionForKey(press('l', { altKey: true }), 'other')).toBe('loop');
    expect(actionForKey(press('f', { ctrlKey: true }), 'field')).toBe('find');
  });

  it('moves between rows with plain arrows on a row, not in text', () => {
    expect(actionForKey(press('ArrowDown'), 'other')).toBe('next-cue');
    expect(actionForKey(press('ArrowUp'), 'other')).toBe('previous-cue');
    expect(actionForKey(press('ArrowDown'), 'cue-text')).toBeUndefined();
    expect(actionForKey(press('ArrowDown'), 'control')).toBeUndefined();
  });

  it('reads Enter and Esc in one-line edit boxes', () => {
    expect(fieldKey(press('Enter'))).toBe('commit');
    expect(fieldKey(press('Escape'))).toBe('cancel');
    expect(fieldKey(press('Enter', { shiftKey: true }))).toBeUndefined();
    expect(fieldKey(press('a'))).toBeUndefined();
  });

  it('nudges with Alt+arrows, the end with Shift', () => {
    expect(actionForKey(press('ArrowLeft', { altKey: true }), 'other')).toBe('nudge-start-earlier');
    expect(actionForKey(press('ArrowRight', { altKey: true }), 'control')).toBe('nudge-start-later');
    expect(actionForKey(press('ArrowLeft', { altKey: true, shiftKey: true }), 'other')).toBe('nudge-end-earlier');
    expect(actionForKey(press('ArrowRight', { altKey: true, shiftKey: true }), 'other')).toBe('nudge-end-later');
  });

  it('matches letters by physical key when Alt changes them or the layout is not Latin', () => {
    expect(actionForKey(press('ß', { altKey: true, code: 'KeyS' }), 'other')).toBe('split');
    expect(actionForKey(press('µ', { altKey: true, code: 'KeyM' }), 'other')).toBe('merge-next');
    expect(actionForKey(press('я', { ctrlKey: true, code: 'KeyZ' }), 'other')).toBe('undo');
    // AZERTY: the key typing "z" is where QWERTY has W; what it types wins.
    expect(actionForKey(press('z', { ctrlKey: true, code: 'KeyW' }), 'other')).toBe('undo');
  });

  it('leaves typing alone: plain keys only outside text, word-jumps and field undo stay native', () => {
    expect(actionForKey(press(' '), 'other')).toBe('play-pause');
    expect(actionForKey(press(' '), 'cue-text')).toBeUndefined();
    expect(actionForKey(press(' '), 'control')).toBeUndefined();
    expect(actionForKey(press('Enter'), 'other')).toBe('edit-text');
    expect(actionForKey(press('Enter'), 'cue-text')).toBeUndefined();
    expect(actionForKey(press('?', { shiftKey: true }), 'other')).toBe('help');
    expect(actionForKey(press('?', { shiftKey: true }), 'cue-text')).toBeUndefined();
    expect(actionForKey(press('ArrowLeft', { altKey: true }), 'cue-text')).toBeUndefined();
    expect(actionForKey(press('Backspace', { altKey: true }), 'cue-text')).toBeUndefined();
    expect(actionForKey(press('z', { ctrlKey: true }), 'field')).toBeUndefined();
    expect(actionForKey(press('Escape'), 'field')).toBe('leave');
    expect(actionForKey(press('s'), 'other')).toBeUndefined();
  });

  it('needs the exact modifiers', () => {
    expect(actionForKey(press('s', { altKey: true, ctrlKey: true }), 'other')).toBeUndefined(); // AltGr types characters
    expect(actionForKey(press('z', { ctrlKey: true, altKey: true }), 'other')).toBeUndefined();
    expect(actionForKey(press('ArrowDown', { altKey: true, shiftKey: true }), 'other')).toBeUndefined();
  });

  it('binds each key once per context, and describes every action', () => {
    const contexts: KeyContext[] = ['cue-text', 'field', 'control', 'other'];
    const seen = new Set<string>();
    for (const shortcut of SHORTCUTS) {
      expect(studioEn[shortcut.description]).toBeTruthy();
      for (const chord of shortcut.keys) {
        for (const context of chord.in.filter((c) => contexts.includes(c))) {
          const id = `${context} ${chord.mod} ${chord.alt} ${chord.shift} ${chord.key}`;
          expect(seen.has(id), id).toBe(false);
          seen.add(id);
        }
      }
    }
    expect(new Set(SHORTCUTS.map((s) => s.action)).size).toBe(SHORTCUTS.length);
  });

  it('tells text boxes, fields and controls apart', () => {
    expect(keyContext({ tagName: 'TEXTAREA', cueText: true })).toBe('cue-text');
    expect(keyContext({ tagName: 'TEXTAREA' })).toBe('field');
    expect(keyContext({ tagName: 'INPUT', type: 'number' })).toBe('field');
    expect(keyContext({ tagName: 'INPUT' })).toBe('field');
    expect(keyContext({ tagName: 'INPUT', type: 'checkbox' })).toBe('control');
    expect(keyContext({ tagName: 'BUTTON' })).toBe('control');
    expect(keyContext({ tagName: 'VIDEO' })).toBe('control');
    expect(keyContext({ tagName: 'DIV', isContentEditable: true })).toBe('field');
    expect(keyContext({ tagName: 'LI' })).toBe('other');
  });

  it('writes chords the way each platform does', () => {
    const redo = SHORTCUTS.find((s) => s.action === 'redo')?.keys[0];
    expect(redo && formatChord(redo, false, 'Space')).toBe('Ctrl+Shift+Z');
    expect(redo && formatChord(redo, true, 'Space')).toBe('⌘⇧Z');
    expect(formatChord({ key: 'ArrowUp', alt: true, in: [] }, false, 'Space')).toBe('Alt+↑');
    expect(formatChord({ key: ' ', in: [] }, false, '空格')).toBe('空格');
    expect(formatChord({ key: '?', anyShift: true, in: [] }, true, 'Space')).toBe('?');
    expect(chordFor('split')).toMatchObject({ key: 's', alt: true });
    expect(isApplePlatform('MacIntel')).toBe(true);
    expect(isApplePlatform('Win32')).toBe(false);
  });
});
