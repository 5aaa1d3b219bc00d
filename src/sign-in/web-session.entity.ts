import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '../common/columns.js';

// A signed-in browser. The cookie holds a random token; only its SHA-256 is stored. A session ends at
// sign-out, at a new sign-in from the same browser, when its password is reset, when its user is
// disabled, after the idle timeout or at the absolute limit.
@Entity('web_sessions')
export class WebSession {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Index('IDX_web_sessions_tokenHash', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  tokenHash: string;

  @Index('IDX_web_sessions_userId')
  @Column({ type: 'varchar', length: 36 })
  userId: string;

  @InstantColumn()
  createdAt: string;

  @InstantColumn()
  lastSeenAt: string;

  @InstantColumn({ nullable: true })
  endedAt: string | null;
}
