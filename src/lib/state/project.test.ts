import { describe, expect, it } from 'vitest';
import { parseSavedProject, type SavedProject } from '../storage/saved-project.ts';
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

describe('Project saving', () => {
  it('has nothing to save with nothing open', () => {
    expect(new Project().toSaved()).toBeUndefined();
  });

  it('saves imported subtitles as data that passes validation unchanged', async () => {
    const project = new Project();
    await project.importSubtitles(new File([SRT], 'talk.srt'));
    const [first] = project.cues;
    if (!first) throw new Error('no cue');
    project.transcript.setTranslations([[first.id, '你好。']], 'Simplified Chinese');
    const saved = project.toSaved(5000);
    expect(saved).toMatchObject({ version: 1, id: project.id, name: 'talk.srt', origin: 'import', updatedAt: 5000, createdAt: project.createdAt });
    expect(saved?.media).toBeUndefined();
    expect(saved?.recognition).toBeUndefined();
    // Through structured data, as IndexedDB and the export file keep it.
    expect(parseSavedProject(JSON.parse(JSON.stringify(saved)))).toEqual(saved);
  });

  it('restores what it saved on a new project: cues, translations, summary, name, id and origin', async () => {
    const project = new Project();
    await project.importSubtitles(new File([SRT], 'talk.srt'));
    const [first, second] = project.cues;
    if (!first || !second) throw new Error('no cues');
    project.apply({ type: 'set-text', id: second.id, text: 'Bye.' });
    project.transcript.setTranslations([[first.id, '你好。'], [second.id, '再见。']], 'Simplified Chinese');
    project.summary.restoreAccepted('# Greetings', project.cues);
    const saved = parseSavedProject(JSON.parse(JSON.stringify(project.toSaved())));
    if (!saved) throw new Error('the save did not validate');

    const reopened = new Project();
    reopened.restoreSaved(saved);
    expect(reopened.cues).toEqual(project.cues);
    expect([...reopened.transcript.translations]).toEqual([...project.transcript.translations]);
    expect(reopened.transcript.translationLanguage).toBe('Simplified Chinese');
    expect(reopened.isTranslationStale(second.id)).toBe(false);
    expect(reopened.summary.accepted).toBe('# Greetings');
    expect([reopened.name, reopened.id, reopened.origin, reopened.createdAt]).toEqual(['talk.srt', project.id, 'import', project.createdAt]);
    expect(reopened.file).toBeUndefined();
    expect(reopened.canUndo).toBe(false);
    expect(reopened.toSaved(saved.updatedAt)).toEqual(saved);
  });

  it('gives cues made after a restore ids that do not collide with the restored ones', async () => {
    const project = new Project();
    await project.importSubtitles(new File([SRT], 'talk.srt'));
    const saved = project.toSaved();
    if (!saved) throw new Error('nothing saved');
    const restoredIds = saved.transcript.cues.map((cue) => cue.id);

    const reopened = new Project(); // its own id counter starts from the beginning
    reopened.restoreSaved(saved);
    const [first, second] = reopened.cues;
    if (!first || !second) throw new Error('no cues');
    expect(reopened.apply({ type: 'insert', after: null, start: 0, end: 0.5, text: 'Before.' }).changed).toBe(true);
    expect(reopened.apply({ type: 'insert', after: second.id, start: 5, end: 6, text: 'After.' }).changed).toBe(true);
    const ids = reopened.cues.map((cue) => cue.id);
    expect(reopened.cues).toHaveLength(4);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => !restoredIds.includes(id))).toHaveLength(2);
    expect(ids).toContain(first.id);
  });

  /** A Chinese recognition saved complete by an earlier visit, with the flat settings it ran with. */
  const recognised: SavedProject = {
    version: 1,
    id: 'recognised',
    name: 'talk.mp4',
    createdAt: 1000,
    updatedAt: 2000,
    origin: 'recognition',
    media: { name: 'talk.mp4', size: 18, lastModified: 0, hash: 'a'.repeat(64), duration: 4 },
    transcript: { cues: [{ id: 'c1', revision: 0, start: 0, end: 2, text: '大家好。' }], translations: [], translationLanguage: '' },
    recognition: { settingsKey: 'key', recognisedUntil: 4, duration: 4, complete: true, detectedLanguage: 'zh', languageProbability: 0.97 },
    settings: { model: 'onnx-community/whisper-base', language: '', readability: 'auto' },
  };

  it('keeps what resuming needs when a reopened recognition is saved again', () => {
    const project = new Project();
    project.restoreSaved(recognised);
    project.apply({ type: 'set-text', id: 'c1', text: '大家好！' });
    const saved = project.toSaved(3000);
    expect(saved?.recognition).toEqual(recognised.recognition);
    expect(saved?.media).toEqual(recognised.media);
    expect(saved?.createdAt).toBe(1000);
  });

  // BUG: restoreSaved() forgets `saved.settings` (it only keeps `recognition`), and toSaved() writes
  // `settings` only from the settings of a run started in this session. So the first save after any
  // edit of a reopened project drops the run settings it was recognised with from storage for good.
  it('keeps the run settings it was recognised with when a reopened project is saved again', () => {
    const project = new Project();
    project.restoreSaved(recognised);
    project.apply({ type: 'set-text', id: 'c1', text: '大家好！' });
    expect(project.toSaved(3000)?.settings).toEqual(recognised.settings);
  });

  // BUG: restoreSaved() resets the transcription job, so `detectedLanguage` is gone and the job has
  // no run settings; `profile` ('auto' follows the spoken language) then falls back to the English
  // profile for a Chinese recognition. The editor's checks and "fix" (ProjectEditor.svelte) then cut
  // the reopened Chinese cues to English line lengths; the saved recognition knows the language.
  it('checks a reopened Chinese recognition against the Chinese readability profile', () => {
    const project = new Project();
    project.restoreSaved(recognised);
    expect(project.profile.id).toBe('netflix-zh-hans');
  });

  // BUG (same cause): the JSON export's "language" is the job's detected language, which a reopened
  // project no longer has, so exporting the same project before and after reopening differs.
  it('exports a reopened recognition with the language it was recognised in', () => {
    const project = new Project();
    project.restoreSaved(recognised);
    expect(project.exportFile('json', 'original').text).toContain('"language": "zh"');
  });
});
