import { describe, expect, it } from 'vitest';
import {
  cleanHtmlToText,
  foldForSearch,
  hasVisibleContent,
  htmlToText,
  sanitizeRichText,
} from './rich-text.js';

describe('rich text', () => {
  it('removes scripts, event handlers, javascript: links and styles', () => {
    const dirty =
      '<p onclick="steal()">Hi <script>alert(1)</script><a href="javascript:alert(2)">x</a>' +
      '<img src="x" onerror="alert(3)"><style>body{}</style><iframe src="https://evil"></iframe></p>';
    const clean = sanitizeRichText(dirty);
    expect(clean).not.toMatch(/script|onclick|onerror|javascript:|iframe|style/i);
    expect(clean).toContain('Hi');
  });

  it('keeps formatting, lists, tables and safe links, which open in a new tab', () => {
    const html =
      '<h2>Title</h2><p><strong>bold</strong> <em>it</em></p><ul><li>a</li></ul>' +
      '<table><tr><td colspan="2">c</td></tr></table><a href="https://example.com">l</a>';
    const clean = sanitizeRichText(html);
    expect(clean).toContain('<h2>Title</h2>');
    expect(clean).toContain('<strong>bold</strong>');
    expect(clean).toContain('<td colspan="2">c</td>');
    expect(clean).toContain('href="https://example.com"');
    expect(clean).toContain('rel="noopener noreferrer nofollow"');
  });

  it('keeps the folded quote of an email reply closed, without the attributes that could open or style it', () => {
    const clean = sanitizeRichText(
      '<p>Thanks</p><details open ontoggle="alert(1)" style="x"><summary>…</summary><p>Earlier</p></details>',
    );
    expect(clean).toBe('<p>Thanks</p><details><summary>…</summary><p>Earlier</p></details>');
  });

  it('turns HTML into readable text with line breaks and decoded entities', () => {
    expect(htmlToText('<p>Bonjour&nbsp;à vous</p><p>Ligne 2<br>Ligne 3 &amp; fin</p>')).toBe(
      'Bonjour à vous\nLigne 2\nLigne 3 & fin',
    );
  });

  it('reads the same text from cleaned HTML without parsing it again', () => {
    const inputs = [
      '<p>Bonjour&nbsp;à vous</p><p>Ligne 2<br>Ligne 3 &amp; fin</p>',
      '<a href="http://x?a=1&b=2" title="a>b<c">t&amp;u &lt;v&gt;</a> "quoted" it\'s',
      '<p>é&eacute; <!-- hidden --> <img alt="1>2" src="http://i/x.png"> 3 < 4 > 2</p>',
      '<script>alert(1)</script><style>p{}</style><p onclick="x()">kept</p>',
      '<ul><li>one</li><li>two</li></ul><table><tr><td>a</td><td>b</td></tr></table><pre>  x\n  y</pre>',
      '<h1>Title</h1>\n\n\n\n<div>deep <b><i>nested</i></b></div><blockquote>q</blockquote>&#233;&#x41;',
      'plain text only, with & and < signs',
      '<p>   </p><br/><br />',
    ];
    for (const input of inputs) {
      const clean = sanitizeRichText(input);
      expect(cleanHtmlToText(clean)).toBe(htmlToText(clean));
    }
  });

  it('says whether something visible remains', () => {
    expect(hasVisibleContent('<p> </p><br>')).toBe(false);
    expect(hasVisibleContent('<p><img src="data:image/png;base64,AA"></p>')).toBe(true);
    expect(hasVisibleContent('<p>x</p>')).toBe(true);
  });

  it('folds accents and case for search', () => {
    expect(foldForSearch('Réseau ÉLECTRIQUE Ça')).toBe('reseau electrique ca');
  });
});
