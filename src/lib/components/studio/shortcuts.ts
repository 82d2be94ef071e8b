import type { studioEn } from '../../i18n/messages/studio.en.ts';

/** Everything the studio can do from the keyboard (and, most of it, from the toolbar). */
export type StudioAction =
  | 'undo'
  | 'redo'
  | 'split'
  | 'merge-next'
  | 'merge-previous'
  | 'insert'
  | 'delete'
  | 'shift-all'
  | 'shift-from-here'
  | 'previous-cue'
  | 'next-cue'
  | 'loop'
  | 'find'
  | 'play-pause'
  | 'nudge-start-earlier'
  | 'nudge-start-later'
  | 'nudge-end-earlier'
  | 'nudge-end-later'
  | 'edit-text'
  | 'leave'
  | 'help';

/**
 * Where the key was pressed: a cue's text box (`cue-text`), another text field (`field`: find,
 * time, shift), a button or the video (`control`), or anywhere else in the studio (`other`).
 */
export type KeyContext = 'cue-text' | 'field' | 'control' | 'other';

/** One key combination. `key` is a lower-case letter or a `KeyboardEvent.key` name. */
export interface KeyChord {
  readonly key: string;
  /** Ctrl, or ⌘ on a Mac (either is accepted on both). */
  readonly mod?: boolean;
  readonly alt?: boolean;
  readonly shift?: boolean;
  /** Shift is part of typing the key itself (`?`), so it is not checked. */
  readonly anyShift?: boolean;
  /** Where the chord works; see the groups below. */
  readonly in: readonly KeyContext[];
}

export interface Shortcut {
  readonly action: StudioAction;
  readonly keys: readonly KeyChord[];
  readonly description: keyof typeof studioEn;
}

/** Everywhere, typing included: the chord can't be text. */
const EVERYWHERE: readonly KeyContext[] = ['cue-text', 'field', 'control', 'other'];
/** Everywhere but other text fields, whose own undo and word-jumps must keep working. */
const EDITING: readonly KeyContext[] = ['cue-text', 'control', 'other'];
/** Not while typing: Alt+arrows move by word on a Mac, Alt+Backspace deletes a word. */
const OUTSIDE_TEXT: readonly KeyContext[] = ['control', 'other'];
/** Only on a row or the studio itself: Space and Enter press a focused button or play the video. */
const PLAIN: readonly KeyContext[] = ['other'];

/**
 * Every binding, in the order the help sheet lists them. Alt+letter rather than Ctrl+letter:
 * Ctrl+S, Ctrl+M, Ctrl+I and Ctrl+L are taken by browsers. Letters match by physical key when
 * Alt is held, because on a Mac Option+S types "ß".
 */
export const SHORTCUTS: readonly Shortcut[] = [
  { action: 'play-pause', keys: [{ key: ' ', in: PLAIN }], description: 'studio.shortcut.play-pause' },
  { action: 'undo', keys: [{ key: 'z', mod: true, in: EDITING }], description: 'studio.shortcut.undo' },
  {
    action: 'redo',
    keys: [
      { key: 'z', mod: true, shift: true, in: EDITING },
      { key: 'y', mod: true, in: EDITING },
    ],
    description: 'studio.shortcut.redo',
  },
  // Plain arrows too on a row: the list is one tab stop, and arrows move within it.
  {
    action: 'previous-cue',
    keys: [
      { key: 'ArrowUp', alt: true, in: EDITING },
      { key: 'ArrowUp', in: PLAIN },
    ],
    description: 'studio.shortcut.previous-cue',
  },
  {
    action: 'next-cue',
    keys: [
      { key: 'ArrowDown', alt: true, in: EDITING },
      { key: 'ArrowDown', in: PLAIN },
    ],
    description: 'studio.shortcut.next-cue',
  },
  { action: 'edit-text', keys: [{ key: 'Enter', in: PLAIN }], description: 'studio.shortcut.edit-text' },
  { action: 'leave', keys: [{ key: 'Escape', in: EVERYWHERE }], description: 'studio.shortcut.leave' },
  { action: 'split', keys: [{ key: 's', alt: true, in: EDITING }], description: 'studio.shortcut.split' },
  { action: 'merge-next', keys: [{ key: 'm', alt: true, in: EDITING }], description: 'studio.shortcut.merge-next' },
  { action: 'merge-previous', keys: [{ key: 'm', alt: true, shift: true, in: EDITING }], description: 'studio.shortcut.merge-previous' },
  { action: 'insert', keys: [{ key: 'i', alt: true, in: EDITING }], description: 'studio.shortcut.insert' },
  {
    action: 'delete',
    keys: [
      { key: 'Delete', alt: true, in: EDITING },
      { key: 'Backspace', alt: true, in: OUTSIDE_TEXT },
    ],
    description: 'studio.shortcut.delete',
  },
  { action: 'nudge-start-earlier', keys: [{ key: 'ArrowLeft', alt: true, in: OUTSIDE_TEXT }], description: 'studio.shortcut.nudge-start-earlier' },
  { action: 'nudge-start-later', keys: [{ key: 'ArrowRight', alt: true, in: OUTSIDE_TEXT }], description: 'studio.shortcut.nudge-start-later' },
  {
    action: 'nudge-end-earlier',
    keys: [{ key: 'ArrowLeft', alt: true, shift: true, in: OUTSIDE_TEXT }],
    description: 'studio.shortcut.nudge-end-earlier',
  },
  {
    action: 'nudge-end-later',
    keys: [{ key: 'ArrowRight', alt: true, shift: true, in: OUTSIDE_TEXT }],
    description: 'studio.shortcut.nudge-end-later',
  },
  { action: 'loop', keys: [{ key: 'l', alt: true, in: EDITING }], description: 'studio.shortcut.loop' },
  { action: 'find', keys: [{ key: 'f', mod: true, in: EVERYWHERE }], description: 'studio.shortcut.find' },
  { action: 'help', keys: [{ key: '?', anyShift: true, in: OUTSIDE_TEXT }], description: 'studio.shortcut.help' },
];

