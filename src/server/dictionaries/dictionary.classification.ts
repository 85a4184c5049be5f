import type { DictionaryKind } from '../../common/tickets.js';
import type { DictionaryEntryRow } from '../db/schema.js';
import { AppError } from '../http/errors.js';

export interface ClassificationInput {
  typeCode?: string;
  categoryCode?: string;
  severityCode?: string;
}

export interface Classification {
  typeCode: string;
  categoryCode: string;
  severityCode: string;
}

export interface ResolvedClassification extends Classification {
  /** Position of the severity in its dictionary: "sort by severity" follows the dictionary order. */
  severityRank: number;
}

const FIELDS = [
  ['typeCode', 'ticket-types', 'ticket type'],
  ['categoryCode', 'ticket-categories', 'ticket category'],
  ['severityCode', 'ticket-severities', 'ticket severity'],
] as const satisfies readonly (readonly [keyof Classification, DictionaryKind, string])[];

/**
 * The rules of SPEC 2.4 applied to a ticket's classification, over the rows of the dictionaries.
 * A missing code keeps the current one, or takes the kind's default for a new ticket. A given code must be
 * active, except that a ticket may keep a code that was deactivated after it was chosen.
 */
export function resolveClassificationFrom(
  rows: readonly DictionaryEntryRow[],
  input: ClassificationInput,
  current?: Classification,
): ResolvedClassification {
  const out: Classification = { typeCode: '', categoryCode: '', severityCode: '' };
  let severityRank = 0;
  for (const [field, kind, noun] of FIELDS) {
    const given = input[field];
    const entries = rows.filter((r) => r.kind === kind);
    let code: string;
    if (given !== undefined) code = given;
    else if (current) code = current[field];
    else {
      const def = entries.find((r) => r.is_default && r.active) ?? entries.find((r) => r.active);
      if (!def) {
        throw new AppError('invalid_classification', 400, `There is no active ${noun} to choose`, {
          details: { field },
        });
      }
      code = def.code;
    }
    const entry = entries.find((r) => r.code === code);
    const keptFromCurrent = current !== undefined && current[field] === code;
    if (!keptFromCurrent && (!entry || !entry.active)) {
      throw new AppError('invalid_classification', 400, `${field} "${code}" is not an active ${noun}`, {
        details: { field, code },
      });
    }
    out[field] = code;
    if (field === 'severityCode') severityRank = entry?.position ?? 0;
  }
  return { ...out, severityRank };
}
