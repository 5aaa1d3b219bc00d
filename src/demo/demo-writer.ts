import type { DataSource } from 'typeorm';
import { type BulkLoad, bulkLoadFor, type BulkRow } from '../database/bulk-load.js';

export const BATCH_ROWS = 20_000;

// Buffers generated rows per table and writes them in batches, each batch one transaction (the
// database's bulk load: prepared multi-row statements on SQLite). Never one save per row.
export class DemoWriter {
  private readonly buffers = new Map<string, BulkRow[]>();
  private readonly load: BulkLoad;
  readonly written = new Map<string, number>();
  private pending = 0;

  constructor(dataSource: DataSource) {
    this.load = bulkLoadFor(dataSource);
  }

  // A fresh demo file needs no crash safety while it is filled (a failed run is simply run again
  // with --reset): no journal fsyncs during the load, WAL again afterwards.
  bulkLoad(on: boolean): void {
    this.load.fast(on);
  }

  async add(table: string, rows: BulkRow[]): Promise<void> {
    if (rows.length === 0) return;
    const buffer = this.buffers.get(table) ?? [];
    for (const row of rows) buffer.push(row);
    this.buffers.set(table, buffer);
    this.pending += rows.length;
    if (this.pending >= BATCH_ROWS) await this.flush();
  }

  // Tables are written in the order first seen (parents before children, for the foreign keys).
  async flush(): Promise<void> {
    if (this.pending === 0) return;
    const batches = [...this.buffers.entries()].filter(([, rows]) => rows.length > 0);
    await this.load.write(batches);
    for (const [table, rows] of batches) {
      this.written.set(table, (this.written.get(table) ?? 0) + rows.length);
      this.buffers.set(table, []);
    }
    this.pending = 0;
  }
}
