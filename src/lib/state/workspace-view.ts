import type { JobStatus } from './job.svelte.ts';
import type { ProjectOrigin } from './project.svelte.ts';

/** What the main area shows: nothing yet, a failed run's error alone, or the project. */
export type WorkspaceView = 'empty' | 'failed' | 'work';

/**
 * A run that failed before any subtitle arrived has nothing to edit, play or export: only its
 * error and a way to choose another file are shown, not an empty workspace. A run that failed
 * later keeps its subtitles and the workspace around them. Pure.
 *
 * @example
 * workspaceView({ origin: 'recognition', status: 'failed', cueCount: 0 }); // 'failed'
 */
export function workspaceView(project: { readonly origin: ProjectOrigin; readonly status: JobStatus; readonly cueCount: number }): WorkspaceView {
  if (project.origin === 'none') return 'empty';
  if (project.origin === 'recognition' && project.status === 'failed' && project.cueCount === 0) return 'failed';
  return 'work';
}
