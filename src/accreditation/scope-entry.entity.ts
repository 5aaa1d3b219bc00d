import { Column, Entity, Index } from 'typeorm';
import { CodeColumn, DateColumn } from '../common/columns.js';
import { EvidentialRecord } from '../common/evidential-record.js';

export type ScopeType = 'FIXED' | 'FLEXIBLE';

// The lab's dated scope register: one row per change, in force until the next row for the same
// device type and activity. Rows are never overwritten; a wrong row is voided.
@Entity('scope_entries')
@Index('IDX_scope_entries_type_from', ['deviceType', 'effectiveFrom'])
@Index('UQ_scope_entries_line_from', ['deviceType', 'activityKey', 'effectiveFrom'], {
  unique: true,
  where: '"voidedAt" IS NULL',
})
export class ScopeEntry extends EvidentialRecord {
  @CodeColumn()
  deviceType: string;

  @Column({ type: 'varchar', length: 100, nullable: true })
  activity: string | null;

  // The activity as compared (trimmed, lower case; '' for the device type's own line): one live row
  // per line and date is enforced by the unique index above.
  @Column({ type: 'varchar', length: 100, default: '' })
  activityKey: string;

  @Column({ type: 'varchar', length: 50, default: 'ISO/IEC 17025:2017' })
  standard: string;

  @Column({ type: 'varchar', length: 50, default: 'UKAS' })
  accreditationBody: string;

  @Column({ type: 'varchar', length: 50, nullable: true })
  scheduleReference: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  fsaCode: string | null;

  // Only where the status is an accredited one or a suspension (migration ScopeAtBothEnds); else null.
  @Column({ type: 'varchar', length: 10, nullable: true })
  scopeType: ScopeType | null;

  @CodeColumn()
  status: string;

  @DateColumn()
  effectiveFrom: string;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  notes: string | null;
}
