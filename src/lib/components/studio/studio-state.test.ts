import { describe, expect, it } from 'vitest';
import type { Cue } from '../../subtitles/cue.ts';
import { createIdFactory } from '../../subtitles/edit/index.ts';
import { Transcript } from '../../state/transcript.svelte.ts';
import { StudioState } from './studio-state.svelte.ts';

const cue = (start: number, end: number, text: string): Cue => ({ start, end, text });

/** A studio over c1 [0,2] "one two", c2 [3,5] "three four", c3 [6,8] "five"; `time` is the playhead. */
function setup() {
  const project = new Transcript({ ids: createIdFactory(), now: () => 0 });
  project.load([cue(0, 2, 'one two'), cue(3, 5, 'three four'), cue(6, 8, 'five')]);
  const player = { time: 0, seeks: [] as number[], toggles: 0 };
  const studio = new StudioState({
    project: () => project,
    time: () => player.time,
    seek: (seconds) => {
      player.seeks.push(seconds);
      player.time = seconds;
    },
    playPause: () => player.toggles++,
  });
  const texts = (): string[] => project.cues.map((c) => c.text);
  return { project, player, studio, texts };
}

describe('StudioState: what actions work on', () => {
  it('targets the selected cue, else the one under the playhead', () => {
    const { studio, player } = setup();
    expect(studio.targetIndex()).toBe(0);
    player.time = 2.5;
    expect(studio.targetIndex()).toBe(-1);
    expect(studio.can('delete')).toBe(false);
    studio.selectedId = 'c3';
    expect(studio.targetIndex()).toBe(2);
    expect(studio.can('merge-next')).toBe(false);
    expect(studio.can('merge-previous')).toBe(true);
  });

  it('enables undo and redo with the history', () => {
    const { studio } = setup();
    expect(studio.can('undo')).toBe(false);
    studio.run('merge-next');
    expect(studio.can('undo')).toBe(true);
    studio.run('undo');
    expect(studio.can('redo')).toBe(true);
  });
});

describe('StudioState: edits', () => {
  it('splits at the playhead and selects the second half', () => {
    const { studio, player, texts } = setup();
    player.time = 1;
    studio.run('split');
    expect(texts()).toEqual(['one', 'two', 'three four', 'five']);
    expect(studio.selectedId).toBe('c4');
    player.time = 2.5;
    studio.selectedId = undefined;
    expect(studio.can('split')).toBe(false);
  });

  it('splits the text being edited at the caret and keeps editing the second half', () => {
    const { studio, texts } = setup();
    studio.edit('c2', 'text');
    studio.run('split', 6);
    expect(texts()).toEqual(['one two', 'three', 'four', 'five']);
    expect(studio.editing).toEqual({ id: 'c4', field: 'text' });
  });

  it('merges either way, keeping the earlier id selected', () => {
    const { studio, texts } = setup();
    studio.selectedId = 'c2';
    studio.run('merge-previous');
    expect(texts()).toEqual(['one two three four', 'five']);
    expect(studio.selectedId).toBe('c1');
    studio.run('merge-next');
    expect(texts()).toEqual(['one two three four five']);
  });

  it('inserts an empty cue after the target and starts typing in it', () => {
    const { studio, project } = setup();
    studio.selectedId = 'c3';
    studio.run('insert');
    expect(project.cues.at(-1)).toMatchObject({ start: 8, end: 10, text: '' });
    expect(studio.editing).toEqual({ id: 'c4', field: 'text' });
    expect(studio.selectedId).toBe('c4');
  });

  it('deletes and selects the cue that took its place', () => {
    const { studio, texts } = setup();
    studio.selectedId = 'c2';
    studio.run('delete');
    expect(texts()).toEqual(['one two', 'five']);
    expect(studio.selectedId).toBe('c3');
    studio.run('delete');
    expect(studio.selectedId).toBe('c1');
  });

  it('keeps a refused edit’s reason, and clears it on the next success', () => {
    const { studio, project } = setup();
    studio.selectedId = 'c2';
    for (let i = 0; i < 12; i++) studio.run('nudge-start-earlier'); // the tenth reaches c1's end
    expect(project.cue('c2')?.start).toBe(2);
    expect(studio.error).toEqual({ code: 'overlaps-neighbour' });
    studio.run('nudge-end-later');
    expect(project.cue('c2')?.end).toBe(5.1);
    expect(studio.error).toBeUndefined();
  });

  it('shifts all or from the target by the amount in the field', () => {
    const { studio, project } = setup();
    studio.shiftSeconds = 0.5;
    studio.selectedId = 'c2';
    studio.run('shift-from-here');
    expect(project.cues.map((c) => c.start)).toEqual([0, 3.5, 6.5]);
    studio.shiftSeconds = -10;
    studio.run('shift-all');
    expect(project.cues.map((c) => c.start)).toEqual([0, 3.5, 6.5]); // already at 0: nothing moves
    studio.shiftSeconds = Number.NaN;
    expect(studio.can('shift-all')).toBe(false);
  });

  it('forgets an edit whose cue an undo took away', () => {
    const { studio } = setup();
    studio.selectedId = 'c3';
    studio.run('insert');
    expect(studio.editing?.id).toBe('c4');
    studio.run('undo');
    expect(studio.editing).toBeUndefined();
    expect(studio.selectedId).toBe('c3');
  });
});

