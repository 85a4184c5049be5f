import { useId, useRef, useState, type FormEvent } from 'react';
import { portalApi, uploadFile, type PortalConfig } from '../api.js';
import { Field } from '../components/Field.js';
import {
  FilePicker,
  fileProblem,
  uploadAll,
  type Problem,
  type UploadState,
} from '../components/FilePicker.js';
import { Notice } from '../components/Notice.js';
import { errorText } from '../errors.js';
import { useI18n } from '../i18n/i18n.js';
import { DESCRIPTION_MAX } from './ticketForm.validation.js';

/**
 * A customer's reply: the files go first (each with its progress) to the ticket, then the message that
 * lists them. A file that fails stops the reply, so nothing half-sent is announced as sent; a retry sends
 * only what is missing.
 */
export function ReplyForm(props: {
  trackId: string;
  limits: PortalConfig['uploads'];
  onSent: () => Promise<void>;
}) {
  const { t } = useI18n();
  const uid = useId();
  const [body, setBody] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [uploads, setUploads] = useState<UploadState[]>([]);
  const [problems, setProblems] = useState<{ body?: Problem; files?: Problem }>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const uploaded = useRef(new Map<File, number[]>());

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    const text = body.trim();
    const found: { body?: Problem; files?: Problem } = {};
    if (!text) found.body = { key: 'ticket.replyRequired' };
    else if (text.length > DESCRIPTION_MAX)
      found.body = { key: 'form.descriptionTooLong', vars: { max: DESCRIPTION_MAX } };
    const filesProblem = fileProblem(files, props.limits);
    if (filesProblem) found.files = filesProblem;
    setProblems(found);
    setError(null);
    if (found.body) return bodyRef.current?.focus();
    if (found.files) return document.getElementById(`${uid}-files`)?.focus();
    setBusy(true);
    try {
      // Files already uploaded by an attempt that failed later are not sent again.
      const pending = files.filter((f) => !uploaded.current.has(f));
      const { failures } = await uploadAll(
        pending,
        async (file, onProgress) => {
          const docs = await uploadFile(props.trackId, file, onProgress);
          uploaded.current.set(
            file,
            docs.map((d) => d.id),
          );
          return docs;
        },
        (states) =>
          setUploads(files.map((f) => (pending.includes(f) ? (states[pending.indexOf(f)] ?? 0) : 'done'))),
      );
      if (failures[0]) throw failures[0].error;
      const attachmentIds = files.flatMap((f) => uploaded.current.get(f) ?? []);
      await portalApi.reply(props.trackId, { body: text, attachmentIds });
      uploaded.current.clear();
      setBody('');
      setFiles([]);
      setUploads([]);
      setBusy(false);
      await props.onSent();
    } catch (err) {
      setBusy(false);
      setError(err);
    }
  }

  return (
    <section aria-labelledby={`${uid}-title`}>
      <h2 id={`${uid}-title`}>{t('ticket.reply')}</h2>
      <form className="stack" onSubmit={(e) => void submit(e)} noValidate aria-busy={busy}>
        {error !== null && <Notice kind="error">{errorText(t, error)}</Notice>}
        <Field
          id={`${uid}-body`}
          label={t('ticket.replyLabel')}
          required
          error={problems.body ? t(problems.body.key, problems.body.vars) : null}
        >
          {(control) => (
            <textarea
              {...control}
              ref={bodyRef}
              rows={6}
              value={body}
              onChange={(e) => setBody(e.target.value)}
            />
          )}
        </Field>
        <FilePicker
          id={`${uid}-files`}
          files={files}
          onChange={(next) => {
            setFiles(next);
            setUploads([]);
          }}
          uploads={uploads}
          limits={props.limits}
          disabled={busy}
          error={problems.files ? t(problems.files.key, problems.files.vars) : null}
        />
        <div className="actions">
          <button type="submit" className="button primary" disabled={busy}>
            {t('ticket.send')}
          </button>
          <p role="status" className="status">
            {busy ? t('ticket.sendingReply') : ''}
          </p>
        </div>
      </form>
    </section>
  );
}
