import { describe, expect, it } from 'vitest';
import { toAppError } from '../../errors.ts';
import { downloadBuiltin, type DownloadQuery } from './builtin-download.ts';
import { standInApi } from './builtin-stand-in.ts';

describe("downloading the browser's models from a click (stand-in for Chrome's built-in AI, not the real API)", () => {
  it('fetches one missing model per click: the detector first, then the translator for the pair', async () => {
    const fractions: number[] = [];
    let detector: 'downloadable' | 'available' = 'downloadable';
    const { api, log } = standInApi({ activation: true, detectorAvailability: () => detector, translatorAvailability: () => 'downloadable', download: [0.5, 1] });
    const query: DownloadQuery = { need: 'translation', source: 'English', target: 'German' };
    expect(await downloadBuiltin(api, query, { onDownload: (f) => fractions.push(f) })).toBe('languageDetector');
    expect(fractions).toEqual([0, 0.5, 1]);
    detector = 'available';
    expect(await downloadBuiltin(api, query)).toBe('translator');
    expect(log.created).toEqual(['detector', 'translator en→de']);
  });

  it('fetches the summarizer for the output language, and nothing when all is there', async () => {
    const { api, log } = standInApi({ activation: true, summarizerAvailability: () => 'downloadable' });
    expect(await downloadBuiltin(api, { need: 'summary', target: 'English' })).toBe('summarizer');
    expect(log.created).toEqual(['summarizer key-points en']);
    expect(await downloadBuiltin(standInApi().api, { need: 'summary', target: 'English' })).toBeUndefined();
  });

  it('asks for a click when there was none', async () => {
    const { api } = standInApi({ activation: false, summarizerAvailability: () => 'downloadable' });
    const error = await downloadBuiltin(api, { need: 'summary', target: 'English' }).catch(toAppError);
    expect(error).toMatchObject({ code: 'llm-builtin-needs-click' });
  });
});
