import { Column, Entity, Index } from 'typeorm';
import { CodeColumn, DateColumn } from '../common/columns.js';
import { EvidentialRecord } from '../common/evidential-record.js';

export type CaseKind = 'CRIME' | 'INCIDENT';

@Entity('cases')
// GET /api/cases?q=: a pg_trgm index on PostgreSQL (migration DeviceSearch); the FTS5 table case_search on SQLite.
@Index('TRGM_cases_reference', { synchronize: false })
// The FOI report's lookup of a device's case, answered from the index (migration AddFoiLookupIndexes).
@Index('IDX_cases_id_cover', [
  'id',
  'voidedAt',
  'kind',
  'offenceGroup',
  'offenceSubgroup',
  'incidentCategory',
  'courtResult',
  'progressedToCourt',
  'version',
  'updatedAt',
])
// Newest first, a page at a time; open cases counted as all less the voided (migration AddPageListIndexes).
@Index('IDX_cases_created', ['createdAt', 'id'])
@Index('IDX_cases_voided', ['voidedAt'], { where: '"voidedAt" IS NOT NULL' })
export class Case extends EvidentialRecord {
  @Index('UQ_cases_reference', { unique: true })
  @Column({ type: 'varchar', length: 50 })
  reference: string;

  // The reference as uniqueness compares it (reference-key.ts), unique: set on every write of reference.
  @Index('UQ_cases_reference_key', { unique: true })
  @Column({ type: 'varchar', length: 100 })
  referenceKey: string;

  @Column({ type: 'varchar', length: 10 })
  kind: CaseKind;

  @CodeColumn({ nullable: true })
  offenceGroup: string | null;

  @CodeColumn({ nullable: true })
  offenceSubgroup: string | null;

  @CodeColumn({ nullable: true })
  homeOfficeCode: string | null;

  @CodeColumn({ nullable: true })
  incidentCategory: string | null;

  @CodeColumn({ nullable: true })
  policeOutcome: string | null;

  @CodeColumn({ nullable: true })
  courtStage: string | null;

  @CodeColumn({ nullable: true })
  courtResult: string | null;

  @DateColumn({ nullable: true })
  courtResultAt: string | null;

  // Optional: the force's policing area (BCU, borough…) from /api/reference/policing-areas.
  @CodeColumn({ nullable: true })
  policingArea: string | null;

  // Derived on every write by the one rule in cases/progressed-to-court.ts.
  @Column({ type: 'boolean', default: false })
  progressedToCourt: boolean;
}
