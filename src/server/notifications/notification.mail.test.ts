import { describe, expect, it } from 'vitest';
import { excerptOf, notificationMail } from './notification.mail.js';

const base = {
  ticketRef: 'TS2611-0042',
  ticketSubject: 'Printer\non   fire',
  link: 'http://guichet.test/tickets/42',
} as const;

describe('notification emails', () => {
  it('puts the ref first in a one-line subject, in French with a no-break space before the colon', () => {
    const fr = notificationMail({
      ...base,
      language: 'fr',
      kind: 'assigned',
      actorName: 'Ada',
      excerpt: null,
    });
    expect(fr.subject).toBe('[TS2611-0042] Ticket qui vous est assigné\u00a0: Printer on fire');
    expect(fr.text.split('\n')[0]).toBe('Ada vous a assigné le ticket TS2611-0042.');
    const en = notificationMail({
      ...base,
      language: 'en',
      kind: 'assigned',
      actorName: null,
      excerpt: null,
    });
    expect(en.subject).toBe('[TS2611-0042] Ticket assigned to you: Printer on fire');
    expect(en.text.split('\n')[0]).toBe('Ticket TS2611-0042 was assigned to you.');
  });

  it('escapes everything that came from users in the HTML part', () => {
    const m = notificationMail({
      ...base,
      ticketSubject: '<script>x</script>',
      language: 'en',
      kind: 'message',
      actorName: 'Eve "<img>"',
      excerpt: 'a & b',
      link: 'http://guichet.test/tickets/1?a="b"',
    });
    expect(m.html).not.toMatch(/<script>|<img>/);
    expect(m.html).toContain('&#60;script&#62;x&#60;/script&#62;');
    expect(m.html).toContain('a &#38; b');
    expect(m.html).toContain('href="http://guichet.test/tickets/1?a=&#34;b&#34;"');
  });

  it('an excerpt is one paragraph of at most 300 characters, ending with an ellipsis when cut', () => {
    expect(excerptOf('  a\n\n b  ')).toBe('a b');
    const long = excerptOf('word '.repeat(100));
    expect(long.length).toBeLessThanOrEqual(300);
    expect(long.endsWith('…')).toBe(true);
  });
});
