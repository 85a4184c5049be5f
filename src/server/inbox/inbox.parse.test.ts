import { describe, expect, it } from 'vitest';
import { corpusFile as fixture } from './inbox.fixtures.js';
import { parseIncoming } from './inbox.parse.js';
import { UnparseableMailError, type ParsedMail } from './inbox.types.js';

/** The parser case by case (the .eml corpus as a whole is in inbox.corpus.test.ts). */
const parse = (name: string) => parseIncoming(fixture(name));
const mail = (lines: string[]) => Buffer.from(lines.join('\r\n'));

describe('charsets and transfer encodings', () => {
  it.each([
    [
      'body-iso8859-1-8bit.eml',
      'ISO-8859-1 8bit',
      'Merci de prévoir un remplacement avant jeudi, ça devient pénible.',
    ],
    ['body-windows1252-qp.eml', 'Windows-1252', 'attend la “version signée” du bon de commande…'],
    ['body-windows1252-qp.eml', 'Windows-1252', 'Pouvez-vous le renvoyer – avec le tampon ?'],
    ['japanese-iso2022jp.eml', 'ISO-2022-JP', 'お世話になっております。'],
    ['body-quoted-printable.eml', 'UTF-8 quoted-printable', '« Maintenance annuelle du photocopieur »'],
    ['body-base64.eml', 'UTF-8 base64', 'toutes les dix minutes depuis hier soir'],
    ['outlook-desktop-reply-fr.eml', 'ISO-8859-1 quoted-printable', 'affiche « Erreur 50.4 »'],
  ])('%s (%s) reads as words', async (name, _charset, words) => {
    expect((await parse(name)).text).toContain(words);
  });

  it('decodes subjects and names in UTF-8 B, ISO-8859-1 Q and ISO-2022-JP encoded words', async () => {
    expect((await parse('subject-utf8-base64.eml')).from?.name).toBe('Léa Fabre');
    expect((await parse('body-iso8859-1-8bit.eml')).from?.name).toBe('François Lemée');
    const japanese = await parse('japanese-iso2022jp.eml');
    expect(japanese.subject).toBe('プリンターが動きません');
    expect(japanese.from?.name).toBe('山田 太郎');
  });

  it('reads raw 8-bit Latin-1 headers (old clients) instead of showing replacement characters', async () => {
    // Latin-1 bytes as such, and 0x96 for the en dash: Windows-1252, which those clients actually send.
    const raw = Buffer.from(
      'From: "J\xe9r\xf4me No\xebl" <Jerome@Example.NET>\r\nSubject: Probl\xe8me r\xe9seau \x96 urgent\r\n' +
        'Message-ID: <latin1@example.net>\r\n\r\nbody\r\n',
      'latin1',
    );
    const m = await parseIncoming(raw);
    expect(m.subject).toBe('Problème réseau – urgent');
    expect(m.from).toEqual({ address: 'jerome@example.net', name: 'Jérôme Noël' });
  });

  it('makes one line of a subject folded with tabs and line breaks', async () => {
    const m = await parse('long-subject-folded.eml');
    expect(m.subject).not.toMatch(/[\r\n\t]|\s{2}/);
    expect(m.headers.get('subject')).toContain('=?UTF-8?Q?gestion_centralis=C3=A9e?=');
  });
});

