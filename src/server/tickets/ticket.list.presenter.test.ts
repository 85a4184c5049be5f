import { describe, expect, it } from 'vitest';
import type { TicketRow } from '../db/schema.js';
import { presentListRows } from './ticket.list.presenter.js';
import { presentTicketListItem } from './ticket.presenter.js';

const row: TicketRow = {
  id: 3,
  ref: 'TS2603-0003',
  track_id: 'ABCDEFGHJKMNPQRSTUVW',
  subject: 'Imprimante',
  message: '<p>x</p>',
  message_text: 'x',
  type_code: 'HELP',
  category_code: 'OTHER',
  severity_code: 'HIGH',
  severity_rank: 30,
  status: 'assigned',
  previous_status: null,
  resolution: null,
  is_open: true,
  origin: 'staff',
  author_user_id: 1,
  author_email: null,
  assignee_id: 2,
  assignee_name: 'Zoé',
  thirdparty_id: 4,
  thirdparty_name: 'Dupont',
  contact_id: null,
  equipment_id: null,
  progress: 10,
  duration_minutes: 0,
  custom_fields: '{"a":1}',
  version: 3,
  first_response_at: null,
  last_customer_message_at: '2026-03-02T09:00:00.000Z',
  last_staff_message_at: null,
  created_at: '2026-03-02T08:00:00.000Z',
  updated_at: '2026-03-02T09:00:00.000Z',
  read_at: '2026-03-02T08:05:30.000Z',
  closed_at: null,
  deleted_at: null,
};
const delays = { delayFirstResponseHours: 24, delaySinceLastResponseHours: 72 };

describe('list presenter', () => {
  it('presents a row exactly like the ticket presenter, overdue included', () => {
    const cases: Partial<TicketRow>[] = [
      {},
      { custom_fields: '{}', read_at: null },
      { status: 'waiting' },
      { first_response_at: '2026-03-02T08:30:00.000Z' },
      { first_response_at: '2026-03-02T08:30:00.000Z', last_staff_message_at: '2026-03-02T10:00:00.000Z' },
      { is_open: false, status: 'closed', resolution: 'solved', closed_at: '2026-03-03T00:00:00.000Z' },
      { custom_fields: 'not json' },
    ];
    for (const now of ['2026-03-02T12:00:00.000Z', '2026-03-03T09:00:00.000Z', '2026-03-06T10:00:00.000Z']) {
      const ctx = { now: new Date(now), delays };
      for (const c of cases) {
        const r = { ...row, ...c };
        expect(presentListRows([r], ctx)[0]).toEqual(presentTicketListItem(r, ctx));
      }
    }
  });
});
