import { useCallback, useEffect, useState } from 'react';
import {
  PortalApiError,
  portalApi,
  type PortalConfig,
  type PortalDocument,
  type PortalMessage,
  type PortalTicket,
} from '../api.js';
import { Notice } from '../components/Notice.js';
import { PageTitle } from '../components/PageTitle.js';
import { errorText } from '../errors.js';
import { useI18n } from '../i18n/i18n.js';
import { Link, paths } from '../router.js';
import { CloseTicket } from './CloseTicket.js';
import { DocumentList, MessageList } from './MessageList.js';
import { ReplyForm } from './ReplyForm.js';
import { TicketFacts } from './TicketFacts.js';

// One POST /session/link per signed link, even when React runs the effect twice (StrictMode) or the
// page re-renders before the answer: the second run waits for the first instead of losing the sig.
const signedLinks = new Map<string, Promise<unknown>>();

function openSignedLink(trackId: string, sig: string): Promise<unknown> {
  const key = `${trackId}\n${sig}`;
  let pending = signedLinks.get(key);
  if (!pending) {
    pending = portalApi.openSignedLink(trackId, sig);
    signedLinks.set(key, pending);
  }
  return pending;
}

interface Loaded {
  ticket: PortalTicket;
  messages: PortalMessage[];
  documents: PortalDocument[];
}

/**
 * /portal/t/:trackId: what the customer may see of a ticket, a reply form and "close my ticket". With
 * `?sig=` (the link of the emails) the session is opened first, then the sig leaves the address bar.
 */
export function TicketPage({ config, trackId }: { config: PortalConfig; trackId: string }) {
  const { t } = useI18n();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<'replySent' | 'closedDone' | null>(null);

  const reload = useCallback(async () => {
    const [ticket, messages, documents] = await Promise.all([
      portalApi.ticket(trackId),
      portalApi.messages(trackId),
      portalApi.documents(trackId),
    ]);
    setLoaded({ ticket, messages, documents });
  }, [trackId]);

  useEffect(() => {
    let live = true;
    setLoaded(null);
    setError(null);
    void (async () => {
      try {
        const sig = new URLSearchParams(location.search).get('sig');
        if (sig) {
          try {
            await openSignedLink(trackId, sig);
          } finally {
            // A used or refused signature has nothing more to do in the address bar or the history.
            history.replaceState(history.state, '', paths.ticket(trackId));
          }
        }
        await reload();
      } catch (err) {
        if (live) setError(err);
      }
    })();
    return () => {
      live = false;
    };
  }, [trackId, reload]);

  if (error !== null) {
    return (
      <section className="stack">
        <PageTitle>{t('ticket.followLink')}</PageTitle>
        <Notice kind="error">
          {error instanceof PortalApiError && error.code === 'portal_ticket_not_found'
            ? t('ticket.notFound')
            : errorText(t, error)}
        </Notice>
        <p>
          <Link to={`${paths.follow}?key=${encodeURIComponent(trackId)}`}>{t('ticket.followLink')}</Link>
        </p>
      </section>
    );
  }
  if (!loaded) return <p role="status">{t('common.loading')}</p>;
  const { ticket, messages, documents } = loaded;

  const afterReply = async () => {
    setNotice('replySent');
    await reload();
  };
  const afterClose = (closed: PortalTicket) => {
    setNotice('closedDone');
    setLoaded((l) => (l ? { ...l, ticket: closed } : l));
  };

  return (
    <article className="stack">
      <p className="ref">{ticket.ref}</p>
      <PageTitle>{ticket.subject}</PageTitle>
      {notice && <Notice kind="success">{t(`ticket.${notice}`)}</Notice>}
      <TicketFacts config={config} ticket={ticket} />
      <section aria-labelledby="portal-description">
        <h2 id="portal-description">{t('ticket.description')}</h2>
        {/* Sanitized HTML from the server (the customer's text was escaped into paragraphs). */}
        <div className="rich-text" dangerouslySetInnerHTML={{ __html: ticket.message }} />
      </section>
      <section aria-labelledby="portal-messages">
        <h2 id="portal-messages">{t('ticket.messages')}</h2>
        <MessageList trackId={trackId} messages={messages} />
      </section>
      <section aria-labelledby="portal-documents">
        <h2 id="portal-documents">{t('ticket.documents')}</h2>
        <DocumentList trackId={trackId} documents={documents} />
      </section>
      {ticket.canReply ? (
        <ReplyForm trackId={trackId} limits={config.uploads} onSent={afterReply} />
      ) : (
        ticket.status === 'closed' && <p className="muted">{t('ticket.closedNotice')}</p>
      )}
      {ticket.canClose && <CloseTicket trackId={trackId} onClosed={afterClose} />}
    </article>
  );
}
