import { useState } from 'react';
import {
  fieldsForForm,
  validateCustomFieldValues,
  type CustomFieldIssue,
} from '../../../../common/customFields.js';
import { useCustomFields } from '../../../api/customFields.api.js';
import { creationValues, serverIssues, useIssueText, type Draft, type Drafts } from './customFieldValues.js';

/**
 * The custom fields of the staff creation form (IN and BOTH, active, in order): what was typed, the
 * same checks the server makes (`validateCustomFieldValues`, form `staff`), and the server's own issues
 * once it answered, each shown on its field until that field changes.
 */
export function useCreationCustomFields() {
  const definitions = useCustomFields();
  const issueText = useIssueText();
  const all = definitions.data ?? [];
  const fields = fieldsForForm(all, 'staff');
  const [drafts, setDrafts] = useState<Drafts>({});
  const [server, setServer] = useState<CustomFieldIssue[]>([]);
  const check = validateCustomFieldValues(all, creationValues(fields, drafts), 'staff');
  const texts = (issues: CustomFieldIssue[]) =>
    Object.fromEntries(
      issues.map((i) => [i.key, issueText(all.find((f) => f.key === i.key)?.type, i, drafts[i.key])]),
    );

  return {
    fields,
    drafts,
    set: (key: string, value: Draft) => {
      setDrafts((d) => ({ ...d, [key]: value }));
      setServer((issues) => issues.filter((i) => i.key !== key));
    },
    /** Whether the form must not be sent yet. */
    invalid: check.issues.length > 0,
    /** By key: the client's findings once the user tried to send (`shown`), the server's always. */
    errors: (shown: boolean): Record<string, string> => ({
      ...(shown ? texts(check.issues) : {}),
      ...texts(server),
    }),
    /** Normalized as the server will store them (trimmed text, numbers from numeric text). */
    values: check.values,
    /** Takes the issues of a 400 invalid_custom_field; false for any other error. */
    acceptServerError: (err: unknown): boolean => {
      const issues = serverIssues(err);
      if (issues) setServer(issues);
      return issues !== null;
    },
  };
}
