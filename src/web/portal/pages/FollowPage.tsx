import { useEffect, useRef, useState, type FormEvent } from 'react';
import { portalApi } from '../api.js';
import { Field } from '../components/Field.js';
import { Notice } from '../components/Notice.js';
import { PageTitle } from '../components/PageTitle.js';
import { errorText } from '../errors.js';
import { useI18n, type MessageKey } from '../i18n/i18n.js';
import { navigate, paths } from '../router.js';
import { emailProblem } from './ticketForm.validation.js';

type Problems = { key?: MessageKey; email?: MessageKey };

/** /portal/follow: tracking key + email. An unknown key and a wrong email get the same answer. */
export function FollowPage({ initialKey }: { initialKey: string }) {
  const { t } = useI18n();
  const [trackId, setTrackId] = useState(initialKey);
  const [email, setEmail] = useState('');
  const [problems, setProblems] = useState<Problems>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const keyRef = useRef<HTMLInputElement>(null);
  const emailRef = useRef<HTMLInputElement>(null);
  const [focusTick, setFocusTick] = useState(0);

  useEffect(() => {
    if (focusTick === 0) return;
    (problems.key ? keyRef : emailRef).current?.focus();
  }, [focusTick, problems]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const emailKey = emailProblem(email)?.key;
    const found: Problems = {
      ...(trackId.trim() ? {} : { key: 'follow.keyRequired' as const }),
      ...(emailKey ? { email: emailKey } : {}),
    };
    setProblems(found);
    setError(null);
    if (found.key || found.email) {
      setFocusTick((n) => n + 1);
      return;
    }
    setBusy(true);
    try {
      const { ticket } = await portalApi.follow(trackId.trim(), email.trim());
      navigate(paths.ticket(ticket.trackId));
    } catch (err) {
      setBusy(false);
      setError(err);
    }
  }

  return (
    <section className="stack">
      <PageTitle>{t('follow.title')}</PageTitle>
      <p>{t('follow.intro')}</p>
      {error !== null && <Notice kind="error">{errorText(t, error)}</Notice>}
      <form className="stack" onSubmit={(e) => void submit(e)} noValidate>
        <Field id="follow-key" label={t('follow.key')} required error={problems.key ? t(problems.key) : null}>
          {(control) => (
            <input
              {...control}
              ref={keyRef}
              autoComplete="off"
              spellCheck={false}
              value={trackId}
              onChange={(e) => setTrackId(e.target.value)}
            />
          )}
        </Field>
        <Field
          id="follow-email"
          label={t('follow.email')}
          required
          error={problems.email ? t(problems.email) : null}
        >
          {(control) => (
            <input
              {...control}
              ref={emailRef}
              type="email"
              autoComplete="email"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          )}
        </Field>
        <div className="actions">
          <button type="submit" className="button primary" disabled={busy}>
            {t('follow.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
