import { Column, PrimaryColumn, VersionColumn } from 'typeorm';
import { InstantColumn } from './columns.js';

// Columns every evidential record carries: never deleted, only voided with a reason.
export abstract class EvidentialRecord {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @InstantColumn()
  createdAt: string;

  @Column({ type: 'varchar', length: 36 })
  createdBy: string;

  @InstantColumn()
  updatedAt: string;

  @VersionColumn({ type: 'integer' })
  version: number;

  @InstantColumn({ nullable: true })
  voidedAt: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  voidedBy: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  voidReason: string | null;
}

// The columns a record starts life with: created and updated now by the actor, version 1, not voided.
export function newRecordColumns(actorId: string, now: string) {
  return {
    createdAt: now,
    createdBy: actorId,
    updatedAt: now,
    version: 1,
    voidedAt: null,
    voidedBy: null,
    voidReason: null,
  };
}
