import { describe, expect, it } from 'vitest';
import { workspaceView } from './workspace-view.ts';

describe('workspaceView', () => {
  it('shows only the failure when a run failed before any subtitle', () => {
    expect(workspaceView({ origin: 'recognition', status: 'failed', cueCount: 0 })).toBe('failed');
  });

  it('keeps the workspace when the failed run left subtitles, and while a run goes on or is done', () => {
    expect(workspaceView({ origin: 'recognition', status: 'failed', cueCount: 3 })).toBe('work');
    expect(workspaceView({ origin: 'recognition', status: 'running', cueCount: 0 })).toBe('work');
    expect(workspaceView({ origin: 'recognition', status: 'done', cueCount: 0 })).toBe('work');
    expect(workspaceView({ origin: 'import', status: 'idle', cueCount: 2 })).toBe('work');
  });

  it('shows nothing before a file is opened', () => {
    expect(workspaceView({ origin: 'none', status: 'idle', cueCount: 0 })).toBe('empty');
  });
});
