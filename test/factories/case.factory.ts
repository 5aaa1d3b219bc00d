import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditEvent } from '../../src/audit/audit-event.entity.js';
import { CreateCaseDto } from '../../src/cases/dto/create-case.dto.js';
import { CASE_EXAMPLE } from '../../src/common/openapi/examples.js';

// A plain object (not a class instance) with the create DTO's fields.
export type CaseBody = { [K in keyof CreateCaseDto]: CreateCaseDto[K] };

export const uniqueCaseReference = (): string => `CR/${randomUUID().slice(0, 8).toUpperCase()}/25`;

// A valid crime: drug trafficking (sub-group given; the group is derived), no outcome yet.
// The /docs example (CASE_EXAMPLE) with a fresh reference.
export function caseDto(overrides: Partial<CaseBody> = {}): CaseBody {
  return {
    ...CASE_EXAMPLE,
    reference: uniqueCaseReference(),
    ...overrides,
  };
}

// A valid non-crime incident: a missing person.
export function incidentCaseDto(overrides: Partial<CaseBody> = {}): CaseBody {
  return {
    reference: uniqueCaseReference(),
    kind: 'INCIDENT',
    incidentCategory: 'MISSING_PERSON',
    ...overrides,
  };
}

// Row counts of the given tables, to assert that a rejected request wrote nothing.
export async function countRows(
  dataSource: { query: (sql: string) => Promise<{ n: number | string }[]> },
  tables: string[],
): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of tables) {
    counts[table] = Number((await dataSource.query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);
  }
  return counts;
}

// A record's audit events in order (portable: no dialect SQL, so the suite runs on PostgreSQL too).
export async function auditEventsOf(dataSource: DataSource, entityId: string): Promise<AuditEvent[]> {
  return dataSource.getRepository(AuditEvent).find({ where: { entityId }, order: { seq: 'ASC' } });
}
