import { useEffect, useRef, useState } from 'react';
import { portalApi, type PortalTicket } from '../api.js';
import { Notice } from '../components/Notice.js';
import { errorText } from '../errors.js';
import { useI18n } from '../i18n/i18n.js';

/** "Close my ticket", confirmed in place (no modal: simpler for keyboards and screen readers). */
export function CloseTicket({
  trackId,
  onClosed,
}: {
  trackId: string;
  onClosed: (ticket: PortalTicket) => void;
}) {
  const { t } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const openRef = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);

  useEffect(() => {
    if (confirming) cancelRef.current?.focus();
    else if (wasConfirming.current) openRef.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  async function close() {
    setBusy(true);
    setError(null);
    try {
      onClosed(await portalApi.close(trackId));
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  }

  return (
    <section className="stack close-ticket">
      {error !== null && <Notice kind="error">{errorText(t, error)}</Notice>}
      {confirming ? (
        <div role="group" aria-labelledby="portal-close-question" className="confirm">
          <p id="portal-close-question">{t('ticket.closeConfirm')}</p>
          <div className="actions">
            <button type="button" className="button danger" disabled={busy} onClick={() => void close()}>
              {t('ticket.closeYes')}
            </button>
            <button type="button" className="button" ref={cancelRef} onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <div className="actions">
          <button type="button" className="button" ref={openRef} onClick={() => setConfirming(true)}>
            {t('ticket.close')}
          </button>
        </div>
      )}
    </section>
  );
}
