import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { notifications } from '@mantine/notifications';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Language } from '../../../../common/languages.js';
import type { Document } from '../../../../common/schemas/document.schema.js';
import { createI18n } from '../../../i18n/i18n.js';
import { json, stubApi } from '../../../test-utils.js';
import { AppProviders, createQueryClient } from '../../AppProviders.js';
import { DocumentsTab } from './DocumentsTab.js';

function makeDocument(overrides: Partial<Document> = {}): Document {
  const id = overrides.id ?? 1;
  return {
    id,
    ticketId: 7,
    messageId: null,
    filename: 'rapport.pdf',
    mimeType: 'application/pdf',
    size: 2048,
    sha256: 'a'.repeat(64),
    createdAt: '2026-11-20T09:30:00.000Z',
    uploadedBy: { userId: 1, email: null, name: 'Ada Admin' },
    url: `/api/v1/documents/${id}/download`,
    ...overrides,
  };
}

const PHOTO = makeDocument({
  id: 5,
  messageId: 12,
  filename: 'photo.png',
  mimeType: 'image/png',
  size: 1536,
  uploadedBy: { userId: 2, email: null, name: 'Bob Tech' },
});
const REPORT = makeDocument({ id: 4 });

function renderTab(ui: React.ReactElement, language: Language = 'fr') {
  return render(
    <AppProviders i18n={createI18n(language)} queryClient={createQueryClient()} env="test">
      {ui}
    </AppProviders>,
  );
}

const limits = { 'GET /documents/limits': () => json({ maxFileMb: 20, maxFilesPerMessage: 10 }) };

describe('documents tab', () => {
  // Notifications live in a module-wide store: one test's must not answer the next one's queries.
  afterEach(() => notifications.clean());

  it('lists ticket and message files with download links, sizes, uploaders and where they belong', async () => {
    stubApi({
      ...limits,
      'GET /tickets/7/documents': () => json({ items: [PHOTO, REPORT], nextCursor: null, total: 2 }),
    });
    renderTab(<DocumentsTab ticketId={7} />, 'en');

    const photo = await screen.findByRole('link', { name: 'Download photo.png' });
    expect(photo.getAttribute('href')).toBe('/api/v1/documents/5/download');
    const rows = screen.getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    expect(rows[0]?.textContent).toContain('Bob Tech');
    expect(rows[0]?.textContent).toContain('Message #12');
    expect(rows[0]?.textContent).toContain('1.5 kB');
    expect(rows[1]?.textContent).toContain('rapport.pdf');
    expect(rows[1]?.textContent).toContain('Ticket');
    expect(rows[1]?.textContent).toContain('2 kB');
    // Without the rights, neither upload nor delete is offered.
    expect(screen.queryByRole('button', { name: 'Add files' })).toBeNull();
    expect(screen.queryByRole('button', { name: /Delete/ })).toBeNull();
  });

  it('says so when the ticket has no document', async () => {
    stubApi({ ...limits, 'GET /tickets/7/documents': () => json({ items: [], nextCursor: null, total: 0 }) });
    renderTab(<DocumentsTab ticketId={7} canUpload canDelete />);
    expect(await screen.findByText('Aucun document sur ce ticket pour l’instant.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Ajouter des fichiers' })).toBeTruthy();
  });

  it('deletes a document only after the user confirms, then refreshes the list', async () => {
    let items = [PHOTO, REPORT];
    const calls = stubApi({
      ...limits,
      'GET /tickets/7/documents': () => json({ items, nextCursor: null, total: items.length }),
      'DELETE /documents/4': () => {
        items = [PHOTO];
        return new Response(null, { status: 204 });
      },
    });
    renderTab(<DocumentsTab ticketId={7} canUpload canDelete />);

    fireEvent.click(await screen.findByRole('button', { name: 'Supprimer rapport.pdf' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText(/« rapport\.pdf » sera retiré du ticket/)).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Annuler' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(calls.some((c) => c.method === 'DELETE')).toBe(false);

    fireEvent.click(screen.getByRole('button', { name: 'Supprimer rapport.pdf' }));
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Supprimer' }));
    await waitFor(() => expect(screen.queryByRole('link', { name: 'Télécharger rapport.pdf' })).toBeNull());
    expect(calls.filter((c) => c.method === 'DELETE').map((c) => c.path)).toEqual(['/documents/4']);
    expect(screen.getByRole('link', { name: 'Télécharger photo.png' })).toBeTruthy();
  });

  it('uploads chosen files with the CSRF token and shows the server’s refusal in words', async () => {
    stubApi({
      ...limits,
      'GET /tickets/7/documents': () => json({ items: [], nextCursor: null, total: 0 }),
      'GET /auth/me': () => json({ user: {}, csrfToken: 'csrf-xyz' }),
    });
    const sent: { url: string; headers: Record<string, string>; body: FormData }[] = [];
    class FakeXhr {
      upload = { onprogress: null };
      status = 0;
      statusText = '';
      responseText = '';
      onload: (() => void) | null = null;
      onerror: (() => void) | null = null;
      onabort: (() => void) | null = null;
      #url = '';
      #headers: Record<string, string> = {};
      open(_method: string, url: string) {
        this.#url = url;
      }
      setRequestHeader(name: string, value: string) {
        this.#headers[name] = value;
      }
      send(body: FormData) {
        sent.push({ url: this.#url, headers: this.#headers, body });
        this.status = 422;
        this.responseText = JSON.stringify({
          error: { code: 'forbidden_file_type', message: 'no', details: { filename: 'tool.exe' } },
        });
        setTimeout(() => this.onload?.(), 0);
      }
      abort() {}
    }
    vi.stubGlobal('XMLHttpRequest', FakeXhr);
    const { container } = renderTab(<DocumentsTab ticketId={7} canUpload canDelete />);
    await screen.findByRole('button', { name: 'Ajouter des fichiers' });

    const input = container.querySelector<HTMLInputElement>('input[type="file"]');
    if (!input) throw new Error('no file input');
    fireEvent.change(input, { target: { files: [new File(['MZ'], 'tool.exe')] } });

    expect(await screen.findByText(/« tool\.exe » est un programme ou un script/)).toBeTruthy();
    expect(sent).toHaveLength(1);
    expect(sent[0]?.url).toBe('/api/v1/tickets/7/documents');
    expect(sent[0]?.headers['x-csrf-token']).toBe('csrf-xyz');
    expect((sent[0]?.body.getAll('files') as File[]).map((f) => f.name)).toEqual(['tool.exe']);
  });
});
