import { documentUrl, type PortalDocument, type PortalMessage } from '../api.js';
import { formatDateTime, formatSize } from '../format.js';
import { useI18n } from '../i18n/i18n.js';

function Attachments({ trackId, documents }: { trackId: string; documents: PortalDocument[] }) {
  const { t } = useI18n();
  return (
    <ul className="documents">
      {documents.map((d) => (
        <li key={d.id}>
          <a href={documentUrl(trackId, d.id)} download={d.filename}>
            {t('ticket.download', { name: d.filename, size: formatSize(t, d.size) })}
          </a>
        </li>
      ))}
    </ul>
  );
}

/** The public messages, newest first (the server's order), each with its attachments. */
export function MessageList({ trackId, messages }: { trackId: string; messages: PortalMessage[] }) {
  const { t, language } = useI18n();
  if (messages.length === 0) return <p className="muted">{t('ticket.noMessages')}</p>;
  return (
    <ol className="messages">
      {messages.map((m) => (
        <li key={m.id} className={`message message-${m.author.kind}`}>
          <p className="message-meta">
            <strong>
              {m.author.kind === 'customer'
                ? (m.author.name ?? t('ticket.you'))
                : (m.author.name ?? t('ticket.support'))}
            </strong>
            {' · '}
            <time dateTime={m.createdAt}>{formatDateTime(language, m.createdAt)}</time>
          </p>
          {/* Sanitized HTML from the server. */}
          <div className="rich-text" dangerouslySetInnerHTML={{ __html: m.body }} />
          {m.attachments.length > 0 && <Attachments trackId={trackId} documents={m.attachments} />}
        </li>
      ))}
    </ol>
  );
}

/** Every document the customer may download: the ticket's own and those of public messages. */
export function DocumentList({ trackId, documents }: { trackId: string; documents: PortalDocument[] }) {
  const { t } = useI18n();
  if (documents.length === 0) return <p className="muted">{t('ticket.noDocuments')}</p>;
  return <Attachments trackId={trackId} documents={documents} />;
}
