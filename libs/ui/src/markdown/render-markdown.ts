// Markdown of the site's content pages to HTML that is safe to put in a page, in both apps. Two
// locks (decision 0026): markdown-it with raw HTML off, so a <script> typed in Markdown comes out
// as text; then DOMPurify over the result, with a short allow-list, in case a Markdown construct
// (a link, an image) ever yields something dangerous. Needs a DOM (the browser, or happy-dom).
import MarkdownIt from 'markdown-it';
import DOMPurify from 'dompurify';

const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: false });

const ALLOWED_TAGS = [
  'p',
  'br',
  'hr',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'strong',
  'em',
  's',
  'code',
  'pre',
  'blockquote',
  'ul',
  'ol',
  'li',
  'a',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'img',
];
const ALLOWED_ATTR = ['href', 'title', 'alt', 'src', 'start', 'align'];

let hooked = false;

/** Sanitised HTML of a Markdown text: no raw HTML, no scripts, links only to http(s), mailto, tel or the site. */
export function renderMarkdown(source: string): string {
  if (!hooked) {
    // Links leaving the site open in a new tab without handing it this window.
    DOMPurify.addHook('afterSanitizeAttributes', (node) => {
      if (node.tagName === 'A' && /^https?:/i.test(node.getAttribute('href') ?? '')) {
        node.setAttribute('target', '_blank');
        node.setAttribute('rel', 'noopener noreferrer');
      }
    });
    hooked = true;
  }
  return DOMPurify.sanitize(markdown.render(source), {
    ALLOWED_TAGS,
    ALLOWED_ATTR: [...ALLOWED_ATTR, 'target', 'rel'],
    ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|tel:|\/|#)/i,
  });
}
