import { CompiledQuery, type DatabaseConnection, type Driver, type QueryResult } from 'kysely';
import type { WrappedSqlite } from './sqlite-driver.js';

/**
 * How one process's SQLite connection is shared: busy locks waited for from the event loop
 * (BusyRetryConnection) and transactions committed in groups (GroupCommitSqliteDriver); reads outside
 * transactions go to a second, read-only connection when there is one.
 */

/** How long a statement may wait for another process's write lock before failing with SQLITE_BUSY. */
const BUSY_WAIT_MS = 5000;
const sleeper = new Int32Array(new SharedArrayBuffer(4));

const isBusy = (err: unknown): boolean =>
  typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 'SQLITE_BUSY';

/** The pause before retrying a busy statement: 50 µs and a turn of the event loop, then a millisecond. */
async function busyPause(attempt: number): Promise<void> {
  if (attempt < 40) {
    Atomics.wait(sleeper, 0, 0, 0.05);
    await new Promise((resolve) => setImmediate(resolve));
  } else {
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}

/**
 * Waits for the write lock of another process without stalling this one. SQLite's own busy handler
 * sleeps inside the call, 1, 2, 5, 10… ms at a time, and the whole process with it (better-sqlite3 is
 * synchronous): with several web processes, each would spend most of its time asleep while the lock,
 * held for a fraction of a millisecond, sat free. Here a busy statement is retried after a sleep of
 * 50 µs and a turn of the event loop (other requests go on meanwhile), then every millisecond.
 */
class BusyRetryConnection implements DatabaseConnection {
  readonly #inner: DatabaseConnection;

  constructor(inner: DatabaseConnection) {
    this.#inner = inner;
  }

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    let deadline = 0;
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.#inner.executeQuery<R>(query);
      } catch (err) {
        // A busy statement did nothing (an autocommit statement): retrying it is safe.
        if (!isBusy(err)) throw err;
        const now = Date.now();
        if (deadline === 0) deadline = now + BUSY_WAIT_MS;
        else if (now > deadline) throw err;
        await busyPause(attempt);
      }
    }
  }

  streamQuery<R>(query: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    return this.#inner.streamQuery<R>(query, chunkSize);
  }
}

/** The one connection of a process, as Kysely's own SQLite driver runs statements on it. */
class PlainSqliteConnection implements DatabaseConnection {
  readonly #db: WrappedSqlite;

  constructor(db: WrappedSqlite) {
    this.#db = db;
  }

  executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const stmt = this.#db.prepare(query.sql);
    if (stmt.reader) return Promise.resolve({ rows: stmt.all(query.parameters) as R[] });
    const { changes, lastInsertRowid } = stmt.run(query.parameters);
    return Promise.resolve({
      numAffectedRows: BigInt(changes),
      insertId: BigInt(lastInsertRowid),
      rows: [],
    });
  }

  // eslint-disable-next-line @typescript-eslint/require-await -- better-sqlite3 iterates synchronously
  async *streamQuery<R>(query: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    for (const row of this.#db.prepare(query.sql).iterate(query.parameters)) yield { rows: [row as R] };
  }
}

/** A transaction's work commits together with the others of its batch: its caller waits for that. */
interface Pending {
  resolve(): void;
  reject(err: unknown): void;
}

interface Batch {
  pending: Pending[];
  openedAt: number;
}

/** At most this many transactions, or this long, per batch: a batch's first caller waits for the last. */
const BATCH_MAX = 64;
const BATCH_MAX_MS = 20;
const TX = 'guichet_tx';

function savepointName(name: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(name) || name === TX)
    throw new Error(`Invalid savepoint name "${name}"`);
  return name;
}

/**
 * One caller's turn on the connection: what Kysely's `acquireConnection` hands out. Every turn runs on
 * the same SQLite connection, one at a time, in the order they asked.
 */
class Turn implements DatabaseConnection {
  inTransaction = false;
  /** The turn was handed on (or its batch committed): Kysely's later release is a no-op. */
  ended = false;
  grant: (() => void) | undefined;
  /** The group it waited for could not begin (the write lock stayed taken). */
  refuse: ((err: unknown) => void) | undefined;

  constructor(readonly driver: GroupCommitSqliteDriver) {}

  executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    return this.driver.run(this, query);
  }

  streamQuery<R>(query: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    return this.driver.stream(this, query, chunkSize);
  }
}

