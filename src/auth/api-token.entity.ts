import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { InstantColumn } from '../common/columns.js';
import { User } from './user.entity.js';

// Only the SHA-256 of a token is kept: tokens are 256-bit random, so a fast hash is enough.
@Entity('api_tokens')
export class ApiToken {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Index('IDX_api_tokens_user')
  @Column({ type: 'varchar', length: 36 })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'userId' })
  user: Relation<User>;

  @Index('UQ_api_tokens_hash', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  tokenHash: string;

  @Column({ type: 'varchar', length: 100, nullable: true })
  label: string | null;

  @InstantColumn()
  createdAt: string;

  @InstantColumn({ nullable: true })
  expiresAt: string | null;

  @InstantColumn({ nullable: true })
  revokedAt: string | null;
}
