import { describe, expect, it } from 'vitest';
import type { CompleteTask } from '../llm/chat.ts';
import { standInApi } from '../llm/builtin/builtin-stand-in.ts';
import { BuiltinAiState } from './builtin-ai.svelte.ts';

describe('BuiltinAiState (stand-in for Chrome’s built-in AI APIs, not the real API)', () => {
  it('is absent, and its requests fail as unavailable, where the browser has no built-in AI', async () => {
    const state = new BuiltinAiState(undefined);
    expect(state.present).toBe(false);
    await expect(state.complete()([], { signal: new AbortController().signal })).rejects.toThrow('llm-builtin-unavailable');
  });

  it('serves translation batches through one reused Complete and reports what each API can do', async () => {
    const { api } = standInApi();
    const state = new BuiltinAiState(api);
    expect(state.present).toBe(true);
    expect(state.complete()).toBe(state.complete());
    const task: CompleteTask = { kind: 'translate', language: 'Simplified Chinese', lines: [{ number: 1, text: 'Hello' }] };
    expect(await state.complete()([], { signal: new AbortController().signal, task })).toBe('[1] zh(Hello)');
    await state.refresh('Simplified Chinese', 'English');
    expect(state.readiness?.translator).toBeDefined();
  });
});
