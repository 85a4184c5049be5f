import type { PortalConfig } from '../api.js';
import { fileProblem, type Problem } from '../components/FilePicker.js';

export interface TicketFormValues {
  email: string;
  name: string;
  /** '' for none; else the id of one of the personalized session's contacts. */
  contactId: string;
  subject: string;
  typeCode: string;
  categoryCode: string;
  severityCode: string;
  description: string;
  /** The honeypot: people never see it, so it stays empty. */
  website: string;
}

/** The fields that can carry an error, in the order of the form (the first one in error takes the focus). */
export const FIELD_ORDER = ['email', 'name', 'subject', 'description', 'files'] as const;
export type TicketFormField = (typeof FIELD_ORDER)[number];
export type TicketFormProblems = Partial<Record<TicketFormField, Problem>>;

export const SUBJECT_MAX = 255;
export const DESCRIPTION_MAX = 50_000;
// Deliberately loose: the server has the final word; this only catches what is obviously not an address.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The email rule of every portal form. */
export function emailProblem(value: string): Problem | null {
  const email = value.trim();
  if (!email) return { key: 'form.emailRequired' };
  return EMAIL.test(email) && email.length <= 254 ? null : { key: 'form.emailInvalid' };
}

export function validateTicketForm(
  values: TicketFormValues,
  files: File[],
  uploads: PortalConfig['uploads'],
): TicketFormProblems {
  const problems: TicketFormProblems = {};
  const email = emailProblem(values.email);
  if (email) problems.email = email;
  const subject = values.subject.trim();
  if (!subject) problems.subject = { key: 'form.subjectRequired' };
  else if (subject.length > SUBJECT_MAX)
    problems.subject = { key: 'form.subjectTooLong', vars: { max: SUBJECT_MAX } };
  const description = values.description.trim();
  if (!description) problems.description = { key: 'form.descriptionRequired' };
  else if (description.length > DESCRIPTION_MAX)
    problems.description = { key: 'form.descriptionTooLong', vars: { max: DESCRIPTION_MAX } };
  const files_ = fileProblem(files, { maxFiles: uploads.maxFiles, maxFileMb: uploads.maxFileMb });
  if (files_) problems.files = files_;
  return problems;
}

/** The server names request fields; the form's own names differ for the description. */
export function formFieldOf(requestField: string | null): TicketFormField | null {
  if (requestField === 'message') return 'description';
  return FIELD_ORDER.find((f) => f === requestField) ?? null;
}
