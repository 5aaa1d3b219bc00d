import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { CodeColumn, InstantColumn } from '../common/columns.js';
import { EvidentialRecord } from '../common/evidential-record.js';
import { Device } from '../devices/device.entity.js';

export type ExaminationStatus = 'REQUESTED' | 'IN_PROGRESS' | 'COMPLETED' | 'CANCELLED';

const STARTED_FOI = ['startedAt', 'voidedAt', 'deviceVoidedAt', 'scopeStatusAtStart', 'version', 'updatedAt'];
const COMPLETED_FOI = [
  'completedAt',
  'cancelledAt',
  'voidedAt',
  'deviceVoidedAt',
  'requestedAt',
  'deviceSeizedAt',
  'deviceId',
  'version',
  'updatedAt',
];

const REQUESTED_FOI = ['requestedAt', 'voidedAt', 'deviceVoidedAt'];

// Copies of the device's fields, written only by database triggers (migration CopyFoiFields) and read
// only by the FOI report: never inserted, updated or selected by the application.
const COPY = { nullable: true, insert: false, update: false, select: false } as const;

@Entity('examinations')
@Index('IDX_examinations_device', ['deviceId'])
// Covering indexes for the FOI report (migrations AddFoiCoveringIndexes, CopyFoiFields).
@Index('IDX_examinations_started_foi', STARTED_FOI)
@Index('IDX_examinations_type_started_foi', ['deviceType', ...STARTED_FOI])
@Index('IDX_examinations_completed_foi', COMPLETED_FOI)
@Index('IDX_examinations_type_completed_foi', ['deviceType', ...COMPLETED_FOI])
@Index('IDX_examinations_status', ['status'])
// GET /api/foi/counts by request time (migration AddFoiCountIndexes).
@Index('IDX_examinations_requested_foi', REQUESTED_FOI)
// The lab's queue: open examinations, oldest request first (migration AddPageListIndexes).
@Index('IDX_examinations_open_queue', ['requestedAt', 'id', 'status'], {
  where: `"status" IN ('REQUESTED', 'IN_PROGRESS') AND "voidedAt" IS NULL`,
})
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

  // From the scope register on the local date of startedAt; completion never changes it. The FOI
  // report counts examinations started in a window by it (migration ScopeAtBothEnds).
  @CodeColumn({ nullable: true })
  scopeStatusAtStart: string | null;

  // Present when the lab overrode the status at start.
  @Column({ type: 'varchar', length: 500, nullable: true })
  scopeStartOverrideReason: string | null;

  // From the scope register on the local date of completedAt; null until completed.
  @CodeColumn({ nullable: true })
  scopeStatusAtCompletion: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  scopeCompletionOverrideReason: string | null;

  @CodeColumn({ default: 'NOT_ASSESSED' })
  codeCompliance: string;

  @Column({ type: 'boolean', nullable: true })
  dataRecovered: boolean | null;

  // Restricted: lab and admin only, never in FOI output (FOIA s.30(1)(a)(b)).
  @Column({ type: 'text', nullable: true })
  methods: string | null;

  @Column({ type: 'text', nullable: true })
  findingsSummary: string | null;

  // Restricted like methods: the tools and their versions (migration AddExaminationToolsUsed).
  @Column({ type: 'text', nullable: true })
  toolsUsed: string | null;

  @CodeColumn(COPY)
  deviceType?: string | null;

  @InstantColumn(COPY)
  deviceSeizedAt?: string | null;

  // The device's void instant, or else its case's: the examination counts only while neither is voided.
  @InstantColumn(COPY)
  deviceVoidedAt?: string | null;
}