/**
 * Group commit. Transactions take the write lock when they begin (a deferred transaction that reads, then
 * writes, fails at once with SQLITE_BUSY when another process wrote in between), and the lock passes
 * between the web processes at every commit, with a write of the log each time. Here the transactions of
 * one process that queue while one runs join it: each runs in a savepoint of one outer `begin immediate`
 * (its failure rolls back only its own savepoint), and one `commit` ends them all. Each caller's commit
 * resolves only once that `commit` is done, so nothing is acknowledged before it is durable.
 *
 * A transaction that begins waits, without holding the connection, until the end of the turn of the event
 * loop: every request whose data arrived meanwhile reaches its own transaction, and they run one after
 * the other in one group, which commits as soon as the last one ends (or past BATCH_MAX transactions or
 * BATCH_MAX_MS). The write lock is thus held only while the group's statements run. Within one turn a
 * transaction runs from begin to commit without a pause (better-sqlite3 answers at once), so without the
 * wait no group would ever form. Statements outside any transaction run between groups, never inside
 * one, so they never see what a group has not committed yet.
 */
export class GroupCommitSqliteDriver implements Driver {
  readonly #db: WrappedSqlite;
  #physical: BusyRetryConnection | undefined;
  #physicalPlain: PlainSqliteConnection | undefined;
  #reader: BusyRetryConnection | undefined;
  #owner: Turn | null = null;
  #queue: Turn[] = [];
  #batch: Batch | null = null;
  /** Transactions waiting for the next group to begin, and the members of the running group still to run. */
  #gathering: Turn[] = [];
  #members: Turn[] = [];
  #groupScheduled = false;

  /**
   * `db.reader`, when there is one, is a second connection to the same file for the statements that read
   * outside a transaction (see openSqliteReader); without one, they run on `db` like everything else.
   */
  constructor(db: WrappedSqlite) {
    this.#db = db;
  }

