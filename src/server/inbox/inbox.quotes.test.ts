import { describe, expect, it } from 'vitest';
import { foldHtmlQuote, foldTextQuote, isForwardSubject } from './inbox.quotes.js';

const reply = { forward: false };

/** The new part and the folded part of an HTML reply, as the ticket shows them. */
function fold(html: string) {
  const result = foldHtmlQuote(html, reply);
  const details = /<details><summary>…<\/summary>([\s\S]*)<\/details>$/.exec(result.html);
  return { ...result, quote: details?.[1] ?? null };
}

describe('folding the quote of an HTML reply', () => {
  it('folds Gmail’s gmail_quote with its "On … wrote:" line', () => {
    const r = fold(
      '<div dir="ltr">Works now, thanks.</div><br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">' +
        'On Mon, Mar 2, 2026 at 6:20 PM Support &lt;support@example.com&gt; wrote:<br></div>' +
        '<blockquote class="gmail_quote"><p>Try again please.</p></blockquote></div>',
    );
    expect(r.folded).toBe(true);
    expect(r.fresh).toBe('<div dir="ltr">Works now, thanks.</div>');
    expect(r.quote).toContain('wrote:');
    expect(r.quote).toContain('Try again please.');
    expect(r.html.match(/<details>/g)).toHaveLength(1);
  });

  it('folds Apple Mail’s blockquote type="cite", the attribution inside it', () => {
    const r = fold(
      'Merci !<div><br><blockquote type="cite"><div>Le 2 mars 2026 à 16:40, Support &lt;support@example.com&gt; ' +
        'a écrit :</div><div>Pouvez-vous redémarrer ?</div></blockquote></div>',
    );
    expect(r.fresh).toBe('Merci !');
    expect(r.quote).toContain('Pouvez-vous redémarrer ?');
  });

  it('folds Thunderbird’s moz-cite-prefix and the blockquote after it', () => {
    const r = fold(
      '<p>Still broken.</p><div class="moz-cite-prefix">Le 03/03/2026 à 18:12, Support a écrit&nbsp;:<br></div>' +
        '<blockquote type="cite" cite="mid:x@example.com"><p>Please check the cable.</p></blockquote>',
    );
    expect(r.fresh).toBe('<p>Still broken.</p>');
    expect(r.quote).toMatch(/^<div class="moz-cite-prefix">Le 03\/03\/2026/);
  });

  it('folds a blockquote with the "On … wrote:" line just above it (Roundcube, Yahoo, others)', () => {
    const r = fold(
      '<p>Done.</p><p>On 2026-03-03 17:45, Support wrote:</p><blockquote style="border-left:2px solid">' +
        '<p>Please restart.</p></blockquote>',
    );
    expect(r.fresh).toBe('<p>Done.</p>');
    expect(r.quote).toBe(
      '<p>On 2026-03-03 17:45, Support wrote:</p><blockquote style="border-left:2px solid"><p>Please restart.</p></blockquote>',
    );
  });

  it('leaves a blockquote alone when nothing says it is a quote of the conversation', () => {
    const html =
      '<p>The manual says:</p><blockquote>Hold the button 10 s.</blockquote><p>It does not work.</p>';
    expect(fold(html)).toMatchObject({ folded: false, html });
  });

  it('folds Outlook on the web from #appendonsend, the rule and the header block included', () => {
    const r = fold(
      '<div>Still refused.</div><div><br></div><div id="appendonsend"></div><hr tabindex="-1">' +
        '<div id="divRplyFwdMsg" dir="ltr"><b>From:</b> Support<br><b>Sent:</b> Monday<br><b>To:</b> Jean<br>' +
        '<b>Subject:</b> VPN</div><div><p>Restart please.</p></div>',
    );
    expect(r.fresh).toBe('<div>Still refused.</div>');
    expect(r.quote).toMatch(/^<div id="appendonsend"><\/div><hr tabindex="-1"><div id="divRplyFwdMsg"/);
    expect(r.quote).toContain('Restart please.');
  });

  it('folds Outlook desktop’s "De : / Envoyé :" block inside WordSection1, leaving no empty paragraph', () => {
    const r = fold(
      '<div class="WordSection1"><p class="MsoNormal">Toujours en panne.<o:p></o:p></p>' +
        '<p class="MsoNormal"><o:p>&nbsp;</o:p></p><div><div style="border:none;border-top:solid #E1E1E1 1.0pt">' +
        '<p class="MsoNormal"><b>De&nbsp;:</b> Support &lt;support@example.com&gt;<br><b>Envoyé&nbsp;:</b> lundi 2 mars' +
        '<br><b>À&nbsp;:</b> Marie<br><b>Objet&nbsp;:</b> Imprimante</p></div></div>' +
        '<p class="MsoNormal">Avez-vous redémarré ?</p></div>',
    );
    expect(r.fresh).toBe('<div class="WordSection1"><p class="MsoNormal">Toujours en panne.</p></div>');
    // The quote keeps a copy of its container, so it stays well formed.
    expect(r.quote).toMatch(/^<div class="WordSection1"><div><div style="border:none/);
    expect(r.quote).toContain('Avez-vous redémarré ?');
  });

  it('folds from "-----Original Message-----" and "-----Message d’origine-----" in the middle of a paragraph', () => {
    const en = fold('<p>See below.<br>-----Original Message-----<br>From: Support<br>Old text</p>');
    expect(en.fresh).toBe('<p>See below.</p>');
    expect(en.quote).toBe('<p>-----Original Message-----<br>From: Support<br>Old text</p>');
    const fr = fold("<div>Voir plus bas.</div><div>-----Message d'origine-----<br>De : Support</div>");
    expect(fr.fresh).toBe('<div>Voir plus bas.</div>');
    expect(fr.quote).toContain("Message d'origine");
  });

  it('keeps a cut inside a table well formed on both sides', () => {
    const r = fold(
      '<table><tr><td><p>New text</p><div class="gmail_quote">On Mon, X wrote:<blockquote>old</blockquote></div>' +
        '</td></tr></table>',
    );
    expect(r.fresh).toBe('<table><tr><td><p>New text</p></td></tr></table>');
    expect(r.quote).toBe(
      '<table><tr><td><div class="gmail_quote">On Mon, X wrote:<blockquote>old</blockquote></div></td></tr></table>',
    );
  });

  it('never folds a reply that is only a quote: the body would be empty', () => {
    const html =
      '<br><div class="gmail_quote"><div class="gmail_attr">On Wed, Support wrote:</div><blockquote>Ready.</blockquote></div>';
    expect(fold(html)).toMatchObject({ folded: false, html, fresh: html });
    const onlyImageAbove = '<img src="https://example.org/a.png"><blockquote type="cite">old</blockquote>';
    expect(fold(onlyImageAbove).folded).toBe(true);
  });

  it('never folds answers written between quoted passages', () => {
    const html =
      '<div class="moz-cite-prefix">On 03/03/2026, Support wrote:</div><blockquote type="cite">Model?</blockquote>' +
      '<p>HP M404</p><blockquote type="cite">Serial number?</blockquote><p>CNB1234</p>';
    expect(fold(`<p>Answers below.</p>${html}`).folded).toBe(false);
    const gmail =
      '<p>See inline.</p><div class="gmail_quote"><div class="gmail_attr">On Mon, Support wrote:</div>' +
      '<blockquote>Model?</blockquote><div>HP M404</div><blockquote>Serial?</blockquote></div>';
    expect(fold(gmail).folded).toBe(false);
  });

  it.each([
    [
      'Gmail',
      '<div class="gmail_quote"><div class="gmail_attr">---------- Forwarded message ---------<br>From: A</div><div>Order 4471 is late.</div></div>',
    ],
    [
      'Apple Mail (French)',
      '<div>Début du message réexpédié :</div><blockquote type="cite"><div>Order 4471 is late.</div></blockquote>',
    ],
    [
      'Apple Mail (English)',
      '<div>Begin forwarded message:</div><blockquote type="cite"><div>Order 4471 is late.</div></blockquote>',
    ],
    [
      'Thunderbird (French)',
      '<div class="moz-forward-container">-------- Message transféré --------<table><tr><td>De : A</td></tr></table><blockquote type="cite">Order 4471 is late.</blockquote></div>',
    ],
  ])('never folds a message forwarded by %s', (_client, forwarded) => {
    const html = `<p>FYI, from our customer.</p>${forwarded}`;
    expect(fold(html)).toMatchObject({ folded: false, html });
  });

  it('never folds when the subject says the message is a forward', () => {
    const outlook =
      '<div>Pour info.</div><div id="appendonsend"></div><div id="divRplyFwdMsg"><b>De :</b> Fournisseur</div><p>Livraison reportée.</p>';
    expect(foldHtmlQuote(outlook, { forward: true })).toMatchObject({ folded: false, html: outlook });
    expect(['Fwd: a', 'FW: a', 'TR: Livraison', 'WG: a', 'tr : a'].every(isForwardSubject)).toBe(true);
    expect(['Re: Fwd: a', 'RE: TR: a', 'Transfert de fichiers', 'Fwd a'].some(isForwardSubject)).toBe(false);
  });

  it('leaves a message without any quote as it is', () => {
    const html = '<p>Hello,</p><p>The printer on floor 2 is down.</p>';
    expect(fold(html)).toEqual({ html, fresh: html, folded: false, quote: null });
  });
});

describe('folding the quote of a plain-text reply', () => {
  it('folds the ending ">" lines with an English attribution line', () => {
    const r = foldTextQuote(
      'Thanks, fixed.\n\nVictor\n\nOn Tue, Mar 03, 2026 at 05:02:11PM +0100, Support wrote:\n> Update the firmware.\n>\n',
      reply,
    );
    expect(r).toEqual({
      text: 'Thanks, fixed.\n\nVictor',
      quoted: 'On Tue, Mar 03, 2026 at 05:02:11PM +0100, Support wrote:\n> Update the firmware.\n>',
    });
  });

  it('folds a French attribution, accented or not, and one that Gmail wrapped over two lines', () => {
    const fr = foldTextQuote(
      'Merci.\n\nLe mar. 3 mars 2026, 19:30, Support <s@example.com> a écrit :\n\n> Bonjour\n',
      reply,
    );
    expect(fr.text).toBe('Merci.');
    expect(fr.quoted).toMatch(/^Le mar\. 3 mars/);
    expect(foldTextQuote('Merci.\nLe 2026-03-03 17:45, Support a ecrit :\n> Bonjour\n', reply).text).toBe(
      'Merci.',
    );
    const wrapped = foldTextQuote(
      'It works.\n\nOn Mon, Mar 2, 2026 at 6:20 PM Support Example <support@example.com>\nwrote:\n\n> Hello\n',
      reply,
    );
    expect(wrapped).toEqual({
      text: 'It works.',
      quoted: 'On Mon, Mar 2, 2026 at 6:20 PM Support Example <support@example.com>\nwrote:\n\n> Hello',
    });
  });

  it('folds the iPhone quote, whose attribution line is itself quoted', () => {
    const r = foldTextQuote(
      'Ok merci\n\nEnvoyé de mon iPhone\n\n> Le 3 mars 2026 à 17:02, Support a écrit :\n> \n> Réactivé.\n',
      reply,
    );
    expect(r.text).toBe('Ok merci\n\nEnvoyé de mon iPhone');
  });

  it('folds Outlook’s rule and "De : / Envoyé :" block, and "-----Original Message-----"', () => {
    const fr = foldTextQuote(
      'Toujours bloquée.\n\n________________________________\nDe : Support <s@example.com>\nEnvoyé : lundi 2 mars 2026 17:05\nÀ : Marie\nObjet : Imprimante\n\nAvez-vous essayé ?\n',
      reply,
    );
    expect(fr.text).toBe('Toujours bloquée.');
    expect(fr.quoted).toMatch(/^_{32}\nDe : Support/);
    const en = foldTextQuote(
      'Still jammed.\n\n-----Original Message-----\nFrom: Support\nSent: Monday\n\nNew toner.',
      reply,
    );
    expect(en).toEqual({
      text: 'Still jammed.',
      quoted: '-----Original Message-----\nFrom: Support\nSent: Monday\n\nNew toner.',
    });
  });

  it('does not take a "From:" line the customer wrote for a header block', () => {
    const text = 'Hello,\n\nFrom: the accounting team, we need a new laptop.\nThanks';
    expect(foldTextQuote(text, reply)).toEqual({ text, quoted: null });
  });

  it('never folds interleaved answers, a quote-only reply or a forward', () => {
    const interleaved = 'On Mon, Support wrote:\n> Model?\nHP M404\n> Serial?\nCNB1234\n';
    expect(foldTextQuote(interleaved, reply).quoted).toBeNull();
    const quoteOnly = 'On Mon, Support wrote:\n\n> Your laptop is ready.\n';
    expect(foldTextQuote(quoteOnly, reply)).toEqual({ text: quoteOnly.trim(), quoted: null });
    const gmailForward =
      'FYI\n\n---------- Forwarded message ---------\nDe : Client <c@example.net>\nDate: lun. 2 mars 2026\nSubject: Late\nTo: <v@example.org>\n\nOrder late.\n';
    expect(foldTextQuote(gmailForward, reply).quoted).toBeNull();
    const thunderbird = 'FYI\n\n-------- Message transféré --------\nSujet : Late\n> quoted in the forward\n';
    expect(foldTextQuote(thunderbird, reply).quoted).toBeNull();
    expect(foldTextQuote('FYI\n\nDébut du message réexpédié :\n\n> Order late.\n', reply).quoted).toBeNull();
    expect(foldTextQuote('Hi\n\nOn Mon, X wrote:\n> Hello', { forward: true }).quoted).toBeNull();
  });

  it('still folds a reply whose quoted history contains a forward', () => {
    const r = foldTextQuote(
      'Done.\n\nOn Mon, Support wrote:\n> ---------- Forwarded message ---------\n> Old\n',
      reply,
    );
    expect(r.text).toBe('Done.');
  });
});