describe('StudioState: moving and playing', () => {
  it('steps through cues, seeking to each, and carries text editing along', () => {
    const { studio, player } = setup();
    player.time = 2.5;
    studio.run('next-cue');
    expect(studio.selectedId).toBe('c2');
    studio.run('edit-text');
    studio.run('next-cue');
    expect(studio.editing).toEqual({ id: 'c3', field: 'text' });
    studio.run('next-cue');
    expect(studio.selectedId).toBe('c3');
    studio.run('previous-cue');
    expect(player.seeks).toEqual([3, 6, 6, 3]);
  });

  it('steps back from a gap to the cue before it', () => {
    const { studio, player } = setup();
    player.time = 5.5;
    studio.run('previous-cue');
    expect(studio.selectedId).toBe('c2');
  });

  it('loops the selected cue while playing, not after a seek away', () => {
    const { studio, player } = setup();
    player.time = 3.5;
    studio.run('loop');
    expect(studio.loop).toBe(true);
    expect(studio.selectedId).toBe('c2');
    studio.tick(4.9);
    studio.tick(5.1);
    expect(player.seeks).toEqual([3]);
    studio.tick(3.2);
    studio.tick(30);
    studio.tick(30.2);
    expect(player.seeks).toEqual([3]);
    studio.run('loop');
    studio.tick(4.9);
    studio.tick(5.1);
    expect(player.seeks).toEqual([3]);
  });

  it('plays and pauses through the host, and follows playback unless editing', () => {
    const { studio, player } = setup();
    studio.run('play-pause');
    expect(player.toggles).toBe(1);
    expect(studio.followsPlayback(true)).toBe(true);
    studio.edit('c1', 'start');
    expect(studio.followsPlayback(true)).toBe(false);
  });

  it('leaves editing first, then the open panel', () => {
    const { studio } = setup();
    studio.run('find');
    studio.edit('c1', 'text');
    studio.run('leave');
    expect(studio.editing).toBeUndefined();
    expect(studio.panel).toBe('find');
    studio.run('leave');
    expect(studio.panel).toBeUndefined();
    studio.run('help');
    expect(studio.panel).toBe('shortcuts');
    studio.run('help');
    expect(studio.panel).toBeUndefined();
  });

  it('stops editing a row only when it is the one being edited', () => {
    const { studio } = setup();
    studio.edit('c2', 'text');
    studio.stopEditing('c1');
    expect(studio.editing?.id).toBe('c2');
    studio.stopEditing('c2', 'start');
    expect(studio.editing?.id).toBe('c2');
    studio.stopEditing('c2', 'text');
    expect(studio.editing).toBeUndefined();
  });
});

describe('FindState', () => {
  it('counts matches, steps through them and replaces all as one undo step', () => {
    const { studio, project } = setup();
    studio.find.text = 'o';
    expect(studio.find.count).toBe(3);
    expect(studio.find.cueCount).toBe(2);
    expect(studio.find.nextMatch(undefined)).toBe('c1');
    expect(studio.find.nextMatch('c1')).toBe('c2');
    expect(studio.find.nextMatch('c2')).toBe('c1');
    studio.find.replacement = '0';
    expect(studio.find.replaceAll()).toEqual({ ok: true, count: 2 });
    expect(project.cues.map((c) => c.text)).toEqual(['0ne tw0', 'three f0ur', 'five']);
    expect(studio.find.count).toBe(0);
    project.undo();
    expect(project.cues[0]?.text).toBe('one two');
  });

  it('reports an invalid regex instead of throwing', () => {
    const { studio } = setup();
    studio.find.regex = true;
    studio.find.text = '(';
    expect(studio.find.error).toMatch(/./);
    expect(studio.find.count).toBe(0);
    expect(studio.find.replaceAll().ok).toBe(false);
    studio.find.regex = false;
    expect(studio.find.error).toBeUndefined();
    expect(studio.find.count).toBe(0);
  });

  it('honours case and whole words', () => {
    const { studio } = setup();
    studio.find.text = 'ONE';
    expect(studio.find.count).toBe(1);
    studio.find.caseSensitive = true;
    expect(studio.find.count).toBe(0);
    studio.find.caseSensitive = false;
    studio.find.text = 'on';
    studio.find.wholeWord = true;
    expect(studio.find.count).toBe(0);
  });
});
