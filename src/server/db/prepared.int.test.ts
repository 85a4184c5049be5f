import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, ENGINES, type TestDb } from '../../../test/helpers/db.js';
import { preparedQuery } from './prepared.js';

describe.each(ENGINES)('prepared queries (%s)', (engine) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(engine);
    await t.db.kysely
      .insertInto('groups')
      .values(['Support', 'Sales', 'Field'].map((name) => ({ name, name_lower: name.toLowerCase() })))
      .execute();
  });
  afterAll(async () => t.cleanup());

  it('runs the compiled query again with each call’s arguments, keeping its constants', async () => {
    const byName = preparedQuery<[string, string], { name: string }>(t.db.kysely, 2, (k, a, b) =>
      k
        .selectFrom('groups')
        .select('name')
        .where((e) => e.or([e('name', '=', a), e('name', '=', b)]))
        .where('name', '!=', 'Field')
        .orderBy('name'),
    );
    expect((await byName('Support', 'Sales')).map((r) => r.name)).toEqual(['Sales', 'Support']);
    expect((await byName('Field', 'Sales')).map((r) => r.name)).toEqual(['Sales']);
    expect(await byName('nobody', 'none')).toEqual([]);
  });

  it('refuses a query that forgets one of its arguments', () => {
    expect(() =>
      preparedQuery<[string], { name: string }>(t.db.kysely, 1, (k) =>
        k.selectFrom('groups').select('name').where('name', '=', 'Support'),
      ),
    ).toThrow(/placeholder 0 is not used/);
  });
});
