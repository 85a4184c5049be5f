import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { DictionaryEntry } from '../../../../common/schemas/dictionary.schema.js';
import type { InboxStatus } from '../../../../common/schemas/inbox.schema.js';
import { apiError, json, makeUser, renderApp, stubApi } from '../../../test-utils.js';

configure({ asyncUtilTimeout: 5000 });

const saved = {
  'mail.smtp.host': 'smtp.example.com',
  'mail.smtp.port': 587,
  'mail.smtp.security': 'starttls',
  'mail.smtp.user': 'guichet',
  'mail.smtp.password': true,
  'mail.from': 'support@company.example',
  'mail.fromName': 'Support',
  'mail.noticeOnAssign': false,
  'mail.noticeOnClose': false,
  'mail.imap.host': 'imap.example.com',
  'mail.imap.port': 993,
  'mail.imap.security': 'tls',
  'mail.imap.user': 'support',
  'mail.imap.password': true,
  'mail.imap.folder': 'INBOX',
  'mail.imap.afterImport': 'seen',
  'mail.imap.moveTo': 'Guichet',
  'mail.imap.pollSeconds': 60,
  'mail.incoming.typeCode': '',
  'mail.incoming.categoryCode': '',
  'mail.incoming.severityCode': 'HIGH',
};

const entry = (
  code: string,
  fr: string,
  en: string,
  extra: Partial<DictionaryEntry> = {},
): DictionaryEntry => ({
  code,
  label: { fr, en },
  position: 0,
  active: true,
  isDefault: false,
  public: true,
  parentCode: null,
  color: null,
  inUse: false,
  updatedAt: '2026-01-01T00:00:00.000Z',
  ...extra,
});

const status: InboxStatus = {
  source: 'settings',
  mailbox: 'support@imap.example.com/INBOX',
  running: true,
  mode: 'idle',
  lastCheckAt: '2026-11-28T09:15:00.000Z',
  lastSuccessAt: '2026-11-28T09:15:00.000Z',
  importedCount: 1234,
  ignoredCount: 7,
  quarantinedCount: 2,
  lastError: null,
  lastErrorAt: null,
};

function server(language: 'fr' | 'en' = 'fr', inbox: () => InboxStatus = () => status) {
  return {
    'GET /auth/me': () => json({ user: makeUser({ language }), csrfToken: 'csrf' }),
    'GET /auth/setup': () => json({ setupRequired: false }),
    'GET /settings': () => json(saved),
    'GET /settings/mail/inbox': () => json(inbox()),
    'GET /dictionaries/ticket-types': () =>
      json({
        items: [
          entry('ISSUE', 'Incident', 'Issue', { isDefault: true }),
          entry('QUESTION', 'Question', 'Question'),
        ],
      }),
    'GET /dictionaries/ticket-categories': () =>
      json({
        items: [
          entry('BILLING', 'Facturation', 'Billing'),
          entry('OLD', 'Ancienne', 'Old', { active: false }),
        ],
      }),
    'GET /dictionaries/ticket-severities': () =>
      json({ items: [entry('LOW', 'Basse', 'Low'), entry('HIGH', 'Haute', 'High')] }),
  };
}

/** Mantine's Select: the visible input opens the list, then the option is clicked. */
async function pick(label: string | RegExp, option: string) {
  fireEvent.click(screen.getByLabelText(label, { selector: 'input:not([type=hidden])' }));
  fireEvent.click(await screen.findByRole('option', { name: option }));
}

// As the page writes them, with the spaces collapsed as Testing Library reads text.
const norm = (text: string) => text.replace(/\s+/g, ' ');
const dateTime = (iso: string, locale: string) =>
  norm(new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso)));

