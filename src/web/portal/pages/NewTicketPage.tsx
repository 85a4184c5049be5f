import { useState } from 'react';
import type { PortalConfig } from '../api.js';
import { PageTitle } from '../components/PageTitle.js';
import { useI18n } from '../i18n/i18n.js';
import { CreatedPanel } from './CreatedPanel.js';
import { TicketForm, type CreatedTicket } from './TicketForm.js';

/** /portal/new: the anonymous form, then what to keep once the ticket exists. */
export function NewTicketPage({ config }: { config: PortalConfig }) {
  const { t } = useI18n();
  const [created, setCreated] = useState<CreatedTicket | null>(null);
  if (created) return <CreatedPanel ticket={created} />;
  return (
    <section className="stack">
      <PageTitle>{t('form.title')}</PageTitle>
      <TicketForm config={config} onCreated={setCreated} />
    </section>
  );
}
