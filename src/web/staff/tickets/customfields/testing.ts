/** Definitions the custom-field component tests share, as GET /custom-fields answers them. Tests only. */
import type { CustomField } from '../../../../common/schemas/custom-field.schema.js';
import { json } from '../../../test-utils.js';

const AT = '2026-11-01T00:00:00.000Z';

export function makeField(id: number, key: string, overrides: Partial<CustomField> = {}): CustomField {
  return {
    id,
    key,
    label: { fr: key, en: key },
    type: 'text',
    required: false,
    options: [],
    position: id * 10,
    active: true,
    group: 'IN',
    createdAt: AT,
    updatedAt: AT,
    ...overrides,
  };
}

const option = (value: string, fr: string, en: string) => ({ value, label: { fr, en } });

/** One field of each kind the forms treat differently, in every group. */
export const FIELDS: CustomField[] = [
  makeField(1, 'serial', { label: { fr: 'Numéro de série', en: 'Serial number' }, required: true }),
  makeField(2, 'site', {
    label: { fr: 'Site', en: 'Site' },
    type: 'select',
    group: 'BOTH',
    options: [option('paris', 'Paris', 'Paris'), option('lyon', 'Lyon', 'Lyon')],
  }),
  makeField(3, 'units', { label: { fr: 'Unités', en: 'Units' }, type: 'number' }),
  makeField(4, 'warranty', { label: { fr: 'Sous garantie', en: 'Under warranty' }, type: 'checkbox' }),
  makeField(5, 'portal_ref', { label: { fr: 'Référence client', en: 'Customer reference' }, group: 'OUT' }),
  makeField(6, 'legacy', { label: { fr: 'Ancien code', en: 'Old code' }, active: false }),
  makeField(7, 'visit', { label: { fr: 'Date de visite', en: 'Visit date' }, type: 'date' }),
];

export const customFieldRoutes = (items: CustomField[] = FIELDS) => ({
  'GET /custom-fields': () => json({ items }),
});
