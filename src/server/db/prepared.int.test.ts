import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, ENGINES, type TestDb } from '../../../test/helpers/db.js';
import { preparedInsert, preparedQuery, preparedStatement } from './prepared.js';

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

  it('a prepared insert writes each shape of rows it is given, through the executor of the call', async () => {
    const insert = preparedInsert('groups', 'all');
    const [one] = await insert(t.db.kysely, [{ name: 'Alpha', name_lower: 'alpha' }]);
    expect(one).toMatchObject({ name: 'Alpha', name_lower: 'alpha' });
    const two = await insert(t.db.kysely, [
      { name: 'Beta', name_lower: 'beta' },
      { name: 'Gamma', name_lower: 'gamma' },
    ]);
    expect(two.map((r) => r.name)).toEqual(['Beta', 'Gamma']);
    expect((await insert(t.db.kysely, [{ name: 'Delta', name_lower: 'delta' }]))[0]?.id).toBeGreaterThan(
      one!.id,
    );
    // Through a transaction that fails: nothing of it stays.
    await expect(
      t.db.kysely.transaction().execute(async (trx) => {
        await insert(trx, [{ name: 'Epsilon', name_lower: 'epsilon' }]);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    const names = await t.db.kysely.selectFrom('groups').select('name').orderBy('id').execute();
    expect(names.map((r) => r.name)).toEqual([
      'Support',
      'Sales',
      'Field',
      'Alpha',
      'Beta',
      'Gamma',
      'Delta',
    ]);
    await expect(
      insert(t.db.kysely, [
        { name: 'Zeta', name_lower: 'zeta' },
        { name: 'Eta' } as { name: string; name_lower: string },
      ]),
    ).rejects.toThrow(/same columns/);
  });

  it('a prepared statement runs with the executor and arguments of each call', async () => {
    const rename = preparedStatement<[string, string], { name: string }>(2, (k, from, to) =>
      k.updateTable('groups').set({ name: to }).where('name', '=', from).returning('name'),
    );
    await t.db.kysely.transaction().execute(async (trx) => {
      expect(await rename(trx, 'Field', 'Terrain')).toEqual([{ name: 'Terrain' }]);
    });
    expect(await rename(t.db.kysely, 'nobody', 'x')).toEqual([]);
    expect(await rename(t.db.kysely, 'Terrain', 'Field')).toEqual([{ name: 'Field' }]);
  });
});
