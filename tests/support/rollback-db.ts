/**
 * A view of the shared test database inside one transaction that is rolled back at the end, for test
 * files that write (reports, actions, letters): the other files, which share the seeded database and
 * count its disputes, never see those writes. Statements run one at a time, each in a savepoint so a
 * failing one (e.g. an append-only trigger refusing an UPDATE) does not abort the whole transaction;
 * the app's own transactions become savepoints too.
 */
import type { Database, Queryable } from '../../server/src/db/database.ts';

export interface RollbackDb {
  db: Database;
  /** Rolls everything back and frees the shared database for the next file. */
  rollback(): Promise<void>;
}

const ROLLBACK = Symbol('rollback');

export async function openRollbackDb(base: Database): Promise<RollbackDb> {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  let handOver!: (tx: Queryable) => void;
  const opened = new Promise<Queryable>((r) => (handOver = r));
  const done = base.transaction(async (tx) => {
    handOver(tx);
    await gate;
    throw ROLLBACK;
  }).catch((e) => {
    if (e !== ROLLBACK) throw e;
  });
  const tx = await opened;
  let chain: Promise<unknown> = Promise.resolve();
  let n = 0;
  const inSavepoint = <T>(fn: (q: Queryable) => Promise<T>): Promise<T> => {
    const run = chain.then(async () => {
      const sp = `rb_${++n}`;
      await tx.exec(`SAVEPOINT ${sp}`);
      try {
        const out = await fn(tx);
        await tx.exec(`RELEASE SAVEPOINT ${sp}`);
        return out;
      } catch (e) {
        await tx.exec(`ROLLBACK TO SAVEPOINT ${sp}`);
        throw e;
      }
    });
    chain = run.catch(() => undefined);
    return run;
  };
  const db: Database = {
    engine: base.engine,
    query: (text, values) => inSavepoint((q) => q.query(text, values)),
    exec: (sql) => inSavepoint((q) => q.exec(sql)),
    transaction: (fn) => inSavepoint(fn),
    close: async () => undefined,
  };
  return {
    db,
    async rollback() {
      await chain;
      release();
      await done;
    },
  };
}
