import { configure, fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import {
  apiError,
  json,
  makeConfig,
  makeTicket,
  renderPortal,
  stubPortalApi,
  UploadingXhr,
} from '../portal.testing.js';

configure({ asyncUtilTimeout: 5000 });

describe('portal reply', () => {
  it('uploads the file once: a retry after a refused message sends only the message, with the file', async () => {
    UploadingXhr.sent = [];
    UploadingXhr.pending = [];
    vi.stubGlobal('XMLHttpRequest', UploadingXhr);
    let messageAnswer = apiError(429, 'too_many_requests', undefined, { 'retry-after': '5' });
    const calls = stubPortalApi({
      'GET /config': () => json(makeConfig()),
      'GET /tickets/K7QX2M4P9R': () => json(makeTicket()),
      'GET /tickets/K7QX2M4P9R/messages': () => json({ items: [] }),
      'GET /tickets/K7QX2M4P9R/documents': () => json({ items: [] }),
      'POST /tickets/K7QX2M4P9R/messages': () => messageAnswer,
    });
    renderPortal('/portal/t/K7QX2M4P9R', 'en');
    fireEvent.change(await screen.findByRole('textbox', { name: /Your message/ }), {
      target: { value: 'Here is the photo.' },
    });
    const photo = new File([new Uint8Array(10)], 'photo.png', { type: 'image/png' });
    fireEvent.change(screen.getByLabelText('Attachments'), { target: { files: [photo] } });
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(UploadingXhr.pending.length).toBe(1));
    UploadingXhr.finishAll();
    expect((await screen.findByRole('alert')).textContent).toBe('Too many requests. Try again in 5 s.');
    expect(screen.getByText('Sent')).toBeTruthy(); // the file's state: it is on the server

    messageAnswer = json(
      {
        id: 3,
        author: { kind: 'customer', name: null },
        body: '<p>Here is the photo.</p>',
        createdAt: '2026-11-22T08:00:00.000Z',
        attachments: [],
      },
      201,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect(await screen.findByText('Your message has been sent.')).toBeTruthy();
    expect(UploadingXhr.sent.map((s) => s.files)).toEqual([['photo.png']]);
    const posts = calls.filter((c) => c.method === 'POST').map((c) => c.body);
    expect(posts).toEqual([
      { body: 'Here is the photo.', attachmentIds: [1] },
      { body: 'Here is the photo.', attachmentIds: [1] },
    ]);
    expect(screen.getByRole<HTMLTextAreaElement>('textbox', { name: /Your message/ }).value).toBe('');
  });
});
