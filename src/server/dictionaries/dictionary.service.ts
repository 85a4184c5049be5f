import type { Kysely } from 'kysely';
import type {
  CreateDictionaryEntryInput,
  DictionaryEntry,
  UpdateDictionaryEntryInput,
} from '../../common/schemas/dictionary.schema.js';
import type { DictionaryKind } from '../../common/tickets.js';
import type { AuditRepository } from '../admin/audit.repository.js';
import { can, requireActor, requirePermission, type Actor } from '../auth/actor.js';
import { iso, type Clock } from '../clock.js';
import type { Db } from '../db/database.js';
import { isUniqueViolation } from '../db/errors.js';
import type { Database, DictionaryEntryRow } from '../db/schema.js';
import { conflict, notFound } from '../http/errors.js';
import type { JobQueue } from '../jobs/job.queue.js';
import {
  resolveClassificationFrom,
  type Classification,
  type ClassificationInput,
  type ResolvedClassification,
} from './dictionary.classification.js';
import { presentDictionaryEntry } from './dictionary.presenter.js';
import { createDictionaryCache } from './dictionary.cache.js';
import { createDictionaryRepository } from './dictionary.repository.js';
import { checkEntryFields } from './dictionary.rules.js';

const codeTaken = (kind: DictionaryKind, code: string) =>
  conflict('dictionary_code_taken', `The code "${code}" already exists in ${kind}`);
const entryNotFound = (kind: DictionaryKind, code: string) =>
  notFound('dictionary_entry_not_found', `No entry "${code}" in ${kind}`);

export interface PublicCategory {
  code: string;
  label: { fr: string; en: string };
  parentCode: string | null;
  isDefault: boolean;
}

/**
 * Ticket classification dictionaries and event types (SPEC 2.4). Read on every ticket creation, so the
 * whole (small) table is kept in memory (dictionary.cache.ts), dropped on every local write.
 */
