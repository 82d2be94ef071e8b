import { InterruptableStoppingCriteria } from '@huggingface/transformers';

/**
 * Ends generation at the next token once the page cancels (its cancel message or the shared
 * flag, read through `cancelled`), or on `interrupt()`: a cancel takes effect in milliseconds
 * rather than after the whole answer. Shared by the speech and language model workers.
 */
export class StopOnCancel extends InterruptableStoppingCriteria {
  readonly #cancelled: () => boolean;
  constructor(cancelled: () => boolean) {
    super();
    this.#cancelled = cancelled;
  }
  override _call(inputIds: number[][]): boolean[] {
    if (this.#cancelled()) this.interrupt();
    return inputIds.map(() => this.interrupted);
  }
}
