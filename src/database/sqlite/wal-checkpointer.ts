import { once } from 'node:events';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { DataSource } from 'typeorm';

// A worker thread with its own connection checkpoints the WAL into the database file (PASSIVE: it never
// waits for, nor blocks, the server's reads and writes). Without it, the commit that fills the WAL to
// 1,000 pages runs the checkpoint itself, on the event loop, with its fsync: every request queued behind
// it waits (the p99 of POST /api/devices). The server's own automatic checkpoint stays on as the
// fallback, at a larger WAL, in case the worker falls behind or stops. Durability is unchanged: a
// checkpoint copies committed pages, and SQLite recovers from a crash mid-checkpoint.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path, { timeout: 0 });
db.pragma('synchronous = NORMAL');
const timer = setInterval(() => {
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch { /* busy or closing: the next tick tries again */ }
}, workerData.intervalMs);
parentPort.once('message', () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

/** WAL pages at which the server's connection checkpoints by itself (SQLite's default is 1,000). */
export const FALLBACK_AUTOCHECKPOINT_PAGES = 10_000;

export class WalCheckpointer {
  private constructor(private worker: Worker | null) {}

  /** For a SQLite file in WAL mode; null otherwise (PostgreSQL, :memory:). */
  static start(dataSource: DataSource, intervalMs = 100): WalCheckpointer | null {
    const options = dataSource.options;
    if (options.type !== 'better-sqlite3' || options.database === ':memory:' || !options.enableWAL)
      return null;
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { path: options.database, driver, intervalMs },
    });
    const checkpointer = new WalCheckpointer(worker);
    worker.on('error', () => (checkpointer.worker = null));
    worker.on('exit', () => (checkpointer.worker = null));
    worker.unref();
    const connection = (
      dataSource.driver as unknown as { databaseConnection: { pragma(sql: string): unknown } }
    ).databaseConnection;
    connection.pragma(`wal_autocheckpoint = ${FALLBACK_AUTOCHECKPOINT_PAGES}`);
    return checkpointer;
  }

  async stop(): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    this.worker = null;
    const exited = once(worker, 'exit');
    worker.postMessage('stop');
    const timeout = new Promise((resolve) => setTimeout(resolve, 2000).unref());
    if ((await Promise.race([exited.then(() => 'exited'), timeout])) !== 'exited') await worker.terminate();
  }
}
