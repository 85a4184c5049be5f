import type { Kysely } from 'kysely';
import { SETTINGS, SETTING_KEYS, type SettingKey, type Settings } from '../../common/settings.js';
import type { AuditRepository } from '../admin/audit.repository.js';
import { requirePermission, type Actor } from '../auth/actor.js';
import { iso, type Clock } from '../clock.js';
import type { Db } from '../db/database.js';
import type { Database } from '../db/schema.js';
import type { SecretBox } from '../crypto/secret-box.js';

/** How long a process trusts its copy; other processes see a change within this delay (and one read). */
const CACHE_MS = 5000;

const isSecret = (key: SettingKey): boolean => 'secret' in SETTINGS[key] && SETTINGS[key].secret === true;

/** What the API shows of the settings: a secret only says whether it is set (SPEC 7). */
function masked(s: Settings): Record<string, unknown> {
  return Object.fromEntries(SETTING_KEYS.map((k) => [k, isSecret(k) ? s[k] !== '' : s[k]]));
}

function defaults(): Settings {
  return Object.fromEntries(SETTING_KEYS.map((k) => [k, SETTINGS[k].default])) as Settings;
}

/**
 * Settings stored as one row per key (JSON value) over typed defaults: a fresh install needs no row.
 * Read often (upload limits, delays), written rarely, every change audited.
 */
export function createSettingsService(deps: {
  db: Db;
  audit: AuditRepository;
  clock: Clock;
  /** Seals secret settings (SMTP password…) with the master key; `get` answers them sealed. */
  secrets?: Pick<SecretBox, 'seal'>;
  /** How long this process trusts its copy before reading them again (tests shorten it). */
  cacheMs?: number;
}) {
  const { db, audit, clock, secrets } = deps;
  const cacheMs = deps.cacheMs ?? CACHE_MS;
  let cache: { at: number; value: Settings } | undefined;
  let refreshing: Promise<void> | undefined;

  async function load(ex: Kysely<Database> = db.kysely): Promise<Settings> {
    const rows = await ex.selectFrom('settings').select(['key', 'value']).execute();
    const s = defaults() as Record<string, unknown>;
    for (const r of rows) {
      if (!(r.key in SETTINGS)) continue;
      const parsed = SETTINGS[r.key as SettingKey].schema.safeParse(JSON.parse(r.value));
      if (parsed.success) s[r.key] = parsed.data;
    }
    return s as Settings;
  }

  /**
   * The settings, from this process's copy. Once the copy is older than the cache delay it is read again
   * in the background and the current copy answers meanwhile: a read never waits for the database once
   * the first copy is loaded. On SQLite that matters inside a transaction, which holds the only
   * connection: a reload awaited there would wait for that transaction, which waits for it, forever.
   * Code that may run in a transaction before the first copy is loaded (a command-line tool that does not
   * start the server) passes the transaction as `ex`: the first copy is then read through it.
   */
  async function all(ex?: Kysely<Database>): Promise<Settings> {
    const now = Date.now();
    if (!cache) {
      cache = { at: now, value: await load(ex) };
      return cache.value;
    }
    if (now - cache.at > cacheMs && !refreshing) {
      refreshing = load()
        .then((value) => {
          cache = { at: Date.now(), value };
        })
        // The database may be briefly away: the copy stays, and the next read tries again.
        .catch(() => {})
        .finally(() => {
          refreshing = undefined;
        });
    }
    return cache.value;
  }

  return {
    all,
    async get<K extends SettingKey>(key: K): Promise<Settings[K]> {
      return (await all())[key];
    },

    async read(actorIn: Actor | null): Promise<Record<string, unknown>> {
      requirePermission(actorIn, 'admin');
      return masked(await load());
    },

    /** Validated by the route (settingsPatchSchema); applies all keys or none. */
    async update(actorIn: Actor | null, patch: Partial<Settings>): Promise<Record<string, unknown>> {
      const actor = requirePermission(actorIn, 'admin');
      const at = iso(clock.now());
      const result = await db.kysely.transaction().execute(async (trx) => {
        const before = await load(trx);
        const changes: Record<string, { from: unknown; to: unknown } | 'changed' | 'cleared'> = {};
        for (const [key, given] of Object.entries(patch) as [SettingKey, unknown][]) {
          let value = given;
          if (isSecret(key)) {
            // An empty secret clears it; any other value is stored sealed and never written to the audit.
            if (value === '' && before[key] === '') continue;
            if (value !== '') {
              if (!secrets) throw new Error('Secret settings need the secret box');
              value = secrets.seal(String(value));
            }
            // The audit log says what happened to a secret, never its value, sealed or not.
            changes[key] = value === '' ? 'cleared' : 'changed';
          } else {
            if (JSON.stringify(before[key]) === JSON.stringify(value)) continue;
            changes[key] = { from: before[key], to: value };
          }
          await trx
            .insertInto('settings')
            .values({ key, value: JSON.stringify(value), updated_at: at, updated_by: actor.userId })
            .onConflict((oc) =>
              oc
                .column('key')
                .doUpdateSet({ value: JSON.stringify(value), updated_at: at, updated_by: actor.userId }),
            )
            .execute();
        }
        if (Object.keys(changes).length > 0) {
          await audit.record(
            {
              actorUserId: actor.userId,
              action: 'settings.update',
              targetType: 'settings',
              targetId: null,
              details: changes,
              at,
            },
            trx,
          );
        }
        return load(trx);
      });
      cache = { at: Date.now(), value: result };
      return masked(result);
    },
  };
}

export type SettingsService = ReturnType<typeof createSettingsService>;
