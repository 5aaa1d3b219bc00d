import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';

// Devices get an optional property reference: the force property system's item number, stored trimmed
// and upper-cased, a filter of GET /api/devices. Nullable with no default, so it is added in place with
// ALTER TABLE ADD COLUMN (portable; on SQLite no table rebuild, the FOI copy triggers untouched). The
// index holds only the devices that have one, so a device logged without costs no index write.
const INDEX = new TableIndex({
  name: 'IDX_devices_property_reference',
  columnNames: ['propertyReference'],
  where: '"propertyReference" IS NOT NULL',
});

export class AddDevicePropertyReference1764500000000 implements MigrationInterface {
  name = 'AddDevicePropertyReference1764500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "devices" ADD COLUMN "propertyReference" varchar(50)');
    await queryRunner.createIndex('devices', INDEX);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('devices', INDEX.name!);
    await queryRunner.query('ALTER TABLE "devices" DROP COLUMN "propertyReference"');
  }
}
