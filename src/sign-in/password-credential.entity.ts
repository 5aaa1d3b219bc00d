import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '../common/columns.js';

// A user's sign-in name and password for the pages (bearer tokens for the API are separate).
// The username is stored lower-case, so it is unique ignoring letter case.
@Entity('password_credentials')
export class PasswordCredential {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  userId: string;

  @Index('IDX_password_credentials_username', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  username: string;

  @Column({ type: 'varchar', length: 200 })
  passwordHash: string;

  @InstantColumn()
  passwordSetAt: string;
}
