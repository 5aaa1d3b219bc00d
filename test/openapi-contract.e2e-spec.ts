import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Role } from '../src/auth/role.enum.js';
import { createTestApp, TestApp } from './create-test-app.js';
import { ResponseContract } from './contract/response-contract.js';

const run = promisify(execFile);

interface Operation {
  summary?: string;
  description?: string;
  operationId?: string;
  security?: Record<string, string[]>[];
  'x-roles'?: string[];
  responses: Record<string, { content?: Record<string, unknown>; headers?: Record<string, unknown> }>;
}

// The published contract (/docs-json) passes Redocly's recommended rules (redocly.yaml) with no error
// and no warning, and every operation says who may call it and what it answers.
describe('The API contract (/docs-json)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('lints clean with Redocly CLI (recommended rules): 0 errors, 0 warnings', async () => {
    const served = await t.http().get('/docs-json').expect(200);
    // Where .redocly.lint-ignore.yaml expects it (and .ci/run's lint of the built server leaves it).
    mkdirSync('test/.generated', { recursive: true });
    const file = join('test', '.generated', 'openapi.json');
    writeFileSync(file, JSON.stringify(served.body, null, 2));
    const result = await run(
      'node_modules/.bin/redocly',
      ['lint', file, '--config', 'redocly.yaml', '--format', 'json'],
      {
        env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
        maxBuffer: 32 * 1024 * 1024,
      },
    ).catch((error: { stdout?: string; stderr?: string }) => ({
      stdout: error.stdout ?? '',
      stderr: error.stderr ?? '',
    }));
    const report = JSON.parse(result.stdout) as {
      totals: { errors: number; warnings: number };
      problems: { ruleId: string; message: string; location: { pointer: string }[] }[];
    };
    const problems = report.problems.map((p) => `${p.ruleId}: ${p.message} at ${p.location[0]?.pointer}`);
    expect(problems).toEqual([]);
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
  });

  it('names on every operation its summary, an operationId, who may call it, and its error answers', () => {
    const paths = t.openApi.paths as Record<string, Record<string, Operation>>;
    const operations = Object.entries(paths).flatMap(([path, item]) =>
      Object.entries(item).map(([method, operation]) => ({ path, method, operation })),
    );
    expect(operations.length).toBeGreaterThan(40);
    for (const { path, method, operation } of operations) {
      const where = `${method.toUpperCase()} ${path}`;
      expect(operation.summary, where).toMatch(/\S/);
      expect(operation.operationId, where).toMatch(/^[A-Za-z]+_[A-Za-z]+$/);
      const statuses = Object.keys(operation.responses);
      expect(
        statuses.some((status) => status.startsWith('2')),
        where,
      ).toBe(true);
      if (operation.security?.length === 0) {
        expect(operation.description, where).toContain('No token needed.');
        continue;
      }
      expect(operation.security, where).toEqual([{ bearer: [] }]);
      expect(operation['x-roles'], where).toContain('admin');
      expect(operation.description, where).toContain(
        `Roles allowed: ${operation['x-roles']!.map((r) => `\`${r}\``).join(', ')}.`,
      );
      expect(statuses, where).toEqual(expect.arrayContaining(['401', '429']));
      for (const status of statuses.filter((code) => Number(code) >= 400)) {
        expect(
          operation.responses[status].content?.['application/problem+json'],
          `${where} ${status}`,
        ).toBeDefined();
      }
    }
    const health = paths['/health'].get;
    expect(health.security).toEqual([]);
    expect(Object.keys(health.responses)).toEqual(['200', '500', '503']);
  });

  // The check every e2e answer goes through (createTestApp's http()) is not vacuous.
  it('the answer check fails on an undocumented status, an undocumented field, a missing header or route', () => {
    const contract = new ResponseContract(t.openApi, 'all');
    const json = { 'content-type': 'application/json; charset=utf-8' };
    const page = { items: [], total: 0, limit: 50, offset: 0 };
    const answer = (
      status: number,
      body: unknown,
      headers: Record<string, string> = json,
      url = '/api/cases',
    ) => ({
      method: 'GET',
      url,
      status,
      headers,
      body,
      text: JSON.stringify(body),
    });
    expect(contract.check(answer(200, page))).toEqual([]);
    expect(contract.check(answer(418, page))[0]).toContain(
      'status 418 is not documented for CasesController_list',
    );
    expect(contract.check(answer(200, { ...page, extra: 1 }))[0]).toContain(
      'must NOT have additional properties (extra)',
    );
    expect(contract.check(answer(200, { ...page, total: 'many' }))[0]).toContain('/total must be number');
    expect(contract.check(answer(200, page, { 'content-type': 'text/html' }))[0]).toContain(
      'answers text/html',
    );
    const problem = { type: 'about:blank', title: 'Too Many Requests', status: 429, detail: 'Wait.' };
    const asProblem = { 'content-type': 'application/problem+json' };
    expect(contract.check(answer(429, problem, asProblem))[0]).toContain('the contract promises retry-after');
    expect(contract.check(answer(429, problem, { ...asProblem, 'retry-after': '60' }))).toEqual([]);
    expect(contract.check(answer(200, page, { ...json, etag: '"1"' }))[0]).toContain('sends etag');
    expect(contract.check(answer(200, {}, json, '/api/not-a-route'))[0]).toContain(
      'no operation in the contract',
    );
  });

  // README "A typed client": types generated from the contract, a script that compiles against them and
  // works against the running register.
  it('generates types with openapi-typescript; the typed example client compiles (tsc --noEmit) and works', async () => {
    mkdirSync('test/.generated', { recursive: true });
    const spec = join('test', '.generated', 'openapi-for-client.json');
    writeFileSync(spec, JSON.stringify(t.openApi));
    await run('node_modules/.bin/openapi-typescript', [
      spec,
      '-o',
      'examples/typed-client/register-api.d.ts',
    ]);
    await run('node_modules/.bin/tsc', ['--noEmit', '-p', 'examples/typed-client']).catch(
      (error: { stdout?: string }) => expect.fail(`tsc --noEmit -p examples/typed-client:\n${error.stdout}`),
    );

    await t.app.listen(0, '127.0.0.1');
    // Not imported statically: its types exist only once generated (they are not committed).
    const example = '../examples/typed-client/register-client.js';
    const client = (await import(/* @vite-ignore */ example)) as {
      logSeizureAndAskFoi: (
        baseUrl: string,
        officerToken: string,
        foiToken: string,
        caseReference?: string,
        suppressBelow?: string,
      ) => Promise<{ caseId: string; deviceId: string; smartPlugsSeized: number | string }>;
    };
    const result = await client.logSeizureAndAskFoi(
      await t.app.getUrl(),
      t.tokens[Role.ExhibitsOfficer],
      t.tokens[Role.Foi],
      'CR/12345/25',
      '0',
    );
    expect(result.smartPlugsSeized).toBe(1);
    const device = await t
      .http()
      .get(`/api/devices/${result.deviceId}`)
      .set('Authorization', t.auth(Role.Lab))
      .expect(200);
    expect(device.body).toMatchObject({ caseId: result.caseId, macAddress: 'A4:C1:38:12:34:56' });
  }, 180_000);
});
