import { describe, expect, it } from 'vitest';
import { startupProblem } from './startup.ts';

describe('startupProblem', () => {
  it('is nothing on a cross-origin isolated page', () => {
    expect(startupProblem({ crossOriginIsolated: true })).toBeUndefined();
  });

  it('names missing isolation, also where the property does not exist', () => {
    expect(startupProblem({ crossOriginIsolated: false })).toEqual({ code: 'not-isolated' });
    expect(startupProblem({})).toEqual({ code: 'not-isolated' });
  });
});
