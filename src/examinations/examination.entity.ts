import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { CodeColumn, InstantColumn } from '../common/columns.js';
import { EvidentialRecord } from '../common/evidential-record.js';
import { Device } from '../devices/device.entity.js';

export type ExaminationStatus = 'REQUESTED' | 'IN_PROGRESS' | 'COMPLETED' | 'CANCELLED';

@Entity('examinations')
@Index('IDX_examinations_device', ['deviceId'])
// Covering indexes for the FOI report (migration AddFoiCoveringIndexes).
@Index('IDX_examinations_started_cover', [
  'startedAt',
  'voidedAt',
  'deviceId',
  'scopeStatus',
  'version',
  'updatedAt',
])
@Index('IDX_examinations_completed_cover', ['completedAt', 'voidedAt', 'deviceId', 'version', 'updatedAt'])
@Index('IDX_examinations_status', ['status'])
export class Examination extends EvidentialRecord {
  @Column({ type: 'varchar', length: 36 })
  deviceId: string;

  @ManyToOne(() => Device, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'deviceId' })
  device: Relation<Device>;

  @InstantColumn()
  requestedAt: string;

  @Column({ type: 'varchar', length: 20, default: 'REQUESTED' })
  status: ExaminationStatus;

  @InstantColumn({ nullable: true })
  startedAt: string | null;

  @InstantColumn({ nullable: true })
  completedAt: string | null;

  @InstantColumn({ nullable: true })
  cancelledAt: string | null;

  @CodeColumn({ nullable: true })
  scopeStatus: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  scopeOverrideReason: string | null;

  @CodeColumn({ default: 'NOT_ASSESSED' })
  codeCompliance: string;

  @Column({ type: 'boolean', nullable: true })
  dataRecovered: boolean | null;

  // Restricted: lab and admin only, never in FOI output (FOIA s.30(1)(a)(b)).
  @Column({ type: 'text', nullable: true })
  methods: string | null;

  @Column({ type: 'text', nullable: true })
  findingsSummary: string | null;
}
