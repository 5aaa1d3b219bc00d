import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AppModule } from '../src/app.module.js';
import { configureApp, FASTIFY_OPTIONS } from '../src/app-setup.js';
import { Role } from '../src/auth/role.enum.js';
import { UsersService } from '../src/auth/users.service.js';
import { appConfig } from '../src/config/app.config.js';
import { databaseConfig } from '../src/config/database.config.js';
import { securityConfig } from '../src/security/security.config.js';
import { REQUEST_LOGGER } from '../src/security/request-logging.js';
import type { Logger } from 'pino';
import { createPgTestDatabase } from './pg-test-database.js';

export interface TestApp {
  app: NestFastifyApplication;
  dataSource: DataSource;
  /** A bearer token per role (each a separate user). */
  tokens: Record<Role, string>;
  userIds: Record<Role, string>;
  /** supertest agent on the in-process server. */
  http: () => ReturnType<typeof request>;
  /** Authorization header value for a role. */
  auth: (role: Role) => string;
  /** Raw SQL for assertions on either database: `?` placeholders (become $1, $2 … on PostgreSQL);
   * quote camelCase columns ("actorId"). */
  query: <T = Record<string, unknown>>(sql: string, params?: unknown[]) => Promise<T[]>;
  close: () => Promise<void>;
}

// Boots the real AppModule on a fresh temporary SQLite file with the real migrations; or, when
// TEST_DATABASE_URL is set, on a fresh PostgreSQL database created on that server (dropped in close()).
// Request logs are silent (TEST_LOG_LEVEL=info shows them); the failed-authentication limit is high
// unless a test sets it.
export async function createTestApp(
  options: {
    databaseUrl?: string;
    authFailuresPerMinute?: number;
    /** Other security settings (token lifetimes …) as securityConfig() names them. */
    security?: Partial<ReturnType<typeof securityConfig>>;
    /** A pino logger to receive the request and security log lines (e.g. writing to an array). */
    logger?: Logger;
  } = {},
): Promise<TestApp> {
  const dir = mkdtempSync(join(tmpdir(), 'register-test-'));
  const adminUrl = options.databaseUrl ?? process.env.TEST_DATABASE_URL;
  const pgDatabase = adminUrl ? await createPgTestDatabase(adminUrl) : undefined;
  const databaseUrl = pgDatabase?.url;
  const builder = Test.createTestingModule({ imports: [AppModule] })
    .overrideProvider(databaseConfig.KEY)
    .useValue({ path: join(dir, 'register.sqlite'), url: databaseUrl || undefined })
    .overrideProvider(appConfig.KEY)
    .useValue({ ...appConfig(), logLevel: process.env.TEST_LOG_LEVEL ?? 'silent' })
    .overrideProvider(securityConfig.KEY)
    .useValue({
      ...securityConfig(),
      ...options.security,
      authFailuresPerWindow: options.authFailuresPerMinute ?? 100_000,
    });
  if (options.logger) builder.overrideProvider(REQUEST_LOGGER).useValue(options.logger);
  const moduleRef = await builder.compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter(FASTIFY_OPTIONS), {
    logger: ['error'],
  });
  await configureApp(app);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();

  const users = app.get(UsersService);
  const tokens = {} as Record<Role, string>;
  const userIds = {} as Record<Role, string>;
  for (const role of Object.values(Role)) {
    const created = await users.create(`Test ${role}`, role, null);
    tokens[role] = created.token;
    userIds[role] = created.user.id;
  }
  return {
    app,
    dataSource: app.get(DataSource),
    tokens,
    userIds,
    http: () => request(app.getHttpServer()),
    auth: (role: Role) => `Bearer ${tokens[role]}`,
    query: async (sql, params = []) => {
      let n = 0;
      const portable = pgDatabase ? sql.replace(/\?/g, () => `$${(n += 1)}`) : sql;
      return (await app.get(DataSource).query(portable, params)) as never;
    },
    close: async () => {
      await app.close();
      await pgDatabase?.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
