import { existsSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { Inject } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { DateTime } from 'luxon';
import { Command, CommandRunner, Option } from 'nest-commander';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { appConfig } from '../config/app.config.js';
import { databaseConfig, DEFAULT_DATABASE_PATH } from '../config/database.config.js';
import { ENTITIES } from '../app-entities.js';
import { buildDataSourceOptions } from '../database/data-source-options.js';
import { seedDemoRegister } from '../demo/demo-seeder.js';
import { CliError } from './cli-error.js';

export const DEFAULT_DEMO_PATH = 'data/demo.sqlite';

interface DemoSeedOptions {
  devices?: number;
  seed?: number;
  database?: string;
  now?: string;
  force?: boolean;
  reset?: boolean;
}

// Fills a SEPARATE SQLite database with a generated register (never the main one unless --force).
@Command({
  name: 'demo:seed',
  description: 'Fill a separate demo database with a realistic generated register',
})
export class DemoSeedCommand extends CommandRunner {
  constructor(
    private readonly audit: AuditService,
    @Inject(databaseConfig.KEY) private readonly database: ConfigType<typeof databaseConfig>,
    @Inject(appConfig.KEY) private readonly app: ConfigType<typeof appConfig>,
  ) {
    super();
  }

  async run(_params: string[], options: DemoSeedOptions): Promise<void> {
    const path = options.database ?? DEFAULT_DEMO_PATH;
    const devices = options.devices ?? 20_000;
    const now = options.now ? DateTime.fromISO(options.now, { zone: this.app.timeZone }) : DateTime.now();
    if (!now.isValid) throw new CliError('--now must be a date (YYYY-MM-DD) or an ISO instant');
    const mainPaths = [this.database.path, DEFAULT_DATABASE_PATH].map((p) => resolve(p));
    if (mainPaths.includes(resolve(path)) && !options.force) {
      throw new CliError(
        `${path} is the main register; give another --database (or --force to really seed it)`,
      );
    }
    if (options.reset) for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
    const fresh = !existsSync(path);
    const dataSource = new DataSource(buildDataSourceOptions({ path }, ENTITIES));
    await dataSource.initialize();
    try {
      process.stderr.write(`Seeding ${devices} devices into ${path}${fresh ? ' (new file)' : ''} …\n`);
      const result = await seedDemoRegister(dataSource, this.audit, {
        devices,
        seed: options.seed ?? 1,
        now: now.toJSDate(),
        timeZone: this.app.timeZone,
        onProgress: (n) => process.stderr.write(`\r  ${n} devices`),
      });
      const perSecond = Math.round(result.totalRows / result.seconds);
      process.stderr.write('\n');
      process.stdout.write(
        `Seeded ${path}: ${result.cases} cases, ${result.devices} devices, ` +
          `${result.rows.custody_events ?? 0} custody events, ${result.rows.examinations ?? 0} examinations ` +
          `(${result.totalRows} rows in ${result.seconds.toFixed(1)} s, ${perSecond} rows/s).\n` +
          `Serve it: npm run demo. A token: DATABASE_PATH=${path} npm run cli -- user:create --name "FOI team" --role foi\n`,
      );
    } catch (error) {
      if (error instanceof Error && /already holds cases/.test(error.message)) {
        throw new CliError(`${error.message} Use --reset to start the demo database again.`);
      }
      throw error;
    } finally {
      await dataSource.destroy();
    }
  }

  @Option({ flags: '-n, --devices <n>', description: 'devices to generate (default 20000)' })
  parseDevices(value: string): number {
    return positiveInteger('--devices', value);
  }

  @Option({ flags: '-s, --seed <s>', description: 'random seed (default 1): same seed, same register' })
  parseSeed(value: string): number {
    return positiveInteger('--seed', value);
  }

  @Option({ flags: '-d, --database <path>', description: `SQLite file (default ${DEFAULT_DEMO_PATH})` })
  parseDatabase(value: string): string {
    return value;
  }

  @Option({ flags: '--now <date>', description: 'the generated register ends at this date (default now)' })
  parseNow(value: string): string {
    return value;
  }

  @Option({ flags: '--reset', description: 'delete the demo database file first' })
  parseReset(): boolean {
    return true;
  }

  @Option({ flags: '--force', description: 'allow seeding the main register path' })
  parseForce(): boolean {
    return true;
  }
}

function positiveInteger(flag: string, value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < 1) {
    throw new CliError(`${flag} must be a whole number of at least 1`);
  }
  return n;
}