export function createDictionaryService(deps: {
  db: Db;
  audit: AuditRepository;
  clock: Clock;
  jobs: JobQueue;
}) {
  const { db, audit, clock, jobs } = deps;
  const repo = createDictionaryRepository(db);
  const cache = createDictionaryCache(repo);
  const invalidate = () => cache.invalidate();
  const rows = (ex?: Kysely<Database>) => cache.rows(ex);

  async function ofKind(kind: DictionaryKind, ex?: Kysely<Database>): Promise<DictionaryEntryRow[]> {
    return (await rows(ex)).filter((r) => r.kind === kind);
  }

  /** Runs a change in one transaction with its audit record, then drops the cache. */
  async function command<T>(
    kind: DictionaryKind,
    code: string,
    fn: (trx: Kysely<Database>, now: string) => Promise<T>,
  ): Promise<T> {
    try {
      return await db.kysely.transaction().execute((trx) => fn(trx, iso(clock.now())));
    } catch (err) {
      if (isUniqueViolation(err)) throw codeTaken(kind, code);
      throw err;
    } finally {
      invalidate();
    }
  }

  async function present(kind: DictionaryKind, row: DictionaryEntryRow, ex: Kysely<Database>) {
    return presentDictionaryEntry(row, await repo.isUsed(kind, row.code, ex));
  }

  return {
    /** Any signed-in user (ticket forms); administrators get a fresh `inUse`, others a copy ≤ 5 s old. */
    async list(actorIn: Actor | null, kind: DictionaryKind, q: { active?: boolean } = {}) {
      const actor = requireActor(actorIn);
      const [entries, used] = await Promise.all([ofKind(kind), cache.usedCodes(kind, can(actor, 'admin'))]);
      const items = entries
        .filter((r) => q.active === undefined || r.active === q.active)
        .map((r) => presentDictionaryEntry(r, used.has(r.code)));
      return { items, nextCursor: null, total: items.length };
    },

    async create(actorIn: Actor | null, kind: DictionaryKind, input: CreateDictionaryEntryInput) {
      const actor = requirePermission(actorIn, 'admin');
      return command(kind, input.code, async (trx, now): Promise<DictionaryEntry> => {
        if (await repo.find(kind, input.code, trx)) throw codeTaken(kind, input.code);
        const parentCode = input.parentCode ?? null;
        await checkEntryFields(repo, trx, kind, input.code, {
          ...input,
          parentCode,
          color: input.color ?? null,
        });
        const row = await repo.insert(
          {
            kind,
            code: input.code,
            label_fr: input.label.fr,
            label_en: input.label.en,
            position: input.position ?? (await repo.maxPosition(kind, trx)) + 10,
            active: input.active,
            is_default: input.isDefault,
            is_public: input.public,
            parent_code: parentCode,
            color: input.color ?? null,
            created_at: now,
            updated_at: now,
          },
          trx,
        );
        if (row.is_default) await repo.clearOtherDefaults(kind, row.code, now, trx);
        await audit.record(
          {
            actorUserId: actor.userId,
            action: 'dictionary.create',
            targetType: 'dictionary_entry',
            targetId: `${kind}/${row.code}`,
            details: { ...input, position: row.position },
            at: now,
          },
          trx,
        );
        return presentDictionaryEntry(row, false);
      });
    },

    async update(
      actorIn: Actor | null,
      kind: DictionaryKind,
      code: string,
      input: UpdateDictionaryEntryInput,
    ) {
      const actor = requirePermission(actorIn, 'admin');
      return command(kind, code, async (trx, now): Promise<DictionaryEntry> => {
        const before = await repo.find(kind, code, trx);
        if (!before) throw entryNotFound(kind, code);
        const active = input.active ?? before.active;
        const isDefault = input.isDefault ?? before.is_default;
        if (before.is_default && input.isDefault === false) {
          throw conflict(
            'dictionary_default_required',
            'Each dictionary keeps one default: make another entry the default instead',
          );
        }
        await checkEntryFields(repo, trx, kind, code, {
          parentCode: input.parentCode === undefined ? before.parent_code : input.parentCode,
          public: input.public ?? before.is_public,
          color: input.color === undefined ? before.color : input.color,
          isDefault,
          active,
        });
        const row = await repo.update(
          kind,
          code,
          {
            ...(input.label ? { label_fr: input.label.fr, label_en: input.label.en } : {}),
            ...(input.position !== undefined ? { position: input.position } : {}),
            ...(input.active !== undefined ? { active: input.active } : {}),
            ...(input.isDefault !== undefined ? { is_default: input.isDefault } : {}),
            ...(input.public !== undefined ? { is_public: input.public } : {}),
            ...(input.parentCode !== undefined ? { parent_code: input.parentCode } : {}),
            ...(input.color !== undefined ? { color: input.color } : {}),
            updated_at: now,
          },
          trx,
        );
        if (!row) throw entryNotFound(kind, code);
        if (row.is_default && !before.is_default) await repo.clearOtherDefaults(kind, code, now, trx);
        if (kind === 'ticket-severities' && row.position !== before.position) {
          await jobs.enqueue(trx, 'tickets.syncSeverityRanks', {});
        }
        const changes: Record<string, { from: unknown; to: unknown }> = {};
        const b = presentDictionaryEntry(before, false);
        const a = presentDictionaryEntry(row, false);
        for (const key of [
          'label',
          'position',
          'active',
          'isDefault',
          'public',
          'parentCode',
          'color',
        ] as const) {
          if (JSON.stringify(b[key]) !== JSON.stringify(a[key])) changes[key] = { from: b[key], to: a[key] };
        }
        await audit.record(
          {
            actorUserId: actor.userId,
            action: 'dictionary.update',
            targetType: 'dictionary_entry',
            targetId: `${kind}/${code}`,
            details: changes,
            at: now,
          },
          trx,
        );
        return present(kind, row, trx);
      });
    },

    async remove(actorIn: Actor | null, kind: DictionaryKind, code: string): Promise<void> {
      const actor = requirePermission(actorIn, 'admin');
      await command(kind, code, async (trx, now) => {
        const before = await repo.find(kind, code, trx);
        if (!before) throw entryNotFound(kind, code);
        if (before.is_default) {
          throw conflict('dictionary_default_required', 'The default entry cannot be deleted');
        }
        if (await repo.isUsed(kind, code, trx)) {
          throw conflict(
            'dictionary_code_in_use',
            `"${code}" is in use: deactivate it instead of deleting it`,
          );
        }
        await repo.remove(kind, code, trx);
        await audit.record(
          {
            actorUserId: actor.userId,
            action: 'dictionary.delete',
            targetType: 'dictionary_entry',
            targetId: `${kind}/${code}`,
            details: { label: { fr: before.label_fr, en: before.label_en } },
            at: now,
          },
          trx,
        );
      });
    },

    /**
     * For ticket commands: the classification to store. A missing code keeps `current`'s (or takes the
     * kind's default); an unknown code, or an inactive one that differs from `current`, is a 400
     * `invalid_classification` naming the field. Inside a transaction, pass it as `ex`.
     */
    async resolveClassification(
      input: ClassificationInput,
      current?: Classification,
      ex?: Kysely<Database>,
    ): Promise<ResolvedClassification> {
      return resolveClassificationFrom(await rows(ex), input, current);
    },

    /** Severity code → position, for the severity rank stored on tickets. */
    async severityRanks(ex?: Kysely<Database>): Promise<Map<string, number>> {
      return new Map((await ofKind('ticket-severities', ex)).map((r) => [r.code, r.position]));
    },

    /** Active categories offered on the public portal, in dictionary order. */
    async publicCategories(ex?: Kysely<Database>): Promise<PublicCategory[]> {
      return (await ofKind('ticket-categories', ex))
        .filter((r) => r.active && r.is_public)
        .map((r) => ({
          code: r.code,
          label: { fr: r.label_fr, en: r.label_en },
          parentCode: r.parent_code,
          isDefault: r.is_default,
        }));
    },

    /** Code → labels of every entry of a kind, inactive ones included (old tickets still show them). */
    async labels(
      kind: DictionaryKind,
      ex?: Kysely<Database>,
    ): Promise<Map<string, { fr: string; en: string }>> {
      return new Map((await ofKind(kind, ex)).map((r) => [r.code, { fr: r.label_fr, en: r.label_en }]));
    },

    /** Drops this process's copy (tests, or after a bulk import). */
    invalidate,
  };
}

export type DictionaryService = ReturnType<typeof createDictionaryService>;
