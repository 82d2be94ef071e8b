import type { Cue } from '../subtitles/cue.ts';
import { shownText, type ExportVariant } from '../subtitles/formats/export-document.ts';

/** What the video preview's subtitles show: the transcript, its translation, or both. */
export type PreviewTextMode = ExportVariant;
export const PREVIEW_TEXT_MODES: readonly PreviewTextMode[] = ['original', 'translated', 'bilingual'];

/** Where the choice is kept for this tab's session (tests pass a Map-backed one). */
export type ChoiceStorage = Pick<Storage, 'getItem' | 'setItem'>;

const KEY = 'zimu-preview-text';

function isMode(value: unknown): value is PreviewTextMode {
  return PREVIEW_TEXT_MODES.some((mode) => mode === value);
}

/** sessionStorage where the browser allows it: blocked storage just means the choice is not remembered. */
function sessionChoices(): ChoiceStorage | undefined {
  try {
    return globalThis.sessionStorage;
  } catch {
    return undefined;
  }
}

/**
 * The preview's subtitle choice (原文 / 译文 / 双语), remembered for the tab's session. The choice
 * applies only once there is a translation: until then the preview shows the original.
 *
 * @example
 * const text = new PreviewText();
 * text.choose('bilingual');
 * const cues = previewCues(project.cues, (id) => project.translationOf(id)?.text, text.shown(true));
 */
export class PreviewText {
  chosen = $state<PreviewTextMode>('original');
  readonly #storage: ChoiceStorage | undefined;

  constructor(storage: ChoiceStorage | undefined = sessionChoices()) {
    this.#storage = storage;
    const stored = this.#read();
    if (isMode(stored)) this.chosen = stored;
  }

  /** What the preview shows: the choice once a translation exists, else the original. */
  shown(hasTranslation: boolean): PreviewTextMode {
    return hasTranslation ? this.chosen : 'original';
  }

  choose(mode: PreviewTextMode): void {
    this.chosen = mode;
    try {
      this.#storage?.setItem(KEY, mode);
    } catch {
      // storage full or blocked: the choice holds for this page
    }
  }

  #read(): string | null {
    try {
      return this.#storage?.getItem(KEY) ?? null;
    } catch {
      return null;
    }
  }
}

/**
 * The cues the preview's text track shows in a mode: each cue's time with the mode's text (a cue
 * not translated keeps its original, as in the exports). Pure.
 *
 * @example
 * previewCues([{ id: 'c1', start: 0, end: 1, text: 'Hi' }], () => '你好', 'bilingual'); // [{ start: 0, end: 1, text: 'Hi\n你好' }]
 */
export function previewCues<C extends Cue & { readonly id: string }>(cues: readonly C[], translationOf: (id: string) => string | undefined, mode: PreviewTextMode): readonly Cue[] {
  if (mode === 'original') return cues;
  return cues.map((cue) => ({ start: cue.start, end: cue.end, text: shownText({ text: cue.text, translation: translationOf(cue.id) }, mode) }));
}
