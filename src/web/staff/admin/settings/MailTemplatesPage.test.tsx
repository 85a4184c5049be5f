import { configure, fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { MailTemplates } from '../../../../common/schemas/mail.schema.js';
import { json, makeUser, renderApp, stubApi } from '../../../test-utils.js';

configure({ asyncUtilTimeout: 5000 });

const tpl = (subject: string | undefined, body: string) => ({ ...(subject ? { subject } : {}), body });
const templates: MailTemplates = {
  placeholders: [
    'ref',
    'trackId',
    'subject',
    'link',
    'customerName',
    'assigneeName',
    'status',
    'supportAddress',
  ],
  templates: [
    {
      name: 'confirmation',
      hasSubject: true,
      values: { fr: tpl('[{ref}] Reçu', 'Bonjour {customerName}'), en: tpl('[{ref}] Received', 'Hello') },
      defaults: { fr: tpl('[{ref}] Reçu', 'Bonjour {customerName}'), en: tpl('[{ref}] Received', 'Hello') },
    },
    {
      name: 'signature',
      hasSubject: false,
      values: { fr: tpl(undefined, 'Cordialement'), en: tpl(undefined, 'Regards') },
      defaults: { fr: tpl(undefined, 'Cordialement'), en: tpl(undefined, 'Regards') },
    },
  ],
};

describe('email templates page', () => {
  it('edits a template in English with a placeholder, previews the draft and saves that language only', async () => {
    const calls = stubApi({
      'GET /auth/me': () => json({ user: makeUser(), csrfToken: 'csrf' }),
      'GET /auth/setup': () => json({ setupRequired: false }),
      'GET /settings/mail/templates': () => json(templates),
      'POST /settings/mail/preview': (call) => {
        const body = call.body as { body?: string; subject?: string };
        return json({
          subject: `[TS2611-0042] ${body.subject ?? ''}`,
          html: '<p>x</p>',
          text: body.body ?? '',
        });
      },
      'PUT /settings/mail/templates': () => json(templates),
    });
    renderApp('/admin/email/templates');
    expect((await screen.findByLabelText<HTMLInputElement>('Objet')).value).toBe('[{ref}] Reçu');
    fireEvent.click(screen.getByRole('tab', { name: 'Anglais' }));
    fireEvent.change(screen.getByLabelText('Texte'), { target: { value: 'Hi ' } });
    fireEvent.click(screen.getByRole('button', { name: '{trackId}' }));
    expect(screen.getByLabelText<HTMLTextAreaElement>('Texte').value).toBe('Hi {trackId}');
    await waitFor(() =>
      expect(calls.filter((c) => c.path === '/settings/mail/preview').at(-1)?.body).toEqual({
        template: 'confirmation',
        language: 'en',
        subject: '[{ref}] Received',
        body: 'Hi {trackId}',
      }),
    );
    expect(await screen.findByText('Hi {trackId}', { selector: 'pre' })).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'PUT')).toBe(true));
    expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({
      confirmation: { en: { subject: '[{ref}] Received', body: 'Hi {trackId}' } },
    });
  });

  it('an empty subject cannot be saved', async () => {
    stubApi({
      'GET /auth/me': () => json({ user: makeUser({ language: 'en' }), csrfToken: 'csrf' }),
      'GET /auth/setup': () => json({ setupRequired: false }),
      'GET /settings/mail/templates': () => json(templates),
      'POST /settings/mail/preview': () => json({ subject: 's', html: '', text: '' }),
    });
    renderApp('/admin/email/templates', { language: 'en' });
    fireEvent.change(await screen.findByLabelText('Subject'), { target: { value: ' ' } });
    expect(await screen.findByText('Subject and text are required; the subject is one line.')).toBeTruthy();
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Save' }).disabled).toBe(true);
  });
});
