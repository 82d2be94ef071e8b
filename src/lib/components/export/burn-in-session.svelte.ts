import { burnToOutput, estimateBurnIn } from '../../export/burn-in/burn-in-client.ts';
import { browserSaveEnvironment } from '../../export/browser-save.ts';
import { openSaveTarget } from '../../export/save-target.ts';
import { BurnIn } from '../../state/burn-in.svelte.ts';
import { downloadFile } from '../ui/download.ts';

const download = (name: string, file: Blob) => downloadFile(name, [file], file.type);

/**
 * The page's one burn-in: the dialog (beside the export buttons) sets it up and the live
 * preview (over the studio's video) draws from it, so both read the same text and style.
 */
export const burnInSession = new BurnIn({
  estimate: (job, signal) => estimateBurnIn(job, signal),
  burn: (options) => burnToOutput(options),
  // What the browser can save with is read at each export, from the page as it is then.
  openTarget: (request) => openSaveTarget(browserSaveEnvironment(download), request),
});
