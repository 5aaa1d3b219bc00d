import { MigrationInterface, QueryRunner, Table, TableColumnOptions } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata.js';

const id = (): TableColumnOptions => ({ name: 'id', type: 'varchar', length: '36', isPrimary: true });
const ref = (name: string, nullable = false): TableColumnOptions => ({
  name,
  type: 'varchar',
  length: '36',
  isNullable: nullable,
});
const text = (name: string, length: number, nullable = true, dflt?: string): TableColumnOptions => ({
  name,
  type: 'varchar',
  length: String(length),
  isNullable: nullable,
  ...(dflt === undefined ? {} : { default: `'${dflt}'` }),
});
const instant = (name: string, nullable = false) => text(name, 24, nullable);
const code = (name: string, nullable = true, dflt?: string) => text(name, 40, nullable, dflt);
// dflt is the driver's own spelling of the default (SQLite `0`, PostgreSQL `false`), so the schema
// matches the entities exactly on both (see test/migrations.e2e-spec.ts).
const bool = (name: string, nullable = true, dflt?: string): TableColumnOptions => ({
  name,
  type: 'boolean',
  isNullable: nullable,
  ...(dflt === undefined ? {} : { default: dflt }),
});
const evidential = (): TableColumnOptions[] => [
  instant('createdAt'),
  ref('createdBy'),
  instant('updatedAt'),
  { name: 'version', type: 'integer' },
  instant('voidedAt', true),
  ref('voidedBy', true),
  text('voidReason', 500),
];

