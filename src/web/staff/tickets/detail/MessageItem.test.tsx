import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Message } from '../../../../common/schemas/message.schema.js';
import { json, makeUser, renderApp } from '../../../test-utils.js';
import { baseRoutes, makeMessage, makeTicket, stubRoutes } from '../testing.js';

configure({ asyncUtilTimeout: 5000 });

function routes(messages: () => Message[]) {
  return {
    ...baseRoutes(makeUser()),
    'GET /tickets/1': () => json(makeTicket()),
    'GET /tickets/1/messages': () => json({ items: messages(), nextCursor: null, total: messages().length }),
    'GET /tickets/1/history': () => json({ items: [] }),
    'GET /tickets/1/documents': () => json({ items: [], nextCursor: null, total: 0 }),
    'GET /documents/limits': () => json({ maxFileMb: 20, maxFilesPerMessage: 10 }),
  };
}

const sent = makeMessage({
  id: 1,
  body: '<p>Sent one</p>',
  sendByEmail: true,
  delivery: { status: 'sent', error: null, attempts: 1, sentAt: '2026-11-20T10:00:00.000Z' },
});
const failed = makeMessage({
  id: 2,
  body: '<p>Failed one</p>',
  sendByEmail: true,
  delivery: { status: 'failed', error: 'connect ECONNREFUSED 127.0.0.1:25', attempts: 8, sentAt: null },
});

describe('message email delivery', () => {
  it('each message shows where its email stands, and a failed one its reason and a retry button that re-queues it', async () => {
    let retried = false;
    const calls = stubRoutes({
      ...routes(() =>
        retried
          ? [sent, { ...failed, delivery: { status: 'queued', error: null, attempts: 0, sentAt: null } }]
          : [sent, failed],
      ),
      'POST /tickets/1/messages/2/retry-mail': () => {
        retried = true;
        return json({ ...failed, delivery: { status: 'queued', error: null, attempts: 0, sentAt: null } });
      },
    });
    renderApp('/tickets/1');
    const failedCard = (await screen.findByText('Failed one')).closest('article')!;
    const sentCard = screen.getByText('Sent one').closest('article')!;
    expect(within(sentCard).getByText('E-mail envoyé')).toBeTruthy();
    expect(within(sentCard).queryByRole('button', { name: 'Renvoyer' })).toBeNull();
    expect(within(failedCard).getByText('Échec de l’e-mail')).toBeTruthy();
    expect(within(failedCard).getByRole('alert').textContent).toContain(
      'Raison\u00a0: connect ECONNREFUSED 127.0.0.1:25',
    );

    fireEvent.click(within(failedCard).getByRole('button', { name: 'Renvoyer' }));
    await waitFor(() => expect(calls.some((c) => c.path === '/tickets/1/messages/2/retry-mail')).toBe(true));
    const card = (await screen.findByText('E-mail en attente')).closest('article')!;
    expect(within(card).queryByRole('button', { name: 'Renvoyer' })).toBeNull();
  });

  it('a message with no customer address says so, in English too', async () => {
    stubRoutes({
      ...routes(() => [
        makeMessage({
          id: 3,
          body: '<p>Nobody</p>',
          sendByEmail: true,
          delivery: { status: 'failed', error: 'no_recipient', attempts: 0, sentAt: null },
        }),
        makeMessage({
          id: 4,
          body: '<p>Waiting</p>',
          sendByEmail: true,
          delivery: { status: 'retrying', error: 'timeout', attempts: 2, sentAt: null },
        }),
      ]),
      'GET /auth/me': () => json({ user: makeUser({ language: 'en' }), csrfToken: 'csrf' }),
    });
    renderApp('/tickets/1', { language: 'en' });
    const card = (await screen.findByText('Nobody')).closest('article')!;
    expect(within(card).getByRole('alert').textContent).toContain(
      'Reason: the ticket has no customer email address',
    );
    expect(within(card).getByRole('button', { name: 'Send again' })).toBeTruthy();
    const waiting = screen.getByText('Waiting').closest('article')!;
    expect(within(waiting).getByText('Retry scheduled')).toBeTruthy();
  });
});
