import type { PortalConfig } from '../api.js';
import { Field } from '../components/Field.js';
import { categoryOptions, choiceLabel } from '../format.js';
import { useI18n } from '../i18n/i18n.js';
import type { TicketFormValues } from './ticketForm.validation.js';

type ClassificationField = 'typeCode' | 'categoryCode' | 'severityCode';

/** Type, category (public ones, under their parent) and severity; a dictionary left empty is not asked. */
export function ClassificationFields({
  config,
  values,
  onChange,
  id,
}: {
  config: PortalConfig;
  values: Pick<TicketFormValues, ClassificationField>;
  onChange: (field: ClassificationField, value: string) => void;
  id: (field: string) => string;
}) {
  const { t, language } = useI18n();
  const set = (field: ClassificationField) => (value: string) => onChange(field, value);
  const categories = categoryOptions(config.categories, language);
  return (
    <div className="row">
      {config.types.length > 0 && (
        <Field id={id('type')} label={t('form.type')}>
          {(control) => (
            <select {...control} value={values.typeCode} onChange={(e) => set('typeCode')(e.target.value)}>
              {config.types.map((c) => (
                <option key={c.code} value={c.code}>
                  {choiceLabel(c, language)}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      {categories.length > 0 && (
        <Field id={id('category')} label={t('form.category')}>
          {(control) => (
            <select
              {...control}
              value={values.categoryCode}
              onChange={(e) => set('categoryCode')(e.target.value)}
            >
              {categories.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.label}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      {config.severities.length > 0 && (
        <Field id={id('severity')} label={t('form.severity')}>
          {(control) => (
            <select
              {...control}
              value={values.severityCode}
              onChange={(e) => set('severityCode')(e.target.value)}
            >
              {config.severities.map((c) => (
                <option key={c.code} value={c.code}>
                  {choiceLabel(c, language)}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
    </div>
  );
}
