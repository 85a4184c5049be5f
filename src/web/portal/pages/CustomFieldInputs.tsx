import { MAX_LENGTH } from '../../../common/customFields.js';
import type { PortalCustomField } from '../../../common/schemas/custom-field.schema.js';
import { Field } from '../components/Field.js';
import { useI18n } from '../i18n/i18n.js';
import { customFieldId, type CustomValue, type CustomValues } from './customFields.js';

const text = (v: CustomValue | undefined) => (typeof v === 'string' ? v : '');
const list = (v: CustomValue | undefined) => (Array.isArray(v) ? v : []);

function RequiredMark() {
  const { t } = useI18n();
  return (
    <span className="required" title={t('common.required')}>
      {' *'}
    </span>
  );
}

/** One field: plain HTML controls (the portal has no UI kit), labelled, with its error tied to it. */
function CustomFieldInput({
  field,
  id,
  value,
  error,
  onChange,
}: {
  field: PortalCustomField;
  id: string;
  value: CustomValue | undefined;
  error: string | null;
  onChange: (value: CustomValue) => void;
}) {
  const { t, language } = useI18n();
  const label = field.label[language];
  const errorId = `${id}-error`;
  const errorLine = error && (
    <p id={errorId} className="field-error">
      {error}
    </p>
  );

  if (field.type === 'checkbox') {
    return (
      <div className={error ? 'field field-invalid' : 'field'}>
        <label className="check" htmlFor={id}>
          <input
            id={id}
            type="checkbox"
            checked={value === true}
            aria-invalid={Boolean(error)}
            {...(error ? { 'aria-describedby': errorId } : {})}
            {...(field.required ? { 'aria-required': true } : {})}
            onChange={(e) => onChange(e.target.checked)}
          />
          <span>
            {label}
            {field.required && <RequiredMark />}
          </span>
        </label>
        {errorLine}
      </div>
    );
  }
  if (field.type === 'multiselect') {
    // A list of boxes: every choice visible, and each one a native control.
    const chosen = list(value);
    return (
      <fieldset
        id={id}
        tabIndex={-1}
        className={error ? 'field field-invalid' : 'field'}
        aria-invalid={Boolean(error)}
        {...(error ? { 'aria-describedby': errorId } : {})}
      >
        <legend>
          {label}
          {field.required && <RequiredMark />}
        </legend>
        <div className="checks">
          {field.options.map((o) => (
            <label key={o.value} className="check">
              <input
                type="checkbox"
                checked={chosen.includes(o.value)}
                onChange={(e) =>
                  onChange(e.target.checked ? [...chosen, o.value] : chosen.filter((v) => v !== o.value))
                }
              />
              <span>{o.label[language]}</span>
            </label>
          ))}
        </div>
        {errorLine}
      </fieldset>
    );
  }
  return (
    <Field id={id} label={label} required={field.required} error={error}>
      {(control) => {
        switch (field.type) {
          case 'textarea':
            return (
              <textarea
                {...control}
                rows={4}
                maxLength={MAX_LENGTH.textarea}
                value={text(value)}
                onChange={(e) => onChange(e.target.value)}
              />
            );
          case 'select':
            return (
              <select {...control} value={text(value)} onChange={(e) => onChange(e.target.value)}>
                <option value="">{t('customFields.choose')}</option>
                {field.options.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label[language]}
                  </option>
                ))}
              </select>
            );
          case 'date':
            return (
              <input
                {...control}
                type="date"
                value={text(value)}
                onChange={(e) => onChange(e.target.value)}
              />
            );
          case 'number':
            // Text with a decimal keyboard: the browser's number input would drop what it cannot read.
            return (
              <input
                {...control}
                inputMode="decimal"
                value={text(value)}
                onChange={(e) => onChange(e.target.value)}
              />
            );
          // checkbox and multiselect were rendered above; listed so that no type is forgotten here.
          case 'checkbox':
          case 'multiselect':
          case 'text':
          case 'email':
          case 'url':
          case 'phone':
            return (
              <input
                {...control}
                type={field.type === 'phone' ? 'tel' : field.type === 'text' ? 'text' : field.type}
                autoComplete={field.type === 'phone' ? 'tel' : 'off'}
                maxLength={MAX_LENGTH[field.type]}
                value={text(value)}
                onChange={(e) => onChange(e.target.value)}
              />
            );
        }
      }}
    </Field>
  );
}

/** The custom fields of the portal form (config `customFields`), in their order. */
export function CustomFieldInputs({
  fields,
  values,
  errorOf,
  onChange,
  id,
}: {
  fields: readonly PortalCustomField[];
  values: CustomValues;
  errorOf: (key: string) => string | null;
  onChange: (key: string, value: CustomValue) => void;
  id: (field: string) => string;
}) {
  return (
    <>
      {fields.map((f) => (
        <CustomFieldInput
          key={f.key}
          field={f}
          id={id(customFieldId(f.key))}
          value={values[f.key]}
          error={errorOf(f.key)}
          onChange={(v) => onChange(f.key, v)}
        />
      ))}
    </>
  );
}
