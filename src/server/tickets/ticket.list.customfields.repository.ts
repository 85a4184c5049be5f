import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { CustomFieldFilter } from './ticket.list.customfields.js';

/** `%` and `_` are wildcards of LIKE; `\` escapes them (PostgreSQL's default escape character). */
const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The SQL condition of one custom field filter on `t.custom_fields`, JSON text on both engines (SPEC 2.7).
 * PostgreSQL reads it as jsonb; SQLite through its JSON functions, lower-casing with `guichet_lower`
 * (database.ts), since its own lower() knows ASCII letters only. Keys are `[a-z][a-z0-9_]*` (schema), so
 * the SQLite path `$.key` needs no quoting; both are bound as parameters anyway.
 */
export function customFieldCondition(f: CustomFieldFilter, pg: boolean): RawBuilder<SqlBool> {
  if (pg) {
    const json = sql`(t.custom_fields::jsonb -> ${f.key})`;
    const text = sql`(t.custom_fields::jsonb ->> ${f.key})`;
    switch (f.op) {
      case 'contains':
        return sql<SqlBool>`${text} ILIKE ${`%${likeEscape(f.text)}%`}`;
      case 'in':
        return sql<SqlBool>`${text} IN (${sql.join(f.values)})`;
      case 'any':
        return sql<SqlBool>`${json} ?| ARRAY[${sql.join(f.values)}]::text[]`;
      case 'checked':
        return f.value
          ? sql<SqlBool>`${json} = 'true'::jsonb`
          : sql<SqlBool>`${json} IS DISTINCT FROM 'true'::jsonb`;
      case 'range': {
        // Only numbers are cast: the CASE keeps a stray non-number from failing the whole query.
        const value =
          f.kind === 'number'
            ? sql`(CASE WHEN jsonb_typeof(${json}) = 'number' THEN ${text}::numeric END)`
            : sql`(CASE WHEN jsonb_typeof(${json}) = 'string' THEN ${text} END) COLLATE "C"`;
        return bounds(value, f.min, f.max);
      }
    }
  }
  const path = `$.${f.key}`;
  const value = sql`json_extract(t.custom_fields, ${path})`;
  const type = sql`json_type(t.custom_fields, ${path})`;
  switch (f.op) {
    case 'contains':
      return sql<SqlBool>`(${type} = 'text' AND instr(guichet_lower(${value}), ${f.text.toLowerCase()}) > 0)`;
    case 'in':
      return sql<SqlBool>`(${type} = 'text' AND ${value} IN (${sql.join(f.values)}))`;
    case 'any':
      return sql<SqlBool>`EXISTS (SELECT 1 FROM json_each(t.custom_fields, ${path}) j WHERE j.value IN (${sql.join(f.values)}))`;
    case 'checked':
      return f.value ? sql<SqlBool>`${type} = 'true'` : sql<SqlBool>`coalesce(${type}, '') <> 'true'`;
    case 'range':
      return sql<SqlBool>`(${type} IN (${sql.join(f.kind === 'number' ? ['integer', 'real'] : ['text'])}) AND ${bounds(value, f.min, f.max)})`;
  }
}

function bounds(value: RawBuilder<unknown>, min: number | string | null, max: number | string | null) {
  if (min !== null && max !== null && min === max) return sql<SqlBool>`${value} = ${min}`;
  const c: RawBuilder<SqlBool>[] = [];
  if (min !== null) c.push(sql<SqlBool>`${value} >= ${min}`);
  if (max !== null) c.push(sql<SqlBool>`${value} <= ${max}`);
  return sql<SqlBool>`(${sql.join(c, sql` AND `)})`;
}
