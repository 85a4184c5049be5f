import { useState } from 'react';
import { Notice } from '../components/Notice.js';
import { PageTitle } from '../components/PageTitle.js';
import { useI18n } from '../i18n/i18n.js';
import { Link, paths } from '../router.js';
import type { CreatedTicket } from './TicketForm.js';

/** After creation: the ref and the tracking key (with a copy button), and where the confirmation went. */
export function CreatedPanel({ ticket }: { ticket: CreatedTicket }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(ticket.trackId);
      setCopied(true);
    } catch {
      // No clipboard (plain http, refused permission): select the key so that Ctrl+C works.
      const code = document.getElementById('portal-track-id');
      if (code) getSelection()?.selectAllChildren(code);
    }
  };
  return (
    <section className="stack created">
      <PageTitle>{t('created.title')}</PageTitle>
      <dl className="facts">
        <div>
          <dt>{t('created.ref')}</dt>
          <dd className="ref">{ticket.ref}</dd>
        </div>
        <div>
          <dt>{t('created.key')}</dt>
          <dd>
            <code id="portal-track-id" className="track-id">
              {ticket.trackId}
            </code>{' '}
            <button type="button" className="button" onClick={() => void copy()}>
              {t('created.copy')}
            </button>
          </dd>
        </div>
      </dl>
      <p role="status">{copied ? t('created.copied') : ''}</p>
      <p>{t('created.keepKey')}</p>
      <Notice kind="success">{t('created.emailSent', { email: ticket.email })}</Notice>
      {ticket.failures.map((f) => (
        <Notice key={f.name} kind="error">
          {t('created.attachFailed', { name: f.name, reason: f.reason })}
        </Notice>
      ))}
      <p>
        <Link to={paths.ticket(ticket.trackId)} className="button primary">
          {t('created.view')}
        </Link>
      </p>
    </section>
  );
}
