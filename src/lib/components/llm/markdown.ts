import DOMPurify from 'dompurify';
import { marked } from 'marked';

// Text structure only. No <img>, <video>, <iframe>, <style> or attributes that load anything:
// a model's answer (which may repeat a hostile transcript) must not make the page fetch from a
// third-party host, let alone run script.
const ALLOWED_TAGS = [
  ...['p', 'br', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'blockquote'],
  ...['strong', 'em', 'del', 'code', 'pre', 'a', 'table', 'thead', 'tbody', 'tr', 'th', 'td'],
];
const ALLOWED_ATTR = ['href', 'title', 'start'];

let hooked = false;

/**
 * Renders a model's Markdown to HTML that is safe for `{@html}`: parsed by marked, then
 * sanitised by DOMPurify with a text-only allow-list. Links open in a new tab without referrer.
 *
 * @example
 * renderMarkdown('## TL;DR\n<img src=x onerror=alert(1)>'); // '<h2>TL;DR</h2>\n'
 */
export function renderMarkdown(markdown: string): string {
  if (!hooked) {
    DOMPurify.addHook('afterSanitizeAttributes', (node) => {
      if (node.tagName === 'A') {
        node.setAttribute('target', '_blank');
        node.setAttribute('rel', 'noopener noreferrer nofollow');
      }
    });
    hooked = true;
  }
  const html = marked.parse(markdown, { async: false, gfm: true });
  return DOMPurify.sanitize(html, { ALLOWED_TAGS, ALLOWED_ATTR, ALLOW_DATA_ATTR: false });
}
