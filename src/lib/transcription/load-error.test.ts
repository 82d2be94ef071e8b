import { describe, expect, it } from 'vitest';
import { AppErrorException } from '../errors.ts';
import { asLoadError, loadFailureCode } from './load-error.ts';

describe('loadFailureCode', () => {
  it('calls a failed fetch an uncached model, in each browser’s words', () => {
    for (const message of ['Failed to fetch', 'NetworkError when attempting to fetch resource.', 'Load failed']) {
      expect(loadFailureCode(new TypeError(message), true)).toBe('model-not-cached');
    }
  });

  it('calls any failure while offline an uncached model', () => {
    expect(loadFailureCode(new Error('Could not locate file'), false)).toBe('model-not-cached');
  });

  it('keeps other failures as load failures', () => {
    expect(loadFailureCode(new Error('Could not locate file: "onnx/encoder_model.onnx"'), true)).toBe('model-load-failed');
    expect(loadFailureCode(new TypeError('x is not a function'), true)).toBe('model-load-failed');
  });

  it('passes typed errors through and keeps the message as detail', () => {
    const timeout = new AppErrorException({ code: 'engine-timeout' });
    expect(asLoadError(timeout, true)).toBe(timeout);
    expect(asLoadError(new TypeError('Failed to fetch'), true).error).toEqual({ code: 'model-not-cached', detail: 'Failed to fetch' });
  });
});