describe('Message-ID and threading headers', () => {
  it('makes a stable Message-ID from the bytes of a message that has none', async () => {
    const raw = fixture('no-message-id.eml');
    const first = await parseIncoming(raw);
    const again = await parseIncoming(Buffer.from(raw));
    expect(first.messageIdGenerated).toBe(true);
    expect(first.messageId).toMatch(/^<sha256-[0-9a-f]{64}@guichet\.invalid>$/);
    expect(again.messageId).toBe(first.messageId);
    // Through IMAP the same message has CRLF line endings: still the same message.
    const crlf = Buffer.from(raw.toString('latin1').replace(/\n/g, '\r\n'), 'latin1');
    expect((await parseIncoming(crlf)).messageId).toBe(first.messageId);
    const other = Buffer.from(raw.toString('latin1').replace('Hebdo-Compta', 'Hebdo-Paie'), 'latin1');
    expect((await parseIncoming(other)).messageId).not.toBe(first.messageId);
  });

  it('keeps a Message-ID as written, with its angle brackets', async () => {
    const m = await parse('gmail-web-reply.eml');
    expect(m.messageIdGenerated).toBe(false);
    expect(m.messageId).toBe('<CAG7wqPx3nA8Lk1QfZ0=v5uRrU2yK9hQmM4cX1vT7bN6dE2sW8g@mail.example.com>');
  });

  it('lists In-Reply-To then References from the most recent, once each', async () => {
    const m = await parse('mutt-reply-references.eml');
    expect(m.replyTo).toEqual([
      '<ticket-112.U2Vjb25k@example.com>',
      '<aZoP1nRr4sWy8Kk2@laptop.example.org>',
      '<ticket-112.Rmlyc3Q@example.com>',
    ]);
  });

  it('reads ids with comments or without brackets, as some clients write them', async () => {
    const m = await parseIncoming(
      mail([
        'From: a@example.org',
        'Message-ID: bare-id@example.org',
        'In-Reply-To: <parent@example.com> (Support\'s message of "Tue, 3 Mar 2026")',
        'References: older@example.com parent@example.com',
        '',
        'Hi',
      ]),
    );
    expect(m.messageId).toBe('<bare-id@example.org>');
    expect(m.replyTo).toEqual(['<parent@example.com>', '<older@example.com>']);
  });
});

describe('addresses and headers', () => {
  it('lower-cases and trims addresses, decodes names, drops Outlook quotes and flattens groups', async () => {
    const m = await parseIncoming(
      mail([
        'From: "Dupont, Jean" <Jean.Dupont@Example.NET >',
        "To: 'Support Example' <SUPPORT@example.com>, Team: Ann <ann@example.org>, bob@example.org;",
        'Cc: =?utf-8?Q?Ren=C3=A9e?= <renee@example.org>',
        'Reply-To: Jean <jean.perso@example.org>',
        'Date: Tue, 3 Mar 2026 10:15:00 +0100 (CET)',
        '',
        'Hi',
      ]),
    );
    expect(m.from).toEqual({ address: 'jean.dupont@example.net', name: 'Dupont, Jean' });
    expect(m.to).toEqual([
      { address: 'support@example.com', name: 'Support Example' },
      { address: 'ann@example.org', name: 'Ann' },
      { address: 'bob@example.org', name: null },
    ]);
    expect(m.cc).toEqual([{ address: 'renee@example.org', name: 'Renée' }]);
    expect(m.replyToAddress).toEqual({ address: 'jean.perso@example.org', name: 'Jean' });
    expect(m.date?.toISOString()).toBe('2026-03-03T09:15:00.000Z');
  });

  it('gives no date rather than the time of import when the Date header cannot be read', async () => {
    const m = await parseIncoming(mail(['From: a@example.org', 'Date: sometime last week', '', 'Hi']));
    expect(m.date).toBeNull();
  });

  it('keeps the raw value of the first occurrence of each header, unfolded, under its lower-cased name', async () => {
    const m = await parse('outlook-desktop-reply-fr.eml');
    expect(m.headers.get('x-auto-response-suppress')).toBe('All');
    expect(m.headers.get('message-id')).toBe(
      '<AM9PR02MB73451C8E2B0A4F1D9E3B6C7A8D2F1E0B9@AM9PR02MB7345.eurprd02.prod.example.net>',
    );
    expect(m.headers.get('subject')).toMatch(/^=\?iso-8859-1\?Q\?/);
    expect(m.headers.get('received')).toMatch(
      /^from AM9PR02MB7345.*mapi id 15\.20\.8489\.019; Tue, 3 Mar 2026/,
    );
  });
});

