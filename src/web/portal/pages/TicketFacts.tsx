import type { PortalConfig, PortalTicket } from '../api.js';
import { formatDateTime, formatDuration, labelOf } from '../format.js';
import { useI18n } from '../i18n/i18n.js';
import { customValueText } from './customFields.js';

/**
 * Status, classification, dates, progress and duration of a ticket, then the custom fields the customer
 * may see (the server sends only those), as a description list.
 */
export function TicketFacts({ config, ticket }: { config: PortalConfig; ticket: PortalTicket }) {
  const { t, language } = useI18n();
  const facts: [string, string][] = [
    [t('ticket.ref'), ticket.ref],
    [t('ticket.type'), labelOf(config.types, ticket.typeCode, language)],
    [t('ticket.category'), labelOf(config.categories, ticket.categoryCode, language)],
    [t('ticket.severity'), labelOf(config.severities, ticket.severityCode, language)],
    ...(ticket.customerName ? [[t('ticket.customer'), ticket.customerName] as [string, string]] : []),
    [t('ticket.createdAt'), formatDateTime(language, ticket.createdAt)],
    [t('ticket.updatedAt'), formatDateTime(language, ticket.updatedAt)],
    ...(ticket.closedAt
      ? [[t('ticket.closedAt'), formatDateTime(language, ticket.closedAt)] as [string, string]]
      : []),
    ...(ticket.durationMinutes !== null
      ? [[t('ticket.duration'), formatDuration(t, ticket.durationMinutes)] as [string, string]]
      : []),
    ...ticket.customFields.map(
      (f) =>
        [
          f.label[language],
          customValueText(f, language, { yes: t('customFields.yes'), no: t('customFields.no') }),
        ] as [string, string],
    ),
  ];
  const progress = Math.max(0, Math.min(100, ticket.progress));
  return (
    <div className="stack">
      <p>
        <span className="label">{t('ticket.status')}</span>{' '}
        <span className={`status-badge status-${ticket.status}`}>
          {t(`ticket.statuses.${ticket.status}`)}
        </span>
      </p>
      <div className="progress-line">
        <label htmlFor="portal-progress">{t('ticket.progress')}</label>
        <progress id="portal-progress" max={100} value={progress}>
          {progress} %
        </progress>
        <span aria-hidden="true">{progress} %</span>
      </div>
      <dl className="facts">
        {facts.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