describe('incoming mail settings', () => {
  it('edits the mailbox, the after-import rule and the classification, and saves just those keys', async () => {
    const calls = stubApi({
      ...server(),
      'PATCH /settings': (call) => json({ ...saved, ...(call.body as object), 'mail.imap.password': true }),
    });
    renderApp('/admin/email');
    const host = await screen.findByLabelText<HTMLInputElement>(/Serveur IMAP/);
    expect(host.value).toBe('imap.example.com');

    fireEvent.change(host, { target: { value: ' mail.dupont.fr ' } });
    fireEvent.change(screen.getByLabelText('Port IMAP'), { target: { value: '143' } });
    await pick('Sécurité IMAP', 'STARTTLS (port 143)');
    fireEvent.change(screen.getByLabelText('Utilisateur IMAP'), { target: { value: 'sav@dupont.fr' } });
    fireEvent.change(screen.getByLabelText(/Dossier relevé/), { target: { value: 'Support' } });
    await pick('Après l’import', 'Déplacer le message dans un dossier');
    fireEvent.change(screen.getByLabelText('Dossier de destination'), { target: { value: 'Traités' } });
    fireEvent.change(screen.getByLabelText(/Intervalle de relève/), { target: { value: '120' } });
    await pick('Type', 'Question');
    // An inactive entry is not offered; the saved severity goes back to "dictionary default".
    fireEvent.click(screen.getByLabelText('Catégorie', { selector: 'input:not([type=hidden])' }));
    expect(await screen.findByRole('option', { name: 'Facturation' })).toBeTruthy();
    expect(screen.queryByRole('option', { name: 'Ancienne' })).toBeNull();
    fireEvent.click(screen.getByRole('option', { name: 'Facturation' }));
    await pick('Gravité', 'Valeur par défaut du dictionnaire');
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));

    await waitFor(() => expect(calls.some((c) => c.method === 'PATCH')).toBe(true));
    expect(calls.find((c) => c.method === 'PATCH')?.body).toEqual({
      'mail.imap.host': 'mail.dupont.fr',
      'mail.imap.port': 143,
      'mail.imap.security': 'starttls',
      'mail.imap.user': 'sav@dupont.fr',
      'mail.imap.folder': 'Support',
      'mail.imap.afterImport': 'move',
      'mail.imap.moveTo': 'Traités',
      'mail.imap.pollSeconds': 120,
      'mail.incoming.typeCode': 'QUESTION',
      'mail.incoming.categoryCode': 'BILLING',
      'mail.incoming.severityCode': '',
    });
  });

  it('the IMAP password is write-only, apart from the SMTP one: a new one is sent, never the stored one', async () => {
    const calls = stubApi({
      ...server(),
      'PATCH /settings': (call) => json({ ...saved, ...(call.body as object), 'mail.imap.password': true }),
    });
    renderApp('/admin/email');
    expect(await screen.findByText('Un mot de passe IMAP est enregistré.')).toBeTruthy();
    expect(document.querySelector('input[type="password"]')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Changer le mot de passe IMAP' }));
    const input = screen.getByLabelText<HTMLInputElement>('Mot de passe IMAP');
    expect(input.value).toBe('');
    fireEvent.change(input, { target: { value: 'imap-s3cret' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'PATCH')).toBe(true));
    expect(calls.find((c) => c.method === 'PATCH')?.body).toEqual({ 'mail.imap.password': 'imap-s3cret' });
    // The SMTP password was left alone.
    expect(screen.getByText('Un mot de passe est enregistré.')).toBeTruthy();
  });

  it('clearing the IMAP password sends an empty one; moving without a destination folder is refused', async () => {
    const calls = stubApi({
      ...server(),
      'PATCH /settings': (call) => json({ ...saved, ...(call.body as object), 'mail.imap.password': false }),
    });
    renderApp('/admin/email');
    fireEvent.click(await screen.findByRole('button', { name: 'Effacer le mot de passe IMAP' }));
    await pick('Après l’import', 'Déplacer le message dans un dossier');
    fireEvent.change(screen.getByLabelText('Dossier de destination'), { target: { value: '' } });
    expect(await screen.findByText('Indiquez un dossier')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await new Promise((r) => setTimeout(r, 50));
    expect(calls.some((c) => c.method === 'PATCH')).toBe(false);

    fireEvent.change(screen.getByLabelText('Dossier de destination'), { target: { value: 'Archives' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'PATCH')).toBe(true));
    expect(calls.find((c) => c.method === 'PATCH')?.body).toEqual({
      'mail.imap.password': '',
      'mail.imap.afterImport': 'move',
      'mail.imap.moveTo': 'Archives',
    });
    expect(await screen.findByText('Aucun mot de passe IMAP enregistré.')).toBeTruthy();
  });

  it('the status panel shows where mail comes from, the counts, the last error, and links to the quarantine', async () => {
    stubApi(
      server('fr', () => ({
        ...status,
        source: 'env',
        mode: 'poll',
        lastSuccessAt: null,
        lastError: 'connect ECONNREFUSED 127.0.0.1:993',
        lastErrorAt: '2026-11-28T09:14:00.000Z',
      })),
    );
    renderApp('/admin/email');
    const panel = (await screen.findByRole('heading', { name: 'État de la relève' })).closest(
      'div.mantine-Paper-root',
    );
    if (!(panel instanceof HTMLElement)) throw new Error('status panel not found');
    const p = within(panel);
    expect(await p.findByText('Variable GUICHET_IMAP_URL')).toBeTruthy();
    expect(p.getByText('support@imap.example.com/INBOX')).toBeTruthy();
    expect(p.getByText('En marche')).toBeTruthy();
    expect(p.getByText('Relève périodique')).toBeTruthy();
    expect(p.getByText(dateTime('2026-11-28T09:15:00.000Z', 'fr-FR'))).toBeTruthy();
    expect(p.getByText('Jamais')).toBeTruthy();
    expect(p.getByText(norm(new Intl.NumberFormat('fr-FR').format(1234)))).toBeTruthy();
    expect(p.getByText('connect ECONNREFUSED 127.0.0.1:993')).toBeTruthy();
    expect(p.getByText(`Dernière erreur, le ${dateTime('2026-11-28T09:14:00.000Z', 'fr-FR')}`)).toBeTruthy();
    const link = p.getByRole('link', { name: 'Voir la quarantaine' });
    expect(link.getAttribute('href')).toBe('/admin/email/quarantine');
  });

  it('the status is asked again every 10 seconds while the page is open', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    let imported = 5;
    const calls = stubApi(server('en', () => ({ ...status, importedCount: imported })));
    renderApp('/admin/email', { language: 'en' });
    expect(await screen.findByText('Running')).toBeTruthy();
    expect(screen.getByText('5')).toBeTruthy();

    imported = 6;
    await vi.advanceTimersByTimeAsync(10_000);
    expect(await screen.findByText('6')).toBeTruthy();
    expect(calls.filter((c) => c.path === '/settings/mail/inbox').length).toBeGreaterThanOrEqual(2);
    vi.useRealTimers();
  });

  it('a mailbox with nothing configured says so in English, and the stopped collector shows it', async () => {
    stubApi(
      server('en', () => ({
        ...status,
        source: 'none',
        mailbox: null,
        running: false,
        mode: null,
        lastCheckAt: null,
        lastSuccessAt: null,
      })),
    );
    renderApp('/admin/email', { language: 'en' });
    expect(await screen.findByText('Not configured: no mail is collected')).toBeTruthy();
    expect(screen.getByText('Stopped')).toBeTruthy();
    expect(screen.getByText('Not connected yet')).toBeTruthy();
    expect(screen.getAllByText('Never')).toHaveLength(2);
  });

  it('"Test the connection" shows the folder counts and IDLE, or the server’s refusal', async () => {
    let fail = false;
    const calls = stubApi({
      ...server('en'),
      'POST /settings/mail/inbox/test': () =>
        fail
          ? apiError(422, 'imap_failed', 'Authentication failed: invalid credentials')
          : json({
              ok: true,
              mailbox: 'support@imap.example.com/INBOX',
              messages: 1500,
              unseen: 3,
              idle: true,
            }),
    });
    renderApp('/admin/email', { language: 'en' });
    fireEvent.click(await screen.findByRole('button', { name: 'Test the connection' }));
    expect(await screen.findByText('Connected to support@imap.example.com/INBOX.')).toBeTruthy();
    expect(screen.getByText('Messages in the folder: 1,500, unread: 3.')).toBeTruthy();
    expect(
      screen.getByText('The server announces new mail (IDLE): messages are imported at once.'),
    ).toBeTruthy();
    expect(calls.find((c) => c.path === '/settings/mail/inbox/test')).toMatchObject({
      method: 'POST',
      body: {},
    });

    fail = true;
    fireEvent.click(screen.getByRole('button', { name: 'Test the connection' }));
    expect(
      await screen.findByText('Connection failed: Authentication failed: invalid credentials'),
    ).toBeTruthy();
    expect(screen.queryByText('Connected to support@imap.example.com/INBOX.')).toBeNull();
  });
});
