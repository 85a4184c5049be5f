import { useEffect, useId, useState, type FormEvent } from 'react';
import { PortalApiError, portalApi, uploadFile, type PortalConfig } from '../api.js';
import { solveCaptcha } from '../captcha/captcha.js';
import { Field } from '../components/Field.js';
import { FilePicker, uploadAll, type UploadState } from '../components/FilePicker.js';
import { Notice } from '../components/Notice.js';
import { errorText, invalidField } from '../errors.js';
import { useI18n } from '../i18n/i18n.js';
import { ClassificationFields } from './ClassificationFields.js';
import { CustomFieldInputs } from './CustomFieldInputs.js';
import { usePortalCustomFields } from './usePortalCustomFields.js';
import { customFieldId } from './customFields.js';
import {
  formFieldOf,
  validateTicketForm,
  type TicketFormField,
  type TicketFormProblems,
  type TicketFormValues,
} from './ticketForm.validation.js';

export interface CreatedTicket {
  ref: string;
  trackId: string;
  email: string;
  /** Files that could not be attached, with the reason in the visitor's language. */
  failures: { name: string; reason: string }[];
}

type Phase = 'idle' | 'verifying' | 'sending' | 'uploading';

const has = (choices: { code: string }[], code: string) => choices.some((c) => c.code === code);

function initialValues(config: PortalConfig): TicketFormValues {
  const pick = (choices: { code: string }[], code: string) =>
    has(choices, code) ? code : (choices[0]?.code ?? '');
  return {
    email: '',
    name: '',
    contactId: '',
    subject: '',
    typeCode: pick(config.types, config.defaults.typeCode),
    categoryCode: pick(config.categories, config.defaults.categoryCode),
    severityCode: pick(config.severities, config.defaults.severityCode),
    description: '',
    website: '',
  };
}

/**
 * The form of a new ticket (SPEC 4): checked here first, then the captcha when the portal asks for one,
 * POST /tickets, and the attachments uploaded to the new ticket one by one with their progress.
 */