export class CreateRegisterTables1764400000000 implements MigrationInterface {
  name = 'CreateRegisterTables1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const falseDefault = queryRunner.connection.driver.normalizeDefault({ default: false } as ColumnMetadata);
    await queryRunner.createTable(
      new Table({
        name: 'users',
        columns: [
          id(),
          text('name', 100, false),
          text('role', 20, false),
          instant('createdAt'),
          instant('disabledAt', true),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'api_tokens',
        columns: [
          id(),
          ref('userId'),
          text('tokenHash', 64, false),
          text('label', 100),
          instant('createdAt'),
          instant('expiresAt', true),
          instant('revokedAt', true),
        ],
        indices: [
          { name: 'IDX_api_tokens_user', columnNames: ['userId'] },
          { name: 'UQ_api_tokens_hash', columnNames: ['tokenHash'], isUnique: true },
        ],
        foreignKeys: [
          {
            columnNames: ['userId'],
            referencedTableName: 'users',
            referencedColumnNames: ['id'],
            onDelete: 'RESTRICT',
          },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'reference_codes',
        columns: [
          { ...code('list', false), isPrimary: true },
          { ...code('code', false), isPrimary: true },
          text('label', 200, false),
          code('parentCode'),
          { name: 'sortOrder', type: 'integer' },
          { name: 'attributes', type: 'text', isNullable: true },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'audit_events',
        columns: [
          { name: 'seq', type: 'integer', isPrimary: true },
          instant('at'),
          ref('actorId', true),
          text('action', 40, false),
          text('entity', 40, false),
          ref('entityId'),
          { name: 'changes', type: 'text' },
          text('prevHash', 64, false),
          text('hash', 64, false),
        ],
        indices: [
          { name: 'IDX_audit_events_entity', columnNames: ['entity', 'entityId'] },
          { name: 'IDX_audit_events_actor', columnNames: ['actorId'] },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'cases',
        columns: [
          id(),
          text('reference', 50, false),
          text('kind', 10, false),
          code('offenceGroup'),
          code('offenceSubgroup'),
          code('homeOfficeCode'),
          code('incidentCategory'),
          code('policeOutcome'),
          code('courtStage'),
          code('courtResult'),
          text('courtResultAt', 10),
          bool('progressedToCourt', false, falseDefault),
          ...evidential(),
        ],
        indices: [{ name: 'UQ_cases_reference', columnNames: ['reference'], isUnique: true }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'devices',
        columns: [
          id(),
          ref('caseId'),
          text('exhibitRef', 30, false),
          code('deviceType', false),
          text('make', 100),
          text('model', 100),
          text('serialNumber', 100),
          text('macAddress', 17),
          text('firmwareVersion', 50),
          instant('seizedAt'),
          text('seizedBy', 50, false),
          text('seizureLocation', 500),
          text('powerStateAtSeizure', 10, false, 'UNKNOWN'),
          bool('photographedInSitu'),
          bool('networkIsolated'),
          text('companionApp', 100),
          text('cloudAccountIdentifier', 200),
          code('custodyStatus', false, 'SEIZED'),
          code('evidentialUse', false, 'UNKNOWN'),
          ...evidential(),
        ],
        indices: [
          { name: 'UQ_devices_case_exhibit', columnNames: ['caseId', 'exhibitRef'], isUnique: true },
          { name: 'IDX_devices_type_seized', columnNames: ['deviceType', 'seizedAt'] },
          { name: 'IDX_devices_seized', columnNames: ['seizedAt'] },
          { name: 'IDX_devices_custody_status', columnNames: ['custodyStatus'] },
        ],
        foreignKeys: [
          {
            columnNames: ['caseId'],
            referencedTableName: 'cases',
            referencedColumnNames: ['id'],
            onDelete: 'RESTRICT',
          },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'custody_events',
        columns: [
          id(),
          ref('deviceId'),
          instant('at'),
          text('fromHolder', 100),
          text('toHolder', 100, false),
          code('toStatus', false),
          text('purpose', 200),
          text('sealNumber', 50),
          bool('sealIntact'),
          text('recordedBy', 50, false),
          instant('createdAt'),
          ref('createdBy'),
        ],
        indices: [{ name: 'IDX_custody_events_device_at', columnNames: ['deviceId', 'at'] }],
        foreignKeys: [
          {
            columnNames: ['deviceId'],
            referencedTableName: 'devices',
            referencedColumnNames: ['id'],
            onDelete: 'RESTRICT',
          },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'examinations',
        columns: [
          id(),
          ref('deviceId'),
          instant('requestedAt'),
          text('status', 20, false, 'REQUESTED'),
          instant('startedAt', true),
          instant('completedAt', true),
          instant('cancelledAt', true),
          code('scopeStatus'),
          text('scopeOverrideReason', 500),
          code('codeCompliance', false, 'NOT_ASSESSED'),
          bool('dataRecovered'),
          { name: 'methods', type: 'text', isNullable: true },
          { name: 'findingsSummary', type: 'text', isNullable: true },
          ...evidential(),
        ],
        indices: [
          { name: 'IDX_examinations_device', columnNames: ['deviceId'] },
          { name: 'IDX_examinations_started', columnNames: ['startedAt'] },
          { name: 'IDX_examinations_status', columnNames: ['status'] },
        ],
        foreignKeys: [
          {
            columnNames: ['deviceId'],
            referencedTableName: 'devices',
            referencedColumnNames: ['id'],
            onDelete: 'RESTRICT',
          },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'scope_entries',
        columns: [
          id(),
          code('deviceType', false),
          text('activity', 100),
          text('standard', 50, false, 'ISO/IEC 17025:2017'),
          text('accreditationBody', 50, false, 'UKAS'),
          text('scheduleReference', 50),
          text('fsaCode', 20),
          text('scopeType', 10, false, 'FIXED'),
          code('status', false),
          text('effectiveFrom', 10, false),
          text('notes', 1000),
          ...evidential(),
        ],
        indices: [{ name: 'IDX_scope_entries_type_from', columnNames: ['deviceType', 'effectiveFrom'] }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'scope_entries',
      'examinations',
      'custody_events',
      'devices',
      'cases',
      'audit_events',
      'reference_codes',
      'api_tokens',
      'users',
    ]) {
      await queryRunner.dropTable(table);
    }
  }
}
