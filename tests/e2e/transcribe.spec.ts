import { expect, test } from '@playwright/test';
import { TEST_MODELS } from '../fixtures/models/generate.ts';
import { chooseFile, expectDone, expectWellFormed, MEDIA, openApp, recordProgress, shownCues } from './support/app.ts';
import path from 'node:path';

const THREE_MINUTES = path.join(MEDIA, 'speech-3min.mp4');
const DURATION = 180;

for (const device of ['wasm', 'webgpu'] as const) {
  test(`the 3-minute video with the random model gives well-formed cues on ${device}`, async ({ page }) => {
    // SwiftShader runs WebGPU on the CPU: slow, so fewer tokens there.
    test.setTimeout(300_000);
    const progress = await recordProgress(page);
    await openApp(page, { modelId: TEST_MODELS.micro, device, maxTokens: device === 'webgpu' ? 8 : 24 });
    await chooseFile(page, THREE_MINUTES);
    await expectDone(page, 280_000);
    await expect(page.getByTestId('device')).toHaveAttribute('data-device', device);
    const cues = await shownCues(page);
    expect(cues.length).toBeGreaterThan(0);
    expectWellFormed(cues, DURATION);
    // Cues come from every 30 s window, not just the first: times are absolute.
    expect(Math.max(...cues.map((c) => c.end))).toBeGreaterThan(150);

    // The progress bar went through the stages in order, with percentages, and cues streamed in
    // while recognition was still running (not all at the end).
    const marks = await progress();
    const stages = [...new Set(marks.map((m) => m.stage))];
    expect(stages).toEqual(['loading-engine', 'probing', 'extracting', 'loading-model', 'warming-up', 'transcribing']);
    expect(marks.some((m) => m.stage === 'extracting' && m.percent !== '')).toBe(true);
    expect(marks.some((m) => m.stage === 'loading-model' && m.percent !== '')).toBe(true);
    const transcribing = marks.filter((m) => m.stage === 'transcribing');
    const cueCounts = new Set(transcribing.map((m) => m.cues).filter((n) => n > 0 && n < cues.length));
    expect(cueCounts.size).toBeGreaterThan(0);
  });
}