describe('messages that cannot be imported', () => {
  const reasonOf = (raw: Buffer) =>
    parseIncoming(raw).then(
      () => null,
      (e: unknown) => (e instanceof UnparseableMailError ? e.reason : e),
    );

  it('calls an empty input, text without headers or binary junk unparseable', async () => {
    expect(await reasonOf(Buffer.alloc(0))).toBe('unparseable');
    expect(await reasonOf(Buffer.from('Hello, this is not a mail.\n\nReally not.\n'))).toBe('unparseable');
    expect(await reasonOf(Buffer.from([0, 1, 2, 0xff, 0xfe, 10, 13]))).toBe('unparseable');
  });

  it('calls a multipart without its boundary unparseable, but imports the readable parts of a nested one', async () => {
    const head = ['From: a@example.org', 'Subject: parts', 'MIME-Version: 1.0'];
    expect(await reasonOf(mail([...head, 'Content-Type: multipart/mixed', '', 'lost text']))).toBe(
      'unparseable',
    );
    const nested = await parseIncoming(
      mail([
        ...head,
        'Content-Type: multipart/mixed; boundary="outer"',
        '',
        '--outer',
        'Content-Type: multipart/alternative; boundary="never-there"',
        '',
        'unreadable',
        '--outer',
        'Content-Type: text/plain',
        '',
        'The readable part.',
        '--outer--',
      ]),
    );
    expect(nested.text).toBe('The readable part.');
  });

  it('calls HTML nested past 1,000 elements unparseable at once, and reads deep but real HTML', async () => {
    const nested = (depth: number) =>
      mail([
        'From: a@example.org',
        'Content-Type: text/html',
        '',
        `<p>Hi</p>${'<div>'.repeat(depth)}deep${'</div>'.repeat(depth)}`,
      ]);
    const started = Date.now();
    expect(await reasonOf(nested(200_000))).toBe('unparseable');
    expect(Date.now() - started).toBeLessThan(2000);
    expect((await parseIncoming(nested(900))).text).toBe('Hi\ndeep');
    // Thousands of unclosed cells or paragraphs are sloppy, not nested.
    const cells = mail([
      'From: a@example.org',
      'Content-Type: text/html',
      '',
      `<table><tr>${'<td>x'.repeat(5000)}`,
    ]);
    expect((await parseIncoming(cells)).html.match(/<td>/g)).toHaveLength(5000);
  });

  it('calls a message without a usable From address no_sender', async () => {
    expect(await reasonOf(fixture('no-from.eml'))).toBe('no_sender');
    expect(await reasonOf(mail(['From: undisclosed-recipients:;', '', 'Hi']))).toBe('no_sender');
    expect(await reasonOf(mail(['From: Jean Dupont', '', 'Hi']))).toBe('no_sender');
  });

  it('reads a message behind the mbox envelope line an MTA pipe may add', async () => {
    const m = await parseIncoming(
      Buffer.from(
        `From jean@example.org Tue Mar  3 10:15:00 2026\n${fixture('plain-only.eml').toString('latin1')}`,
        'latin1',
      ),
    );
    expect(m.subject).toBe('Scanner in room B12 out of order');
    expect(m.messageId).toBe('<87a5k2l9xq.fsf@workstation.example.net>');
  });
});

