import { describe, expect, it } from 'vitest';
import { isSubtitleFileName, Project } from './project.svelte.ts';

const SRT = '1\n00:00:01,000 --> 00:00:02,500\nHello.\n\n2\n00:00:03,000 --> 00:00:04,500\nGoodbye.\n';

describe('Project', () => {
  it('imports a subtitle file as its transcript, without media, and exports it under the source name', async () => {
    const project = new Project();
    expect(await project.importSubtitles(new File([SRT], '讲座 第1课.srt'))).toBe(true);
    expect(project.origin).toBe('import');
    expect(project.file).toBeUndefined();
    expect(project.cues.map((c) => c.text)).toEqual(['Hello.', 'Goodbye.']);
    const srt = project.exportFile('srt', 'original');
    expect(srt).toMatchObject({ name: '讲座 第1课.srt', mime: 'application/x-subrip' });
    expect(srt.text).toBe(SRT);
    expect(project.canExport('translated')).toBe(false);
  });

  it('refuses a file that is not subtitles with a typed error and keeps what was open', async () => {
    const project = new Project();
    await project.importSubtitles(new File([SRT], 'a.srt'));
    const before = project.cues;
    expect(await project.importSubtitles(new File(['just some notes'], 'notes.srt'))).toBe(false);
    expect(project.importError?.code).toBe('not-subtitles');
    expect(project.cues).toBe(before);
    expect(project.name).toBe('a.srt');
  });

  it('reads its own JSON export back with translations attached, and writes them in every variant', async () => {
    const project = new Project();
    await project.importSubtitles(new File([SRT], 'talk.srt'));
    const [first, second] = project.cues;
    if (!first || !second) throw new Error('no cues');
    project.transcript.setTranslations([[first.id, '你好。'], [second.id, '再见。']], 'Simplified Chinese');
    const json = project.exportFile('json', 'bilingual');
    expect(json.name).toBe('talk.bilingual.zh-CN.json');

    const reopened = new Project();
    await reopened.importSubtitles(new File([json.text], 'talk.json'));
    expect(reopened.canExport('bilingual')).toBe(true);
    expect(reopened.transcript.translationLanguage).toBe('Simplified Chinese');
    expect(reopened.exportFile('srt', 'bilingual').text).toContain('Hello.\n你好。');
    expect(reopened.exportFile('srt', 'translated').name).toBe('talk.zh-CN.srt');
  });

  it('edits through the project go to the transcript, with undo', async () => {
    const project = new Project();
    await project.importSubtitles(new File([SRT], 'a.srt'));
    const first = project.cues[0];
    if (!first) throw new Error('no cue');
    project.apply({ type: 'set-text', id: first.id, text: 'Hi.' });
    expect(project.cues[0]?.text).toBe('Hi.');
    expect(project.canUndo).toBe(true);
    project.undo();
    expect(project.cues[0]?.text).toBe('Hello.');
  });

  it('knows subtitle files by name', () => {
    expect(['a.srt', 'b.VTT', 'c.ass', 'd.ssa', 'e.json'].every(isSubtitleFileName)).toBe(true);
    expect(['a.mp4', 'b.srt.mp4', 'srt'].some(isSubtitleFileName)).toBe(false);
  });
});
