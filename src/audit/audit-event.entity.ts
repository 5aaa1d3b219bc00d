import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '../common/columns.js';

// Append-only and hash-chained: hash = sha256(prevHash + canonical content).
@Entity('audit_events')
@Index('IDX_audit_events_entity', ['entity', 'entityId'])
export class AuditEvent {
  @PrimaryColumn({ type: 'integer' })
  seq: number;

  @InstantColumn()
  at: string;

  @Index('IDX_audit_events_actor')
  @Column({ type: 'varchar', length: 36, nullable: true })
  actorId: string | null;

  @Column({ type: 'varchar', length: 40 })
  action: string;

  @Column({ type: 'varchar', length: 40 })
  entity: string;

  @Column({ type: 'varchar', length: 36 })
  entityId: string;

  // JSON: { before: {...} | null, after: {...} | null } holding only the fields that changed.
  @Column({ type: 'text' })
  changes: string;

  @Column({ type: 'varchar', length: 64 })
  prevHash: string;

  @Column({ type: 'varchar', length: 64 })
  hash: string;
}
