/**
 * marked and DOMPurify are loaded only when a summary is shown: most visits never need them.
 * Until they are here (a moment), the summary shows as plain text.
 */
class MarkdownRenderer {
  render = $state.raw<((markdown: string) => string) | undefined>();
  #loading: Promise<void> | undefined;

  load(): void {
    this.#loading ??= import('./markdown.ts').then(
      (module) => void (this.render = module.renderMarkdown),
      () => void (this.#loading = undefined), // try again next time
    );
  }
}

export const markdownRenderer = new MarkdownRenderer();