export function TicketForm(props: {
  config: PortalConfig;
  /** The personalized session's contacts, offered as "on behalf of". */
  contacts?: { id: number; name: string }[];
  onCreated: (ticket: CreatedTicket) => void;
}) {
  const { config, contacts } = props;
  const { t, language } = useI18n();
  const uid = useId();
  const id = (field: string) => `${uid}-${field}`;
  const [values, setValues] = useState(() => initialValues(config));
  const [files, setFiles] = useState<File[]>([]);
  const [uploads, setUploads] = useState<UploadState[]>([]);
  const [problems, setProblems] = useState<TicketFormProblems>({});
  const [serverError, setServerError] = useState<{ error: unknown; field: TicketFormField | null } | null>(
    null,
  );
  const custom = usePortalCustomFields(config.customFields);
  const [phase, setPhase] = useState<Phase>('idle');
  // A field of the form, or `cf-<key>` for a custom field.
  const [focusField, setFocusField] = useState<{ field: string } | null>(null);

  useEffect(() => {
    if (focusField) document.getElementById(`${uid}-${focusField.field}`)?.focus();
  }, [focusField, uid]);

  // Editing a field takes its error away: the message was about the old value.
  const clear = (field: string) => {
    setProblems((p) => (field in p ? { ...p, [field]: undefined } : p));
    setServerError((e) => (e?.field === field ? null : e));
  };
  const set = (field: keyof TicketFormValues) => (value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    clear(field);
  };
  const problem = (field: TicketFormField): string | null => {
    if (serverError?.field === field) return errorText(t, serverError.error);
    const p = problems[field];
    return p ? t(p.key, p.vars) : null;
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (phase !== 'idle') return;
    const found = validateTicketForm(values, files, config.uploads);
    const customCheck = custom.check();
    setProblems(found);
    setServerError(null);
    const firstCustom = customCheck.firstInError;
    // The order of the form: who, what, the custom fields (after the classification), then the text.
    const first =
      (['email', 'name', 'subject'] as const).find((f) => found[f]) ??
      (firstCustom === null ? undefined : customFieldId(firstCustom)) ??
      (['description', 'files'] as const).find((f) => found[f]);
    if (first) {
      setFocusField({ field: first });
      return;
    }
    try {
      let captcha: string | undefined;
      if (config.captcha) {
        setPhase('verifying');
        const solved = await solveCaptcha(await portalApi.captcha());
        if (!solved) throw new PortalApiError(400, 'captcha_failed', 'No solution found');
        captcha = solved;
      }
      setPhase('sending');
      const email = values.email.trim();
      const name = values.name.trim();
      const created = await portalApi.createTicket({
        email,
        ...(name ? { name } : {}),
        subject: values.subject.trim(),
        message: values.description.trim(),
        ...(values.typeCode ? { typeCode: values.typeCode } : {}),
        ...(values.categoryCode ? { categoryCode: values.categoryCode } : {}),
        ...(values.severityCode ? { severityCode: values.severityCode } : {}),
        ...(values.contactId ? { contactId: Number(values.contactId) } : {}),
        ...(Object.keys(customCheck.values).length > 0 ? { customFields: customCheck.values } : {}),
        language,
        ...(captcha ? { captcha } : {}),
        ...(values.website ? { website: values.website } : {}),
      });
      let failures: CreatedTicket['failures'] = [];
      if (files.length > 0) {
        setPhase('uploading');
        const result = await uploadAll(
          files,
          (file, onProgress) => uploadFile(created.trackId, file, onProgress),
          setUploads,
        );
        failures = result.failures.map((f) => ({ name: f.file.name, reason: errorText(t, f.error) }));
      }
      props.onCreated({ ref: created.ref, trackId: created.trackId, email, failures });
    } catch (err) {
      setPhase('idle');
      const customKey = custom.acceptServerError(err);
      if (customKey !== null) {
        setFocusField({ field: customFieldId(customKey) });
        return;
      }
      const field = formFieldOf(invalidField(err));
      setServerError({ error: err, field });
      if (field) setFocusField({ field });
    }
  }

  const busy = phase !== 'idle';
  const helpText = config.helpText[language].trim();
  return (
    <form className="stack" onSubmit={(e) => void submit(e)} noValidate aria-busy={busy}>
      <p className="hint">{t('form.intro')}</p>
      {helpText && <p className="plain-text">{helpText}</p>}
      {serverError && !serverError.field && <Notice kind="error">{errorText(t, serverError.error)}</Notice>}
      <Field
        id={id('email')}
        label={t('form.email')}
        hint={t('form.emailHint')}
        required
        error={problem('email')}
      >
        {(control) => (
          <input
            {...control}
            type="email"
            autoComplete="email"
            value={values.email}
            onChange={(e) => set('email')(e.target.value)}
          />
        )}
      </Field>
      <Field id={id('name')} label={t('form.name')} error={problem('name')}>
        {(control) => (
          <input
            {...control}
            autoComplete="name"
            value={values.name}
            onChange={(e) => set('name')(e.target.value)}
          />
        )}
      </Field>
      {contacts && contacts.length > 0 && (
        <Field id={id('contact')} label={t('form.contact')}>
          {(control) => (
            <select {...control} value={values.contactId} onChange={(e) => set('contactId')(e.target.value)}>
              <option value="">{t('form.contactNone')}</option>
              {contacts.map((c) => (
                <option key={c.id} value={String(c.id)}>
                  {c.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <Field id={id('subject')} label={t('form.subject')} required error={problem('subject')}>
        {(control) => (
          <input
            {...control}
            maxLength={255}
            value={values.subject}
            onChange={(e) => set('subject')(e.target.value)}
          />
        )}
      </Field>
      <ClassificationFields
        config={config}
        values={values}
        onChange={(field, value) => set(field)(value)}
        id={id}
      />
      <CustomFieldInputs
        fields={config.customFields}
        values={custom.values}
        errorOf={custom.errorOf(t)}
        onChange={custom.set}
        id={id}
      />
      <Field
        id={id('description')}
        label={t('form.description')}
        hint={t('form.descriptionHint')}
        required
        error={problem('description')}
      >
        {(control) => (
          <textarea
            {...control}
            rows={8}
            value={values.description}
            onChange={(e) => set('description')(e.target.value)}
          />
        )}
      </Field>
      <FilePicker
        id={id('files')}
        files={files}
        onChange={(next) => {
          setFiles(next);
          setUploads([]);
          clear('files');
        }}
        uploads={uploads}
        limits={config.uploads}
        disabled={busy}
        error={problem('files')}
      />
      {/* The honeypot: off screen and hidden from assistive technologies, skipped by the keyboard. */}
      <div className="honeypot" aria-hidden="true">
        <label htmlFor={id('website')}>{t('form.honeypot')}</label>
        <input
          id={id('website')}
          name="website"
          type="text"
          tabIndex={-1}
          autoComplete="off"
          value={values.website}
          onChange={(e) => set('website')(e.target.value)}
        />
      </div>
      <div className="actions">
        <button type="submit" className="button primary" disabled={busy}>
          {t('form.submit')}
        </button>
        <p role="status" className="status">
          {phase === 'verifying' && t('form.verifying')}
          {(phase === 'sending' || phase === 'uploading') && t('form.sending')}
        </p>
      </div>
    </form>
  );
}