/** The parts of a KeyboardEvent a shortcut looks at. */
export interface KeyLike {
  readonly key: string;
  readonly code: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
  readonly shiftKey: boolean;
}

/** The parts of an element that say what kind of key target it is. */
export interface TargetLike {
  readonly tagName: string;
  readonly isContentEditable?: boolean;
  readonly type?: string;
  /** `data-cue-text` on the cue text boxes. */
  readonly cueText?: boolean;
}

const NON_TEXT_INPUTS = new Set(['button', 'checkbox', 'radio', 'range', 'color', 'file', 'submit', 'reset', 'image']);

/**
 * What kind of place a key was pressed in.
 *
 * @example
 * keyContext({ tagName: 'TEXTAREA', cueText: true }); // 'cue-text'
 * keyContext({ tagName: 'INPUT', type: 'checkbox' }); // 'control'
 */
export function keyContext(target: TargetLike): KeyContext {
  const tag = target.tagName.toUpperCase();
  if (target.cueText) return 'cue-text';
  if (tag === 'TEXTAREA' || target.isContentEditable) return 'field';
  if (tag === 'INPUT') return NON_TEXT_INPUTS.has((target.type ?? 'text').toLowerCase()) ? 'control' : 'field';
  if (['BUTTON', 'SELECT', 'A', 'SUMMARY', 'VIDEO', 'AUDIO'].includes(tag)) return 'control';
  return 'other';
}

/**
 * The action a key press asks for in this context, or undefined.
 *
 * @example
 * actionForKey({ key: 'ß', code: 'KeyS', altKey: true, ctrlKey: false, metaKey: false, shiftKey: false }, 'cue-text'); // 'split'
 */
export function actionForKey(event: KeyLike, context: KeyContext): StudioAction | undefined {
  return SHORTCUTS.find((shortcut) => shortcut.keys.some((chord) => matches(chord, event, context)))?.action;
}

/** The first chord bound to an action, for a button's tooltip. */
export function chordFor(action: StudioAction): KeyChord | undefined {
  return SHORTCUTS.find((shortcut) => shortcut.action === action)?.keys[0];
}

/**
 * What Enter and Esc mean in a one-line edit box (a cue's time, the find field): save, or put
 * it back as it was. Shift+Enter is left alone.
 *
 * @example
 * fieldKey({ key: 'Escape', … }); // 'cancel'
 */
export function fieldKey(event: KeyLike): 'commit' | 'cancel' | undefined {
  if (event.ctrlKey || event.metaKey || event.altKey || event.shiftKey) return undefined;
  if (event.key === 'Enter') return 'commit';
  return event.key === 'Escape' ? 'cancel' : undefined;
}

/** Whether the platform labels its keys ⌘ ⌥ ⇧ (from `navigator.platform`; display only, matching accepts both). */
export function isApplePlatform(platform: string): boolean {
  return /Mac|iPhone|iPad|iPod/.test(platform);
}

const KEY_LABELS: Readonly<Record<string, string>> = {
  ArrowUp: '↑',
  ArrowDown: '↓',
  ArrowLeft: '←',
  ArrowRight: '→',
  Escape: 'Esc',
  Delete: 'Del',
  Backspace: '⌫',
};

/**
 * A chord as the platform writes it: `Ctrl+Shift+Z` elsewhere, `⌘⇧Z` on a Mac. `space` is the
 * translated name of the space bar.
 *
 * @example
 * formatChord({ key: 'm', alt: true, shift: true, in: [] }, false, 'Space'); // 'Alt+Shift+M'
 */
export function formatChord(chord: KeyChord, apple: boolean, space: string): string {
  const key = chord.key === ' ' ? space : (KEY_LABELS[chord.key] ?? (chord.key.length === 1 ? chord.key.toUpperCase() : chord.key));
  const parts = [
    chord.mod ? (apple ? '⌘' : 'Ctrl') : '',
    chord.alt ? (apple ? '⌥' : 'Alt') : '',
    chord.shift ? (apple ? '⇧' : 'Shift') : '',
    key,
  ].filter((part) => part !== '');
  return parts.join(apple ? '' : '+');
}

function matches(chord: KeyChord, event: KeyLike, context: KeyContext): boolean {
  if (!chord.in.includes(context)) return false;
  if (Boolean(chord.mod) !== (event.ctrlKey || event.metaKey)) return false;
  if (Boolean(chord.alt) !== event.altKey) return false;
  if (!chord.anyShift && Boolean(chord.shift) !== event.shiftKey) return false;
  return /^[a-z]$/.test(chord.key) ? letterOf(event) === chord.key : event.key === chord.key;
}

/**
 * The letter a key stands for: what it types, or its physical key when Alt changes what it
 * types (Mac Option) or the layout is not Latin (Ctrl+Я is still Ctrl+Z, as browsers treat it).
 */
function letterOf(event: KeyLike): string | undefined {
  if (!event.altKey && /^[a-z]$/i.test(event.key)) return event.key.toLowerCase();
  return /^Key([A-Z])$/.exec(event.code)?.[1]?.toLowerCase();
}
