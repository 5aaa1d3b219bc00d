import { QueryFailedError } from 'typeorm';
import { NotFoundError } from './errors.js';
import { ProblemDetailsFilter } from './problem-details.filter.js';

const dbError = (message: string, code: string) =>
  new QueryFailedError('INSERT …', [], Object.assign(new Error(message), { code }));

describe('ProblemDetailsFilter.toProblem', () => {
  const filter = new ProblemDetailsFilter();

  it('maps domain errors to their status with a code-derived type', () => {
    const body = filter.toProblem(new NotFoundError('CASE_NOT_FOUND', 'No case has this id.'));

    expect(body).toMatchObject({ status: 404, type: 'urn:seizure-register:problem:case-not-found' });
  });

  it('maps unique clashes to 409 on SQLite and PostgreSQL', () => {
    expect(
      filter.toProblem(dbError('UNIQUE constraint failed: cases.reference', 'SQLITE_CONSTRAINT_UNIQUE'))
        .status,
    ).toBe(409);
    expect(filter.toProblem(dbError('duplicate key value', '23505')).status).toBe(409);
  });

  it('maps a busy SQLite lock to 503 and a PostgreSQL data exception to 400', () => {
    expect(filter.toProblem(dbError('database is locked', 'SQLITE_BUSY')).status).toBe(503);
    expect(filter.toProblem(dbError('invalid byte sequence', '22021')).status).toBe(400);
  });

  it('hides anything else behind a generic 500 without SQL', () => {
    const body = filter.toProblem(dbError('no such column: secret', 'SQLITE_ERROR'));

    expect(body.status).toBe(500);
    expect(JSON.stringify(body)).not.toMatch(/secret|INSERT/);
  });
});
