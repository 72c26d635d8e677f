// The sanitising promise of content pages: no raw HTML, no script, no javascript: link, whatever
// staff type. happy-dom is not a browser: DOMPurify there drops some allowed tags (h1) and the
// link hook does not show, so formatting and link targets are checked in a real browser by
// apps/e2e/tests/practitioner/staff.spec.ts; the refusals below hold in both.
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './render-markdown.ts';

function elementsOf(html: string): HTMLDivElement {
  const box = document.createElement('div');
  box.innerHTML = html;
  return box;
}

describe('renderMarkdown', () => {
  it('renders Markdown formatting (emphasis, lists, site links)', () => {
    const html = renderMarkdown('Some **bold** and *soft*.\n\n- one\n- two\n\n[Terms](/pages/terms)');
    expect(html).toContain('<strong>bold</strong>');
    expect(html).toContain('<em>soft</em>');
    expect(html).toContain('<li>one</li>');
    expect(html).toContain('<a href="/pages/terms">Terms</a>');
  });

  it('keeps raw HTML and scripts as text, never as elements', () => {
    const html = renderMarkdown(
      'Hello <script>window.hacked = 1</script>\n\n<img src=x onerror="alert(1)">\n\n<b>bold</b>',
    );
    expect(html).toContain('&lt;script&gt;');
    expect(elementsOf(html).querySelectorAll('script, img, b, [onerror]')).toHaveLength(0);
  });

  it('makes no link or image of javascript: or data: URLs', () => {
    const html = renderMarkdown(
      '[click](javascript:alert(1)) [data](data:text/html;base64,PHNjcmlwdD4=) ![x](javascript:alert(2)) <javascript:alert(3)>',
    );
    const box = elementsOf(html);
    expect(box.querySelectorAll('a, img')).toHaveLength(0);
    expect(box.textContent).toContain('[click]');
  });
});
