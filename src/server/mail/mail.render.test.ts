import { describe, expect, it } from 'vitest';
import { fillHtml, fillText, renderMail, withRef } from './mail.render.js';

describe('mail templates rendering', () => {
  it('fills known placeholders, leaves unknown ones as typed', () => {
    expect(fillText('{ref} {nope} {customerName}', { ref: 'TS2611-0001', customerName: 'Camille' })).toBe(
      'TS2611-0001 {nope} Camille',
    );
  });

  it('escapes the template and the values in HTML, makes paragraphs and a clickable link', () => {
    const html = fillHtml('Hi <b>{customerName}</b>\nline two\n\n{link}', {
      customerName: 'A & "B"',
      link: 'https://x.test/portal/t/K?sig=a&b',
    });
    expect(html).toBe(
      '<p>Hi &lt;b&gt;A &amp; &quot;B&quot;&lt;/b&gt;<br>\nline two</p>\n' +
        '<p><a href="https://x.test/portal/t/K?sig=a&amp;b">https://x.test/portal/t/K?sig=a&amp;b</a></p>',
    );
  });

  it('a link placeholder that is not an http address is not made a link', () => {
    expect(fillHtml('{link}', { link: 'javascript:alert(1)' })).toBe('<p>javascript:alert(1)</p>');
  });

  it('the subject always carries the [ref] once, on one line', () => {
    expect(withRef('Hello', 'TS2611-0001')).toBe('[TS2611-0001] Hello');
    expect(withRef('Re [TS2611-0001] x', 'TS2611-0001')).toBe('Re [TS2611-0001] x');
    expect(withRef('a\r\nb', 'R')).toBe('[R] a b');
    expect(renderMail({ subject: '{subject}', body: 'x' }, { subject: 'S' }, 'R', 'en').subject).toBe(
      '[R] S',
    );
  });
});
