import { describe, expect, it } from 'vitest';
import { AppErrorException } from '../../errors.ts';
import { builtinFailure } from './builtin-errors.ts';

const live = new AbortController().signal;
const code = (caught: unknown, neededDownload = false, signal = live) => builtinFailure(caught, { signal, what: 'Summarizer', neededDownload }).error.code;

describe("errors of the built-in AI → typed errors (DOMExceptions as the specs name them, not Chrome's real API)", () => {
  it('maps the DOMExceptions the specs use', () => {
    expect(code(new DOMException('x', 'NotAllowedError'), true)).toBe('llm-builtin-needs-click');
    expect(code(new DOMException('x', 'NotAllowedError'), false)).toBe('llm-builtin-unavailable');
    expect(code(new DOMException('x', 'NotSupportedError'))).toBe('llm-builtin-unavailable');
    expect(code(new DOMException('x', 'QuotaExceededError'))).toBe('llm-context-too-long');
    expect(code(new DOMException('x', 'AbortError'))).toBe('cancelled');
    expect(code(new DOMException('x', 'NotReadableError'))).toBe('llm-builtin-unavailable');
    expect(code({ name: 'NotAllowedError', message: 'from another realm' }, true)).toBe('llm-builtin-needs-click');
  });

  it('reads any failure after an abort as a cancellation, keeps typed errors, and calls the rest unknown', () => {
    const aborted = new AbortController();
    aborted.abort();
    expect(code(new DOMException('x', 'UnknownError'), false, aborted.signal)).toBe('cancelled');
    const typed = new AppErrorException({ code: 'llm-builtin-unavailable', detail: 'kept' });
    expect(builtinFailure(typed, { signal: live, what: 'x' })).toBe(typed);
    expect(code(new TypeError('our bug'))).toBe('unknown');
  });

  it('names what failed in the detail, with the browser’s message', () => {
    expect(builtinFailure(new DOMException('Unsupported language', 'NotSupportedError'), { signal: live, what: 'Translator en → xx' }).error).toEqual({
      code: 'llm-builtin-unavailable',
      detail: 'Translator en → xx: Unsupported language',
    });
  });
});
