import { videoNameWithTail } from '../export-plan.ts';
import type { BurnContainer } from './burn-in-protocol.ts';

/** Each burn-in container's file extension and type. */
export const BURN_CONTAINERS: Readonly<Record<BurnContainer, { readonly extension: string; readonly mime: string }>> = {
  mp4: { extension: 'mp4', mime: 'video/mp4' },
  webm: { extension: 'webm', mime: 'video/webm' },
};

/**
 * The burned-in video's name: the source's with `.burned` and the container's extension. Pure.
 *
 * @example
 * burnedFileName('talk.mov', 'webm'); // 'talk.burned.webm'
 */
export function burnedFileName(sourceName: string, container: BurnContainer): string {
  return videoNameWithTail(sourceName, `.burned.${BURN_CONTAINERS[container].extension}`);
}
