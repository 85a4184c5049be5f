import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { PortalLinkInfo } from '../../../common/schemas/portal.schema.js';
import { json, makeUser, renderApp, stubApi } from '../../test-utils.js';
import { makeThirdparty, signedInAs } from './testing.js';

// The first render of the whole app can take seconds on a busy machine.
configure({ asyncUtilTimeout: 6000 });

const URL_1 = 'https://support.example/portal/c/first-token';
const URL_2 = 'https://support.example/portal/c/second-token';
const info = (url: string): PortalLinkInfo => ({
  url,
  createdAt: '2026-11-20T09:30:00.000Z',
  text: { fr: `Bonjour,\n\nVoici le lien : ${url}`, en: `Hello,\n\nHere is the link: ${url}` },
});
const none: PortalLinkInfo = { url: null, createdAt: null, text: { fr: '', en: '' } };

const base = (permissions: string[], language: 'fr' | 'en') => ({
  ...signedInAs(makeUser({ permissions: permissions as never, language })),
  'GET /thirdparties/7': () => json(makeThirdparty()),
});

describe('portal link panel on the third-party page', () => {
  it('generates a link, then shows it with the ready-to-send message in both languages', async () => {
    let current = none;
    const calls = stubApi({
      ...base(['admin'], 'fr'),
      'GET /thirdparties/7/portal-link': () => json(current),
      'POST /thirdparties/7/portal-link': () => {
        current = info(URL_1);
        return json(current);
      },
    });
    renderApp('/customers/7', { language: 'fr' });
    expect(await screen.findByText('Ce client n’a pas encore de lien personnel.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Générer le lien' }));
    const field = await screen.findByLabelText('Lien personnel');
    expect((field as HTMLInputElement).value).toBe(URL_1);
    expect(calls.filter((c) => c.method === 'POST' && c.path === '/thirdparties/7/portal-link')).toHaveLength(
      1,
    );
    const message = screen.getByLabelText<HTMLTextAreaElement>('Message prêt à envoyer');
    expect(message.value).toContain('Bonjour');
    const panel = screen.getByRole('region', { name: 'Lien du portail' });
    fireEvent.click(within(panel).getByRole('radio', { name: 'English' }));
    await waitFor(() => expect(message.value).toContain('Hello'));
    expect(screen.getByRole('button', { name: 'Copier le lien' })).toBeTruthy();
  });

  it('replaces and revokes the link after confirmation', async () => {
    let current = info(URL_1);
    const calls = stubApi({
      ...base(['admin'], 'en'),
      'GET /thirdparties/7/portal-link': () => json(current),
      'POST /thirdparties/7/portal-link': () => {
        current = info(URL_2);
        return json(current);
      },
      'DELETE /thirdparties/7/portal-link': () => {
        current = none;
        return new Response(null, { status: 204 });
      },
    });
    renderApp('/customers/7', { language: 'en' });
    await screen.findByDisplayValue(URL_1);
    fireEvent.click(screen.getByRole('button', { name: 'Replace link' }));
    const confirm = await screen.findByRole('dialog', { name: 'Replace the link?' });
    fireEvent.click(within(confirm).getByRole('button', { name: 'Replace' }));
    expect(await screen.findByDisplayValue(URL_2)).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Revoke' }));
    const revoke = await screen.findByRole('dialog', { name: 'Revoke the link?' });
    fireEvent.click(within(revoke).getByRole('button', { name: 'Revoke' }));
    expect(await screen.findByText('This customer has no personal link yet.')).toBeTruthy();
    expect(calls.some((c) => c.method === 'DELETE')).toBe(true);
  });

  it('sends the message by email to the address given, in the language chosen', async () => {
    const calls = stubApi({
      ...base(['admin'], 'en'),
      'GET /thirdparties/7/portal-link': () => json(info(URL_1)),
      'POST /thirdparties/7/portal-link/send': () => json({ to: 'boss@sge.example' }, 202),
    });
    renderApp('/customers/7', { language: 'en' });
    await screen.findByDisplayValue(URL_1);
    fireEvent.click(screen.getByRole('button', { name: 'Send by email' }));
    const dialog = await screen.findByRole('dialog', { name: 'Send the link by email' });
    fireEvent.change(within(dialog).getByLabelText(/Recipient/), { target: { value: 'boss@sge.example' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(calls.some((c) => c.path === '/thirdparties/7/portal-link/send')).toBe(true));
    expect(calls.find((c) => c.path === '/thirdparties/7/portal-link/send')?.body).toEqual({
      to: 'boss@sge.example',
    });
  });

  it('a reader sees the link but no way to change it', async () => {
    stubApi({
      ...base(['thirdparty.read'], 'en'),
      'GET /thirdparties/7/portal-link': () => json(info(URL_1)),
    });
    renderApp('/customers/7', { language: 'en' });
    await screen.findByDisplayValue(URL_1);
    expect(screen.queryByRole('button', { name: 'Replace link' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Revoke' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Send by email' })).toBeNull();
  });
});