  init(): Promise<void> {
    this.#physicalPlain = new PlainSqliteConnection(this.#db);
    this.#physical = new BusyRetryConnection(this.#physicalPlain);
    if (this.#db.reader) this.#reader = new BusyRetryConnection(new PlainSqliteConnection(this.#db.reader));
    return Promise.resolve();
  }

  /** The connection without the busy retry: a group waits for the write lock its own way (#startGroup). */
  get #plain(): PlainSqliteConnection {
    if (!this.#physicalPlain) throw new Error('The SQLite driver is not initialized');
    return this.#physicalPlain;
  }

  get #conn(): BusyRetryConnection {
    if (!this.#physical) throw new Error('The SQLite driver is not initialized');
    return this.#physical;
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const turn = new Turn(this);
    if (this.#owner === null) {
      this.#owner = turn;
    } else {
      await new Promise<void>((resolve) => {
        turn.grant = resolve;
        this.#queue.push(turn);
      });
    }
    return turn;
  }

  /**
   * A transaction waits, without holding the connection, for the group that begins at the end of this
   * turn of the event loop; meanwhile other requests read, or reach their own transaction and join.
   */
  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    const turn = connection as Turn;
    if (!this.#batch) {
      const started = new Promise<void>((resolve, reject) => {
        turn.grant = resolve;
        turn.refuse = reject;
      });
      this.#gathering.push(turn);
      if (!this.#groupScheduled) {
        this.#groupScheduled = true;
        setImmediate(() => void this.#startGroup());
      }
      this.#passOn();
      await started;
    }
    await this.#conn.executeQuery(CompiledQuery.raw(`savepoint ${TX}`));
    turn.inTransaction = true;
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    const turn = connection as Turn;
    await this.#conn.executeQuery(CompiledQuery.raw(`release ${TX}`));
    turn.inTransaction = false;
    const batch = this.#batch;
    if (!batch) throw new Error('SQLite rolled the transaction back; nothing of it was committed');
    const committed = new Promise<void>((resolve, reject) => batch.pending.push({ resolve, reject }));
    // Settled by the batch's commit, possibly before the await below: never an unhandled rejection.
    committed.catch(() => undefined);
    turn.ended = true;
    await this.#endTurn();
    await committed;
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    const turn = connection as Turn;
    turn.inTransaction = false;
    try {
      await this.#conn.executeQuery(CompiledQuery.raw(`rollback to ${TX}`));
      await this.#conn.executeQuery(CompiledQuery.raw(`release ${TX}`));
    } catch (err) {
      // Some errors (a full disk, I/O) make SQLite roll the whole transaction back: the batch is lost.
      if (this.#db.raw.inTransaction) throw err;
    }
    if (this.#batch && !this.#db.raw.inTransaction) {
      this.#failBatch(new Error('SQLite rolled the transaction back; nothing of it was committed'));
    }
  }

  // Savepoints a caller names inside its transaction (`trx.savepoint(name)`), nested in its own.
  async savepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`savepoint ${savepointName(name)}`));
  }

  async rollbackToSavepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`rollback to ${savepointName(name)}`));
  }

  async releaseSavepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`release ${savepointName(name)}`));
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    const turn = connection as Turn;
    if (turn.ended) return;
    turn.ended = true;
    await this.#endTurn();
  }

  destroy(): Promise<void> {
    this.#db.reader?.close();
    this.#db.close();
    return Promise.resolve();
  }

  async run<R>(turn: Turn, query: CompiledQuery): Promise<QueryResult<R>> {
    if (this.#owner !== turn) throw new Error('A query ran on a connection that was released');
    if (!turn.inTransaction) {
      const readonly = this.#db.prepare(query.sql).readonly;
      // Unreachable while groups run their members only; kept so that a write can never answer uncommitted.
      if (this.#batch && !readonly) await this.#commit();
      // Committed data only, as on the writer between groups.
      if (readonly && this.#reader && !this.#batch) return this.#reader.executeQuery<R>(query);
    }
    return this.#conn.executeQuery<R>(query);
  }

  async *stream<R>(
    turn: Turn,
    query: CompiledQuery,
    chunkSize?: number,
  ): AsyncIterableIterator<QueryResult<R>> {
    if (this.#owner !== turn) throw new Error('A query ran on a connection that was released');
    const reader = !turn.inTransaction && !this.#batch ? this.#reader : undefined;
    yield* (reader ?? this.#conn).streamQuery<R>(query, chunkSize);
  }

  /** The owner is done: the group's next member runs, or the group commits and the others go on. */
  async #endTurn(): Promise<void> {
    const batch = this.#batch;
    if (batch) {
      const full = batch.pending.length >= BATCH_MAX || Date.now() - batch.openedAt >= BATCH_MAX_MS;
      const member = full ? undefined : this.#members.shift();
      if (member) {
        this.#owner = member;
        member.grant?.();
        return;
      }
      await this.#commit();
      // Members left out of a full group wait for the next one.
      if (this.#members.length > 0) this.#regather(this.#members.splice(0));
    }
    this.#passOn();
  }

  #passOn(): void {
    const next = this.#queue.shift();
    this.#owner = next ?? null;
    next?.grant?.();
  }

  #regather(turns: Turn[]): void {
    this.#gathering.unshift(...turns);
    if (!this.#groupScheduled) {
      this.#groupScheduled = true;
      setImmediate(() => void this.#startGroup());
    }
  }

  /**
   * Begins the group: takes a turn like any caller, takes the write lock, then hands the connection to
   * each gathered transaction in turn; the last one's end commits them all.
   */
  async #startGroup(): Promise<void> {
    let deadline = 0;
    for (let attempt = 0; ; attempt++) {
      const leader = (await this.acquireConnection()) as Turn;
      leader.ended = true;
      if (this.#gathering.length === 0) {
        this.#groupScheduled = false;
        this.#passOn();
        return;
      }
      try {
        await this.#plain.executeQuery(CompiledQuery.raw('begin immediate'));
        break;
      } catch (err) {
        const now = Date.now();
        if (deadline === 0) deadline = now + BUSY_WAIT_MS;
        if (!isBusy(err) || now > deadline) {
          this.#groupScheduled = false;
          for (const m of this.#gathering.splice(0)) {
            m.ended = true;
            m.refuse?.(err);
          }
          this.#passOn();
          return;
        }
      }
      // Another process holds the write lock: the connection is left to the reads meanwhile, and the
      // transactions that begin meanwhile join this group (the busier the lock, the larger the groups).
      this.#passOn();
      await busyPause(attempt);
    }
    this.#groupScheduled = false;
    const members = this.#gathering.splice(0);
    this.#batch = { pending: [], openedAt: Date.now() };
    this.#members = members;
    const first = this.#members.shift();
    this.#owner = first ?? null;
    first?.grant?.();
  }

  async #commit(): Promise<void> {
    const batch = this.#batch;
    if (!batch) return;
    this.#batch = null;
    try {
      await this.#conn.executeQuery(CompiledQuery.raw('commit'));
    } catch (err) {
      if (this.#db.raw.inTransaction) {
        await this.#conn.executeQuery(CompiledQuery.raw('rollback')).catch(() => undefined);
      }
      for (const p of batch.pending) p.reject(err);
      return;
    }
    for (const p of batch.pending) p.resolve();
  }

  #failBatch(err: Error): void {
    const batch = this.#batch;
    this.#batch = null;
    for (const p of batch?.pending ?? []) p.reject(err);
  }
}
