import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { Case } from '../cases/case.entity.js';
import { CodeColumn, InstantColumn } from '../common/columns.js';
import { EvidentialRecord } from '../common/evidential-record.js';

export type PowerState = 'ON' | 'OFF' | 'UNKNOWN';

const FOI_DEVICE_FIELDS = [
  'voidedAt',
  'caseVoidedAt',
  'caseId',
  'evidentialUse',
  'version',
  'updatedAt',
  'caseKind',
  'caseOffenceGroup',
  'caseOffenceSubgroup',
  'caseIncidentCategory',
  'caseCourtResult',
  'caseProgressedToCourt',
  'caseVersion',
  'caseUpdatedAt',
  'caseFoiKey',
];

// Copies of the case's FOI fields, written only by database triggers (migration CopyFoiFields) and read
// only by the FOI report: never inserted, updated or selected by the application.
const COPY = { nullable: true, insert: false, update: false, select: false } as const;

@Entity('devices')
@Index('UQ_devices_case_exhibit', ['caseId', 'exhibitRef'], { unique: true })
// Covering indexes for the FOI report (migrations AddFoiCoveringIndexes, CopyFoiFields): a window of
// seizures, with each device's copy of its case's FOI fields, is read from the index alone.
@Index('IDX_devices_type_seized_foi', ['deviceType', 'seizedAt', ...FOI_DEVICE_FIELDS])
@Index('IDX_devices_id_cover', ['id', 'deviceType', 'voidedAt', 'caseId', 'seizedAt', 'version', 'updatedAt'])
@Index('IDX_devices_seized_foi', ['seizedAt', 'deviceType', ...FOI_DEVICE_FIELDS])
@Index('IDX_devices_custody_status', ['custodyStatus'])
// Only the voided devices (migration AddDevicesVoidedIndex): open devices = all rows less these.
@Index('IDX_devices_voided', ['voidedAt'], { where: '"voidedAt" IS NOT NULL' })
@Index('IDX_devices_property_reference', ['propertyReference'], { where: '"propertyReference" IS NOT NULL' })
// The device search (migration DeviceSearch, device-search-sql.ts): the exhibit reference's key and the
// upper-cased serial number are expression indexes; on PostgreSQL a pg_trgm index serves q (on SQLite
// the FTS5 table device_search does; TRGM_ names an index that exists on PostgreSQL only).
@Index('IDX_devices_mac', ['macAddress'])
@Index('IDX_devices_exhibit_key', { synchronize: false })
@Index('IDX_devices_serial', { synchronize: false })
@Index('TRGM_devices_search', { synchronize: false })
export class Device extends EvidentialRecord {
  @Column({ type: 'varchar', length: 36 })
  caseId: string;

  @ManyToOne(() => Case, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'caseId' })
  case: Relation<Case>;

  @Column({ type: 'varchar', length: 30 })
  exhibitRef: string;

  @CodeColumn()
  deviceType: string;

  @Column({ type: 'varchar', length: 100, nullable: true })
  make: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  model: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  serialNumber: string | null;

  @Column({ type: 'varchar', length: 17, nullable: true })
  macAddress: string | null;

  @Column({ type: 'varchar', length: 50, nullable: true })
  firmwareVersion: string | null;

  @InstantColumn()
  seizedAt: string;

  @Column({ type: 'varchar', length: 50 })
  seizedBy: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  seizureLocation: string | null;

  @Column({ type: 'varchar', length: 10, default: 'UNKNOWN' })
  powerStateAtSeizure: PowerState;

  @Column({ type: 'boolean', nullable: true })
  photographedInSitu: boolean | null;

  @Column({ type: 'boolean', nullable: true })
  networkIsolated: boolean | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  companionApp: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  cloudAccountIdentifier: string | null;

  @CodeColumn({ default: 'SEIZED' })
  custodyStatus: string;

  @CodeColumn({ default: 'UNKNOWN' })
  evidentialUse: string;

  // The force property system's item number (migration AddDevicePropertyReference).
  @Column({ type: 'varchar', length: 50, nullable: true })
  propertyReference: string | null;

  @Column({ type: 'varchar', length: 10, ...COPY })
  caseKind?: string | null;

  @CodeColumn(COPY)
  caseOffenceGroup?: string | null;

  @CodeColumn(COPY)
  caseOffenceSubgroup?: string | null;

  @CodeColumn(COPY)
  caseIncidentCategory?: string | null;

  @CodeColumn(COPY)
  caseCourtResult?: string | null;

  @Column({ type: 'boolean', ...COPY })
  caseProgressedToCourt?: boolean | null;

  @InstantColumn(COPY)
  caseVoidedAt?: string | null;

  @Column({ type: 'integer', ...COPY })
  caseVersion?: number | null;

  @InstantColumn(COPY)
  caseUpdatedAt?: string | null;

  // The six classification copies above as one text, to group by (migration CopyFoiCaseKey).
  @Column({ type: 'varchar', length: 255, ...COPY })
  caseFoiKey?: string | null;
}
