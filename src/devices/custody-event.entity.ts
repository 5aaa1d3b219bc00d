import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { CodeColumn, InstantColumn } from '../common/columns.js';
import { Device } from './device.entity.js';

// Continuity: append-only; an event entered in error is voided (it stays, marked), and the device's
// custodyStatus follows the latest event that is not voided.
@Entity('custody_events')
@Index('IDX_custody_events_device_at', ['deviceId', 'at'])
@Index('IDX_custody_events_seal', ['sealNumber'])
export class CustodyEvent {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 36 })
  deviceId: string;

  @ManyToOne(() => Device, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'deviceId' })
  device: Relation<Device>;

  @InstantColumn()
  at: string;

  @Column({ type: 'varchar', length: 100, nullable: true })
  fromHolder: string | null;

  @Column({ type: 'varchar', length: 100 })
  toHolder: string;

  @CodeColumn()
  toStatus: string;

  // A code from the custody-purposes list (migration CustodyCorrections).
  @Column({ type: 'varchar', length: 200, nullable: true })
  purpose: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  notes: string | null;

  @Column({ type: 'varchar', length: 50, nullable: true })
  sealNumber: string | null;

  @Column({ type: 'boolean', nullable: true })
  sealIntact: boolean | null;

  @Column({ type: 'varchar', length: 50 })
  recordedBy: string;

  @InstantColumn()
  createdAt: string;

  @Column({ type: 'varchar', length: 36 })
  createdBy: string;

  @InstantColumn({ nullable: true })
  voidedAt: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  voidedBy: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  voidReason: string | null;
}
