import type { Ticket } from '../../common/schemas/ticket.schema.js';
import { isOpenStatus, type Resolution, type TicketStatus } from '../../common/tickets.js';
import { requirePermission, type Actor } from '../auth/actor.js';
import { iso } from '../clock.js';
import type { TicketRow } from '../db/schema.js';
import { refused, ticketNotFound, transition, type TicketChange, type TicketCore } from './ticket.core.js';

const person = (id: number | null, name: string | null) => (id === null ? null : { id, name });

/** A status move of the workflow table, as its history row records it. */
const statusLine =
  (kind: 'read' | 'status_changed' | 'closed' | 'reopened' | 'deleted' | 'restored') =>
  (row: TicketRow, to: string, details?: Record<string, unknown>) => ({
    kind,
    field: 'status',
    oldValue: row.status,
    newValue: to,
    details,
  });

/**
 * The workflow commands of SPEC 2.2. Each checks its permission first, runs in one transaction with its
 * history row, and asks ticket.workflow.ts whether the move is allowed (409 when it is not).
 */
export function createTicketActions(core: TicketCore) {
  const { db, clock, jobs, audit } = core.deps;

  async function assignTo(actor: Actor, id: number, userId: number, version?: number) {
    await core.change(actor, id, version, async (row, trx, now): Promise<TicketChange | null> => {
      const status = transition('assign', row);
      const user = await core.checkAssignee(userId, trx);
      // Assigning the current assignee again would only push an in-progress ticket back to "assigned".
      if (row.assignee_id === user.id) return null;
      return {
        patch: { status, assignee_id: user.id, assignee_name: user.name, read_at: row.read_at ?? now },
        history: [
          {
            kind: 'assigned',
            field: 'assigneeId',
            oldValue: person(row.assignee_id, row.assignee_name),
            newValue: person(user.id, user.name),
            details: { status: { from: row.status, to: status } },
          },
        ],
        events: [{ kind: 'assigned', ticketId: id, assigneeId: user.id, actorUserId: actor.userId }],
      };
    });
  }

  /** Unassigning leaves the other statuses alone: only "assigned" has a way back (to "read"). */
  async function unassign(actor: Actor, id: number, version?: number) {
    await core.change(actor, id, version, (row): TicketChange => {
      if (!isOpenStatus(row.status as TicketStatus)) {
        throw refused('unassign', row.status, `A ticket with status "${row.status}" cannot be unassigned`);
      }
      if (row.assignee_id === null) {
        throw refused('unassign', row.status, 'This ticket has no assignee to remove');
      }
      const status = row.status === 'assigned' ? transition('unassign', row) : row.status;
      return {
        patch: { status, assignee_id: null, assignee_name: null },
        history: [
          {
            kind: 'unassigned',
            field: 'assigneeId',
            oldValue: person(row.assignee_id, row.assignee_name),
            newValue: null,
            details: { status: { from: row.status, to: status } },
          },
        ],
      };
    });
  }

  return {
    /** Unread → read; readAt is set once and never moves after. */
    async markRead(actorIn: Actor | null, id: number, input: { version?: number } = {}): Promise<Ticket> {
      const actor = requirePermission(actorIn, 'ticket.write');
      await core.change(actor, id, input.version, (row, _trx, now) => {
        const to = transition('markRead', row);
        return {
          patch: { status: to, read_at: row.read_at ?? now },
          history: [statusLine('read')(row, to)],
        };
      });
      return core.present(actor, id);
    },

    /** `userId` null removes the assignee. */
    async assign(
      actorIn: Actor | null,
      id: number,
      input: { userId: number | null; version?: number },
    ): Promise<Ticket> {
      const actor = requirePermission(actorIn, 'ticket.write');
      if (input.userId === null) await unassign(actor, id, input.version);
      else await assignTo(actor, id, input.userId, input.version);
      return core.present(actor, id);
    },

    async setStatus(
      actorIn: Actor | null,
      id: number,
      input: { status: 'waiting' | 'in_progress'; version?: number },
    ): Promise<Ticket> {
      const actor = requirePermission(actorIn, 'ticket.write');
      await core.change(actor, id, input.version, (row) => {
        const to = transition(input.status === 'waiting' ? 'setWaiting' : 'setInProgress', row);
        if (to === row.status) return null;
        return { patch: { status: to }, history: [statusLine('status_changed')(row, to)] };
      });
      return core.present(actor, id);
    },

    /** `notifyCustomer`: the mail domain sends the close notice (the wish is also kept in the history). */
    async close(
      actorIn: Actor | null,
      id: number,
      input: { resolution: Resolution; notifyCustomer: boolean; version?: number },
    ): Promise<Ticket> {
      const actor = requirePermission(actorIn, 'ticket.write');
      await core.change(actor, id, input.version, (row, _trx, now) => {
        const to = transition('close', row);
        return {
          patch: { status: to, closed_at: now, progress: 100, resolution: input.resolution },
          history: [
            statusLine('closed')(row, to, {
              resolution: input.resolution,
              notifyCustomer: input.notifyCustomer,
            }),
          ],
          events: [
            { kind: 'closed', ticketId: id, actorUserId: actor.userId, notifyCustomer: input.notifyCustomer },
          ],
        };
      });
      return core.present(actor, id);
    },

    async reopen(actorIn: Actor | null, id: number, input: { version?: number } = {}): Promise<Ticket> {
      const actor = requirePermission(actorIn, 'ticket.manage');
      await core.change(actor, id, input.version, (row) => {
        const to = transition('reopen', row);
        return {
          patch: { status: to, closed_at: null, resolution: null },
          history: [statusLine('reopened')(row, to, { resolution: row.resolution })],
        };
      });
      return core.present(actor, id);
    },

    /** Soft delete: hidden from lists, the status before it kept for restore. */
    async remove(actorIn: Actor | null, id: number, input: { version?: number } = {}): Promise<Ticket> {
      const actor = requirePermission(actorIn, 'ticket.delete');
      await core.change(actor, id, input.version, (row, _trx, now) => {
        const to = transition('delete', row);
        return {
          patch: { status: to, previous_status: row.status, deleted_at: now },
          history: [statusLine('deleted')(row, to)],
        };
      });
      return core.present(actor, id);
    },

    async restore(actorIn: Actor | null, id: number, input: { version?: number } = {}): Promise<Ticket> {
      const actor = requirePermission(actorIn, 'ticket.manage');
      await core.change(actor, id, input.version, (row) => {
        const to = transition('restore', row);
        return {
          patch: { status: to, previous_status: null, deleted_at: null },
          history: [statusLine('restored')(row, to)],
        };
      });
      return core.present(actor, id);
    },

    /**
     * Administrators remove a deleted ticket for good: its history, messages and document rows go by
     * cascade, the stored files are left to documents.gcBlobs (other tickets may share them), and an
     * audit record keeps the trace.
     */
    async purge(actorIn: Actor | null, id: number): Promise<void> {
      const actor = requirePermission(actorIn, 'admin');
      const now = iso(clock.now());
      await db.kysely.transaction().execute(async (trx) => {
        const row = await core.tickets.findForUpdate(id, trx);
        if (!row) throw ticketNotFound();
        transition('purge', row);
        const sha256s = await core.tickets.documentShas(id, trx);
        await core.tickets.remove(id, trx);
        if (sha256s.length > 0) await jobs.enqueue(trx, 'documents.gcBlobs', { sha256s });
        await audit.record(
          {
            actorUserId: actor.userId,
            action: 'ticket.purge',
            targetType: 'ticket',
            targetId: id,
            details: { ref: row.ref, subject: row.subject },
            at: now,
          },
          trx,
        );
      });
    },
  };
}
