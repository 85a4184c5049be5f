import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n.js';

/** What a control needs to be announced with its label, hint and error. */
export interface ControlProps {
  id: string;
  'aria-invalid': boolean;
  'aria-describedby'?: string;
  required?: boolean;
}

/**
 * A labelled form field: the label is a real <label for>, the hint and the error are tied to the control
 * with aria-describedby, so screen readers read them with it.
 */
export function Field(props: {
  id: string;
  label: string;
  required?: boolean;
  hint?: string;
  error?: string | null;
  children: (control: ControlProps) => ReactNode;
}) {
  const { t } = useI18n();
  const { id, label, required, hint, error } = props;
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>
        {label}
        {required && (
          <span className="required" title={t('common.required')}>
            {' *'}
          </span>
        )}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      {props.children({
        id,
        'aria-invalid': Boolean(error),
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
        ...(required ? { required: true } : {}),
      })}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
