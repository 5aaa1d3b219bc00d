import { MigrationInterface, QueryRunner, TableColumn, TableIndex } from 'typeorm';

// One live scope row per line (device type + activity) and date, enforced by the database: the
// activity as compared (trimmed, lower case; '' for the device type's own line) gets its own column,
// because a unique index treats NULL activities as all different.
export class AddScopeEntryLineKey1764402000000 implements MigrationInterface {
  name = 'AddScopeEntryLineKey1764402000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn(
      'scope_entries',
      new TableColumn({
        name: 'activityKey',
        type: 'varchar',
        length: '100',
        isNullable: false,
        default: "''",
      }),
    );
    const rows = await queryRunner.manager
      .createQueryBuilder()
      .select(['s.id AS id', 's.activity AS activity'])
      .from('scope_entries', 's')
      .where('s.activity IS NOT NULL')
      .getRawMany<{ id: string; activity: string }>();
    for (const row of rows) {
      await queryRunner.manager
        .createQueryBuilder()
        .update('scope_entries')
        .set({ activityKey: row.activity.trim().toLowerCase() })
        .where('id = :id', { id: row.id })
        .execute();
    }
    await queryRunner.createIndex(
      'scope_entries',
      new TableIndex({
        name: 'UQ_scope_entries_line_from',
        columnNames: ['deviceType', 'activityKey', 'effectiveFrom'],
        isUnique: true,
        where: '"voidedAt" IS NULL',
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('scope_entries', 'UQ_scope_entries_line_from');
    await queryRunner.dropColumn('scope_entries', 'activityKey');
  }
}
