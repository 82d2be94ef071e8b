import type { RunSettings } from './job.svelte.ts';
import type { QueueOutcome, QueueRunner } from './queue.svelte.ts';
import type { Session } from './session.svelte.ts';

/**
 * The queue's runner on the app's own session: each file opens as the current project (so the
 * studio shows it live and the library keeps it), with the shared run settings and the file's own
 * overrides. A file with several audio tracks takes the suggested one, as nobody is asked.
 */
export function sessionQueueRunner(session: Session, runSettings: () => Promise<RunSettings>): QueueRunner {
  return {
    async run(file, overrides): Promise<QueueOutcome> {
      const shared = await runSettings();
      const settings = overrides.language === undefined ? shared : { ...shared, language: overrides.language || undefined };
      await session.openQueued(file, settings);
      const { project } = session;
      const job = project.transcription;
      if (job.status === 'choosing-track') await job.chooseTrack(job.suggestedTrack);
      await session.saveNow();
      const status = job.status === 'done' ? 'done' : job.status === 'cancelled' ? 'cancelled' : 'failed';
      const subtitles = status === 'done' && project.canExport('original') ? project.exportFile('srt', 'original') : undefined;
      return {
        status,
        cues: project.cues.length,
        projectId: project.origin === 'none' ? undefined : project.id,
        ...(job.error ? { error: job.error } : {}),
        ...(subtitles ? { subtitles: { name: subtitles.name, text: subtitles.text } } : {}),
      };
    },
    cancel: () => session.project.transcription.cancel(),
  };
}
