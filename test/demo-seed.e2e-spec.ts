import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { AuditService } from '../src/audit/audit.service.js';
import { progressedToCourt } from '../src/cases/progressed-to-court.js';
import { CliError } from '../src/cli/cli-error.js';
import { DemoSeedCommand } from '../src/cli/demo-seed.command.js';
import { ENTITIES } from '../src/app-entities.js';
import { buildDataSourceOptions } from '../src/database/data-source-options.js';
import { seedDemoRegister } from '../src/demo/demo-seeder.js';

const TABLES = ['scope_entries', 'cases', 'devices', 'custody_events', 'examinations'];
const NOW = new Date('2026-06-30T12:00:00Z');

describe('demo:seed', () => {
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'demo-seed-'));
  });

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  async function seeded(name: string, seed: number) {
    const dataSource = new DataSource(buildDataSourceOptions({ path: join(dir, `${name}.sqlite`) }, ENTITIES));
    await dataSource.initialize();
    try {
      const result = await seedDemoRegister(dataSource, new AuditService(), {
        devices: 400,
        seed,
        now: NOW,
        timeZone: 'Europe/London',
      });
      const hash = createHash('sha256');
      for (const table of TABLES) {
        hash.update(JSON.stringify(await dataSource.query(`SELECT * FROM "${table}" ORDER BY "id"`)));
      }
      const cases = (await dataSource.query('SELECT * FROM "cases"')) as Record<string, unknown>[];
      const audit = (await dataSource.query('SELECT "action" FROM "audit_events"')) as { action: string }[];
      return { result, digest: hash.digest('hex'), cases, audit };
    } finally {
      await dataSource.destroy();
    }
  }

  it('writes the same register for the same seed and another for another seed', async () => {
    const first = await seeded('a', 42);
    const again = await seeded('b', 42);
    const other = await seeded('c', 43);

    expect(first.result.devices).toBe(400);
    expect(first.result.cases).toBeGreaterThan(60);
    expect(again.result.rows).toEqual(first.result.rows);
    expect(again.digest).toBe(first.digest);
    expect(other.digest).not.toBe(first.digest);
    expect(first.audit).toEqual([{ action: 'demo.seed' }]);
  });

  it('derives progressedToCourt by the cases rule and mixes crimes and incidents', async () => {
    const { cases } = await seeded('d', 7);

    for (const c of cases) {
      expect(Boolean(c.progressedToCourt)).toBe(
        progressedToCourt(c.policeOutcome as string | null, c.courtStage as string | null),
      );
    }
    const kinds = new Set(cases.map((c) => c.kind));
    expect(kinds).toEqual(new Set(['CRIME', 'INCIDENT']));
    expect(cases.some((c) => c.offenceSubgroup === 'DRUG_TRAFFICKING')).toBe(true);
  });

  it('refuses to seed the main register unless forced', async () => {
    const main = join(dir, 'register.sqlite');
    const command = new DemoSeedCommand(
      new AuditService(),
      { path: main, url: undefined },
      { port: 0, host: 'localhost', timeZone: 'Europe/London', logLevel: 'error' },
    );

    await expect(command.run([], { database: main, devices: 5 })).rejects.toThrow(CliError);
  });
});
