import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { DateColumn, InstantColumn } from '../common/columns.js';
import type { ClockEventKind } from './request-clock.js';

// The FOI request log. No requester identity is stored: only the request's reference, dates, channel,
// questions and (optionally) the requester type, for statistics.

@Entity('foi_requests')
@Index('UQ_foi_requests_referenceKey', ['referenceKey'], { unique: true })
@Index('IDX_foi_requests_status_dueOn', ['status', 'dueOn'])
export class FoiRequestRecord {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 60 })
  reference: string;

  // The reference as compared (trimmed, lower case): unique.
  @Column({ type: 'varchar', length: 60 })
  referenceKey: string;

  @DateColumn()
  receivedOn: string;

  @Column({ type: 'varchar', length: 20 })
  channel: string;

  @Column({ type: 'varchar', length: 30, nullable: true })
  requesterType: string | null;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'varchar', length: 30 })
  status: string;

  @DateColumn({ nullable: true })
  dueOn: string | null;

  @InstantColumn()
  createdAt: string;

  @Column({ type: 'varchar', length: 36, nullable: true })
  createdBy: string | null;
}

@Entity('foi_request_questions')
@Index('UQ_foi_request_questions_number', ['requestId', 'number'], { unique: true })
export class FoiRequestQuestion {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 36 })
  requestId: string;

  @Column({ type: 'integer' })
  number: number;

  @Column({ type: 'varchar', length: 2000 })
  text: string;
}

// Dated clock events (clarification, fees, extension, withdrawal), append-only.
@Entity('foi_request_events')
@Index('UQ_foi_request_events_seq', ['requestId', 'seq'], { unique: true })
export class FoiRequestEvent {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 36 })
  requestId: string;

  @Column({ type: 'integer' })
  seq: number;

  @Column({ type: 'varchar', length: 30 })
  kind: ClockEventKind;

  @DateColumn()
  on: string;

  @DateColumn({ nullable: true })
  until: string | null;

  @Column({ type: 'varchar', length: 60, nullable: true })
  exemption: string | null;

  @InstantColumn()
  recordedAt: string;

  @Column({ type: 'varchar', length: 36, nullable: true })
  recordedBy: string | null;
}

// An answer as released: never recomputed or edited; only voided (admin, with a reason).
@Entity('foi_answers')
@Index('IDX_foi_answers_requestId', ['requestId'])
export class FoiAnswerRecord {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 36 })
  requestId: string;

  @DateColumn()
  respondedOn: string;

  @InstantColumn()
  issuedAt: string;

  @Column({ type: 'varchar', length: 36, nullable: true })
  issuedBy: string | null;

  // JSON: the report parameters as resolved (so a recheck asks the same question).
  @Column({ type: 'text' })
  parameters: string;

  // JSON: [{number, decision, exemption}].
  @Column({ type: 'text' })
  decisions: string;

  // The JSON answer exactly as released.
  @Column({ type: 'text' })
  report: string;

  @Column({ type: 'varchar', length: 100 })
  fingerprint: string;

  @Column({ type: 'varchar', length: 200 })
  fileName: string;

  // The workbook's bytes as base64 (portable text on SQLite and PostgreSQL), and their SHA-256.
  @Column({ type: 'text' })
  workbook: string;

  @Column({ type: 'varchar', length: 64 })
  workbookSha256: string;

  @InstantColumn({ nullable: true })
  voidedAt: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  voidedBy: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  voidReason: string | null;
}

export const FOI_REQUEST_ENTITIES = [FoiRequestRecord, FoiRequestQuestion, FoiRequestEvent, FoiAnswerRecord];
