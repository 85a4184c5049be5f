import type { Kysely } from 'kysely';
import { OPTION_TYPES, type CustomFieldType } from '../../common/customFields.js';
import type {
  CreateCustomFieldInput,
  CustomField,
  CustomFieldList,
  CustomFieldOption,
  CustomFieldOrderInput,
  UpdateCustomFieldInput,
} from '../../common/schemas/custom-field.schema.js';
import type { AuditRepository } from '../admin/audit.repository.js';
import { requirePermission, type Actor } from '../auth/actor.js';
import { iso, type Clock } from '../clock.js';
import type { Db } from '../db/database.js';
import { isUniqueViolation } from '../db/errors.js';
import type { Database } from '../db/schema.js';
import { AppError, conflict, notFound } from '../http/errors.js';
import type { CustomFieldCache } from './customfield.cache.js';
import { presentCustomField } from './customfield.presenter.js';
import type { CustomFieldRepository } from './customfield.repository.js';

const keyTaken = (key: string) =>
  conflict(
    'custom_field_key_taken',
    `The key "${key}" is already used by a custom field (active or not); keys are never reused`,
    { key },
  );
const fieldNotFound = (id: number) => notFound('custom_field_not_found', `No custom field ${id}`);

const invalidBody = (path: string, message: string) =>
  new AppError('validation_error', 400, `Invalid input: body.${path}: ${message}`, {
    details: { issues: [{ path: `body.${path}`, message }] },
  });

/** The fields of a definition an update may change, compared before and after for the audit row. */
const AUDITED = ['label', 'required', 'options', 'group', 'active'] as const;

/** Select fields need options; other types take none (the update schema cannot know the type). */
function checkOptions(type: CustomFieldType, options: CustomFieldOption[] | undefined): void {
  if (options === undefined) return;
  const wantsOptions = (OPTION_TYPES as readonly string[]).includes(type);
  if (wantsOptions && options.length === 0)
    throw invalidBody('options', 'A select field needs at least one option');
  if (!wantsOptions && options.length > 0)
    throw invalidBody('options', 'Only select and multiselect fields have options');
}

/**
 * Custom field definitions (SPEC 2.5, 7): staff who read tickets list them (their forms need them),
 * administrators create, change and reorder them. A field is never deleted and its key and type never
 * change, so the values tickets hold keep their meaning; deactivating hides it from the forms only.
 * Every change writes its audit row in its transaction, then drops this process's cached copy.
 */
export function createCustomFieldService(deps: {
  db: Db;
  audit: AuditRepository;
  clock: Clock;
  repo: CustomFieldRepository;
  cache: CustomFieldCache;
}) {
  const { db, audit, clock, repo, cache } = deps;

  async function command<T>(fn: (trx: Kysely<Database>, now: string) => Promise<T>): Promise<T> {
    try {
      return await db.kysely.transaction().execute((trx) => fn(trx, iso(clock.now())));
    } finally {
      cache.invalidate();
    }
  }

  return {
    /** Every definition, active or not, by position; any staff member who reads tickets. */
    async list(actorIn: Actor | null): Promise<CustomFieldList> {
      requirePermission(actorIn, 'ticket.read');
      const items = [...(await cache.definitions())];
      return { items, nextCursor: null, total: items.length };
    },

    /** A new field, placed last. 409 custom_field_key_taken when any field, even inactive, has the key. */
    async create(actorIn: Actor | null, input: CreateCustomFieldInput): Promise<CustomField> {
      const actor = requirePermission(actorIn, 'admin');
      try {
        return await command(async (trx, now) => {
          if (await repo.findByKey(input.key, trx)) throw keyTaken(input.key);
          const row = await repo.insert(
            {
              key: input.key,
              label_fr: input.label.fr,
              label_en: input.label.en,
              type: input.type,
              required: input.required,
              options: JSON.stringify(input.options),
              position: (await repo.maxPosition(trx)) + 10,
              active: input.active,
              field_group: input.group,
              created_at: now,
              updated_at: now,
            },
            trx,
          );
          const field = presentCustomField(row);
          const { id: _id, createdAt: _c, updatedAt: _u, ...details } = field;
          await audit.record(
            {
              actorUserId: actor.userId,
              action: 'custom_field.create',
              targetType: 'custom_field',
              targetId: row.id,
              details,
              at: now,
            },
            trx,
          );
          return field;
        });
      } catch (err) {
        // Two administrators creating the same key at once: the unique index decides.
        if (isUniqueViolation(err)) throw keyTaken(input.key);
        throw err;
      }
    },

    /** Labels, requiredness, options, group, active; the key and the type never change. */
    async update(actorIn: Actor | null, id: number, input: UpdateCustomFieldInput): Promise<CustomField> {
      const actor = requirePermission(actorIn, 'admin');
      return command(async (trx, now) => {
        const before = await repo.find(id, trx);
        if (!before) throw fieldNotFound(id);
        checkOptions(before.type as CustomFieldType, input.options);
        const row = await repo.update(
          id,
          {
            ...(input.label ? { label_fr: input.label.fr, label_en: input.label.en } : {}),
            ...(input.required !== undefined ? { required: input.required } : {}),
            ...(input.options !== undefined ? { options: JSON.stringify(input.options) } : {}),
            ...(input.group !== undefined ? { field_group: input.group } : {}),
            ...(input.active !== undefined ? { active: input.active } : {}),
            updated_at: now,
          },
          trx,
        );
        if (!row) throw fieldNotFound(id);
        const [b, a] = [presentCustomField(before), presentCustomField(row)];
        const changes: Record<string, unknown> = {};
        for (const key of AUDITED) {
          if (JSON.stringify(b[key]) !== JSON.stringify(a[key])) changes[key] = { from: b[key], to: a[key] };
        }
        await audit.record(
          {
            actorUserId: actor.userId,
            action: 'custom_field.update',
            targetType: 'custom_field',
            targetId: id,
            details: { key: a.key, ...changes },
            at: now,
          },
          trx,
        );
        return a;
      });
    },

    /** The new order of every definition (drag and drop); 400 unless `ids` are exactly all of them. */
    async reorder(actorIn: Actor | null, input: CustomFieldOrderInput): Promise<CustomFieldList> {
      const actor = requirePermission(actorIn, 'admin');
      await command(async (trx, now) => {
        const current = await repo.all(trx);
        const known = new Set(current.map((r) => r.id));
        const given = new Set(input.ids);
        if (
          given.size !== input.ids.length ||
          given.size !== known.size ||
          input.ids.some((id) => !known.has(id))
        ) {
          throw invalidBody('ids', 'List every custom field exactly once, in the new order');
        }
        // The same order again (a drop where it started) changes nothing and records nothing.
        if (input.ids.every((id, i) => current[i]?.id === id)) return;
        await repo.setOrder(input.ids, current, now, trx);
        const keys = new Map(current.map((r) => [r.id, r.key]));
        await audit.record(
          {
            actorUserId: actor.userId,
            action: 'custom_field.reorder',
            targetType: 'custom_field',
            targetId: null,
            details: {
              from: current.map((r) => r.key),
              to: input.ids.map((id) => keys.get(id)),
            },
            at: now,
          },
          trx,
        );
      });
      const items = [...(await cache.definitions())];
      return { items, nextCursor: null, total: items.length };
    },
  };
}

export type CustomFieldService = ReturnType<typeof createCustomFieldService>;
