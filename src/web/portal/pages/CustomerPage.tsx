import { useEffect, useState } from 'react';
import { portalApi, type PortalConfig, type PortalCustomer } from '../api.js';
import { Notice } from '../components/Notice.js';
import { PageTitle } from '../components/PageTitle.js';
import { errorText } from '../errors.js';
import { formatDateTime } from '../format.js';
import { useI18n } from '../i18n/i18n.js';
import { Link, paths } from '../router.js';
import { CreatedPanel } from './CreatedPanel.js';
import { TicketForm, type CreatedTicket } from './TicketForm.js';

// One POST /session/customer per token, even when React runs the effect twice.
const customerLinks = new Map<string, Promise<PortalCustomer>>();

function openCustomerLink(token: string): Promise<PortalCustomer> {
  let pending = customerLinks.get(token);
  if (!pending) {
    pending = portalApi.openCustomerLink(token);
    customerLinks.set(token, pending);
    // A failed attempt may be retried by a reload; a successful one is reused.
    pending.catch(() => customerLinks.delete(token));
  }
  return pending;
}

/**
 * /portal/c/:token, the personalized link of a customer: its name, all its tickets with their status, and
 * the new-ticket form offering its contacts.
 */
export function CustomerPage({ config, token }: { config: PortalConfig; token: string }) {
  const { t, language } = useI18n();
  const [customer, setCustomer] = useState<PortalCustomer | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [formOpen, setFormOpen] = useState(false);
  const [created, setCreated] = useState<CreatedTicket | null>(null);

  useEffect(() => {
    let live = true;
    openCustomerLink(token).then(
      (c) => live && setCustomer(c),
      (err: unknown) => live && setError(err),
    );
    return () => {
      live = false;
    };
  }, [token]);

  const onCreated = (ticket: CreatedTicket) => {
    setCreated(ticket);
    setFormOpen(false);
    portalApi.customer().then(setCustomer, () => undefined); // the list gains the new ticket
  };

  if (error !== null) {
    return (
      <section className="stack">
        <PageTitle>{config.title[language]}</PageTitle>
        <Notice kind="error">{errorText(t, error)}</Notice>
      </section>
    );
  }
  if (!customer) return <p role="status">{t('common.loading')}</p>;
  if (created) {
    return (
      <>
        <CreatedPanel ticket={created} />
        <p>
          <button type="button" className="link-button" onClick={() => setCreated(null)}>
            {t('customer.tickets')}
          </button>
        </p>
      </>
    );
  }
  return (
    <section className="stack">
      <PageTitle>{t('customer.welcome', { name: customer.name })}</PageTitle>
      <div className="actions">
        <button
          type="button"
          className={formOpen ? 'button' : 'button primary'}
          aria-expanded={formOpen}
          aria-controls="portal-customer-form"
          onClick={() => setFormOpen((open) => !open)}
        >
          {formOpen ? t('customer.hideForm') : t('customer.newTicket')}
        </button>
      </div>
      {formOpen && (
        <section
          id="portal-customer-form"
          aria-labelledby="portal-customer-form-title"
          className="stack panel"
        >
          <h2 id="portal-customer-form-title">{t('form.title')}</h2>
          <TicketForm config={config} contacts={customer.contacts} onCreated={onCreated} />
        </section>
      )}
      <section aria-labelledby="portal-customer-tickets" className="stack">
        <h2 id="portal-customer-tickets">{t('customer.tickets')}</h2>
        {customer.tickets.length === 0 ? (
          <p className="muted">{t('customer.noTickets')}</p>
        ) : (
          <ul className="ticket-list">
            {customer.tickets.map((ticket) => (
              <li key={ticket.trackId}>
                <Link to={paths.ticket(ticket.trackId)}>
                  <span className="ref">{ticket.ref}</span> {ticket.subject}
                </Link>
                <span className={`status-badge status-${ticket.status}`}>
                  {t(`ticket.statuses.${ticket.status}`)}
                </span>
                <time dateTime={ticket.updatedAt} className="muted">
                  {formatDateTime(language, ticket.updatedAt)}
                </time>
              </li>
            ))}
          </ul>
        )}
      </section>
    </section>
  );
}
