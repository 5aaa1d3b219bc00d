import { Column, Entity, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '../common/columns.js';
import { Role } from './role.enum.js';

@Entity('users')
export class User {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 20 })
  role: Role;

  @InstantColumn()
  createdAt: string;

  @InstantColumn({ nullable: true })
  disabledAt: string | null;
}
