/** Fixtures for the custom field integration tests (not a test file itself). */
import type { CustomFieldGroup, CustomFieldType } from '../../common/customFields.js';
import type { CustomField } from '../../common/schemas/custom-field.schema.js';
import type { Session } from '../../../test/helpers/app.js';

export const CF = '/api/v1/custom-fields';

export const OPTIONS = [
  { value: 'gold', label: { fr: 'Or', en: 'Gold' } },
  { value: 'silver', label: { fr: 'Argent', en: 'Silver' } },
  { value: 'bronze', label: { fr: 'Bronze', en: 'Bronze' } },
];

/** A creation body: labels from the key, options for the select types. */
export function fieldInput(
  key: string,
  type: CustomFieldType,
  over: { group?: CustomFieldGroup; required?: boolean; active?: boolean; options?: unknown[] } = {},
) {
  return {
    key,
    label: { fr: `${key} (fr)`, en: `${key} (en)` },
    type,
    group: over.group ?? 'BOTH',
    required: over.required ?? false,
    ...(over.active !== undefined ? { active: over.active } : {}),
    ...(type === 'select' || type === 'multiselect' ? { options: over.options ?? OPTIONS } : {}),
  };
}

/** Defines a field through the API; throws on anything but 201. */
export async function defineField(
  admin: Session,
  key: string,
  type: CustomFieldType,
  over: Parameters<typeof fieldInput>[2] = {},
): Promise<CustomField> {
  const res = await admin.request({ method: 'POST', url: CF, payload: fieldInput(key, type, over) });
  if (res.statusCode !== 201) throw new Error(`custom field: ${res.statusCode} ${res.body}`);
  return res.json<CustomField>();
}

export async function patchField(admin: Session, id: number, payload: Record<string, unknown>) {
  const res = await admin.request({ method: 'PATCH', url: `${CF}/${id}`, payload });
  if (res.statusCode !== 200) throw new Error(`custom field patch: ${res.statusCode} ${res.body}`);
  return res.json<CustomField>();
}

/** The issues of a 400 invalid_custom_field, as [key, code] pairs. */
export function issuesOf(res: { statusCode: number; json: <T>() => T }): [string, string][] {
  const body = res.json<{
    error: { code: string; details?: { issues?: { key: string; code: string }[] } };
  }>();
  if (res.statusCode !== 400 || body.error.code !== 'invalid_custom_field')
    throw new Error(`expected invalid_custom_field, got ${res.statusCode} ${JSON.stringify(body)}`);
  return (body.error.details?.issues ?? []).map((i) => [i.key, i.code]);
}
