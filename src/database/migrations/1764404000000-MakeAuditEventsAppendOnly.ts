import { MigrationInterface, QueryRunner } from 'typeorm';

// Append-only at the database level: any UPDATE or DELETE of an audit event aborts, whoever issues it.
// The schema builder has no triggers, so this is the one migration with dialect SQL, guarded per driver.
// (Someone with direct file or superuser access can still drop the triggers; `audit:verify` then
// names the first event that was changed.)
export class MakeAuditEventsAppendOnly1764404000000 implements MigrationInterface {
  name = 'MakeAuditEventsAppendOnly1764404000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const type = queryRunner.connection.options.type;
    if (type === 'better-sqlite3') {
      for (const operation of ['UPDATE', 'DELETE']) {
        await queryRunner.query(
          `CREATE TRIGGER "audit_events_no_${operation.toLowerCase()}" BEFORE ${operation} ON "audit_events" ` +
            `BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END`,
        );
      }
    } else if (type === 'postgres') {
      await queryRunner.query(
        `CREATE OR REPLACE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ ` +
          `BEGIN RAISE EXCEPTION 'audit_events is append-only'; END $$`,
      );
      await queryRunner.query(
        `CREATE TRIGGER audit_events_no_update_delete BEFORE UPDATE OR DELETE ON "audit_events" ` +
          `FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()`,
      );
      await queryRunner.query(
        `CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON "audit_events" ` +
          `FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only()`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const type = queryRunner.connection.options.type;
    if (type === 'better-sqlite3') {
      await queryRunner.query('DROP TRIGGER IF EXISTS "audit_events_no_update"');
      await queryRunner.query('DROP TRIGGER IF EXISTS "audit_events_no_delete"');
    } else if (type === 'postgres') {
      await queryRunner.query('DROP TRIGGER IF EXISTS audit_events_no_truncate ON "audit_events"');
      await queryRunner.query('DROP TRIGGER IF EXISTS audit_events_no_update_delete ON "audit_events"');
      await queryRunner.query('DROP FUNCTION IF EXISTS audit_events_append_only()');
    }
  }
}
