import { useState } from 'react';
import type { CustomFieldIssue } from '../../../common/customFields.js';
import type { PortalCustomField } from '../../../common/schemas/custom-field.schema.js';
import type { Problem } from '../components/FilePicker.js';
import { customFieldIssues } from '../errors.js';
import type { Translate } from '../i18n/i18n.js';
import {
  checkCustomFields,
  customFieldProblem,
  type CustomValue,
  type CustomValues,
} from './customFields.js';

/**
 * The custom fields of the portal form: what the visitor entered, and the problems shown on each field
 * (the form's own checks, then the server's), each gone once its field changes.
 */
export function usePortalCustomFields(fields: readonly PortalCustomField[]) {
  const [values, setValues] = useState<CustomValues>({});
  const [problems, setProblems] = useState<Record<string, Problem>>({});

  /** Shows the issues on their fields; answers the key of the first one in the form's order. */
  const show = (issues: CustomFieldIssue[]): string | null => {
    const byKey: Record<string, Problem> = {};
    for (const issue of issues) {
      const field = fields.find((f) => f.key === issue.key);
      byKey[issue.key] = customFieldProblem(field, issue, values[issue.key]);
    }
    setProblems(byKey);
    return fields.find((f) => byKey[f.key])?.key ?? null;
  };

  return {
    values,
    set: (key: string, value: CustomValue) => {
      setValues((v) => ({ ...v, [key]: value }));
      setProblems((p) => {
        const { [key]: _gone, ...rest } = p;
        return rest;
      });
    },
    errorOf: (t: Translate) => (key: string) => {
      const p = problems[key];
      return p ? t(p.key, p.vars) : null;
    },
    /** Checks the values as the server will: what to send, and the first field in error (or null). */
    check: () => {
      const result = checkCustomFields(fields, values);
      return { values: result.values, firstInError: show(result.issues) };
    },
    /** Takes a 400 invalid_custom_field: the first field in error, or null when none of the form's. */
    acceptServerError: (err: unknown): string | null => {
      const issues = customFieldIssues(err);
      return issues ? show(issues) : null;
    },
  };
}
