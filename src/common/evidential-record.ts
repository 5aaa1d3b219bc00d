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