describe('bodies and attachments', () => {
  it('keeps the content of the <body> only, and makes text of an HTML-only message', async () => {
    const m = await parse('html-only.eml');
    expect(m.html).toContain('<strong>12 postes</strong>');
    expect(m.html).not.toMatch(/Demande<|document\.title|font-family: Arial/);
    expect(m.text).toBe(
      'Bonjour,\n\nNous souhaitons un devis pour le remplacement de 12 postes de travail (écrans compris).\n\n' +
        'Nadia Roux\nResponsable des achats',
    );
  });

  it('turns a plain-text message into escaped paragraphs', async () => {
    const m = await parseIncoming(
      mail(['From: a@example.org', '', 'Line <1> & co', 'line 2', '', 'Second paragraph']),
    );
    expect(m.html).toBe('<p>Line &lt;1&gt; &amp; co<br>line 2</p><p>Second paragraph</p>');
  });

  it('makes images shown by cid: inline attachments and takes their <img> out of the body', async () => {
    const m = await parse('apple-mail-reply-inline-image.eml');
    const [image] = m.attachments;
    expect(image).toMatchObject({
      filename: 'IMG_0412.png',
      contentType: 'image/png',
      inline: true,
      contentId: '3F2A1B0C-9D8E-4F7A-B6C5-D4E3F2A1B0C9',
    });
    expect(image!.content.subarray(0, 8)).toEqual(
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    );
    expect(m.html).not.toContain('<img');
    // An image the HTML does not show stays an ordinary attachment, even with a Content-ID (Gmail).
    const gmail = await parse('gmail-new-with-attachment.eml');
    expect(gmail.attachments[0]).toMatchObject({ inline: false, contentId: 'f_m7r2k9xq0' });
  });

  it('keeps attachments byte for byte: a real PDF and a real PNG', async () => {
    const [pdf] = (await parse('gmail-new-with-attachment.eml')).attachments;
    expect(pdf!.contentType).toBe('application/pdf');
    expect(pdf!.content.toString('latin1')).toMatch(/^%PDF-1\.4\n[\s\S]*%%EOF\n$/);
    const [png] = (await parse('outlook-web-reply.eml')).attachments;
    expect(png).toMatchObject({ contentType: 'image/png', inline: false });
    expect(png!.content.readUInt32BE(16)).toBe(6); // IHDR width
  });

  it('makes an invitation an invite.ics attachment, once even when Gmail sends it twice', async () => {
    const [ics] = (await parse('calendar-invite.eml')).attachments;
    expect(ics!.content.toString('utf8')).toContain('METHOD:REQUEST');
    const calendar = 'BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n';
    const gmail = await parseIncoming(
      mail([
        'From: a@example.org',
        'Content-Type: multipart/mixed; boundary="m"',
        '',
        '--m',
        'Content-Type: multipart/alternative; boundary="a"',
        '',
        '--a',
        'Content-Type: text/plain',
        '',
        'Invitation',
        '--a',
        'Content-Type: text/calendar; charset="UTF-8"; method=REQUEST',
        'Content-Transfer-Encoding: base64',
        '',
        Buffer.from(calendar).toString('base64'),
        '--a--',
        '--m',
        'Content-Type: application/ics; name="invite.ics"',
        'Content-Disposition: attachment; filename="invite.ics"',
        'Content-Transfer-Encoding: base64',
        '',
        Buffer.from(calendar).toString('base64'),
        '--m--',
      ]),
    );
    expect(gmail.attachments.map((a) => a.filename)).toEqual(['invite.ics']);
  });

  it('keeps a message forwarded as an attachment whole, as one .eml that reads again', async () => {
    const [eml] = (await parse('forwarded-as-attachment.eml')).attachments;
    expect(eml!.contentType).toBe('message/rfc822');
    const inner: ParsedMail = await parseIncoming(eml!.content);
    expect(inner.subject).toBe('Panne du serveur de messagerie');
    expect(inner.attachments.map((a) => a.filename)).toEqual(['erreur.png']);
  });

  it('does not take a bounce forwarded as an attachment for a bounce', async () => {
    const bounce = fixture('dsn-bounce.eml').toString('latin1');
    const forwarded = await parseIncoming(
      Buffer.from(
        [
          'From: jean@example.org',
          'Subject: Fwd: Undelivered Mail Returned to Sender',
          'Content-Type: multipart/mixed; boundary="fw"',
          '',
          '--fw',
          'Content-Type: text/plain',
          '',
          'Why did this bounce?',
          '--fw',
          'Content-Type: message/rfc822',
          '',
          bounce,
          '--fw--',
        ].join('\n'),
        'latin1',
      ),
    );
    expect(forwarded.automatic).toBeNull();
    expect(forwarded.attachments.map((a) => a.filename)).toEqual(['message-1.eml']);
  });
});
