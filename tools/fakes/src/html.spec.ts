import { describe, expect, it } from 'vitest';
import { escapeHtml, extractLinks, htmlToText } from './html.ts';

describe('escapeHtml', () => {
  it('escapes the five characters that matter in content and attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });
});

describe('extractLinks', () => {
  it('takes hrefs (decoded) and bare URLs, web links only, each once, in order', () => {
    const html = `<a href="https://a.test/x?y=1&amp;z=2">A</a> <a href='mailto:s@a.test'>m</a> <a href=http://b.test>B</a>`;
    const text = 'Open https://c.test/path. Or again https://a.test/x?y=1&z=2';
    expect(extractLinks(html, text)).toEqual([
      'https://a.test/x?y=1&z=2',
      'http://b.test',
      'https://c.test/path',
    ]);
  });
});

describe('htmlToText', () => {
  it('drops tags, styles and scripts, keeps paragraphs as lines and decodes entities', () => {
    const html =
      '<html><head><style>p{}</style></head><body><p>Hello&nbsp;Pat,</p><p>Your code: <b>123456</b> &amp; more</p><script>x()</script></body></html>';
    expect(htmlToText(html)).toBe('Hello Pat,\nYour code: 123456 & more');
  });
});
