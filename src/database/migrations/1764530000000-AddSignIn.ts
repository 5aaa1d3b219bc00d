import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';

const text = (name: string, length: number, nullable = false) => ({
  name,
  type: 'varchar',
  length: String(length),
  isNullable: nullable,
});

// Sign-in for the pages: a username and scrypt password hash per user, and server-side sessions.
export class AddSignIn1764530000000 implements MigrationInterface {
  name = 'AddSignIn1764530000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'password_credentials',
        columns: [
          { ...text('userId', 36), isPrimary: true },
          text('username', 64),
          text('passwordHash', 200),
          text('passwordSetAt', 24),
        ],
        indices: [
          new TableIndex({
            name: 'IDX_password_credentials_username',
            columnNames: ['username'],
            isUnique: true,
          }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'web_sessions',
        columns: [
          { ...text('id', 36), isPrimary: true },
          text('tokenHash', 64),
          text('userId', 36),
          text('createdAt', 24),
          text('lastSeenAt', 24),
          text('endedAt', 24, true),
        ],
        indices: [
          new TableIndex({ name: 'IDX_web_sessions_tokenHash', columnNames: ['tokenHash'], isUnique: true }),
          new TableIndex({ name: 'IDX_web_sessions_userId', columnNames: ['userId'] }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('web_sessions');
    await queryRunner.dropTable('password_credentials');
  }
}
