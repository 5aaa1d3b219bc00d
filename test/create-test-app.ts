import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
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
import { CONTRACT_ENFORCED, CONTRACT_NOT_YET } from './contract/enforced.js';
import { ResponseContract } from './contract/response-contract.js';
import { REQUEST_LOGGER } from '../src/security/request-logging.js';
import type { Logger } from 'pino';
import { createPgTestDatabase } from './pg-test-database.js';

export interface TestApp {
  app: NestFastifyApplication;
  dataSource: DataSource;
  /** A bearer token per role (each a separate user). */
  tokens: Record<Role, string>;
  userIds: Record<Role, string>;
  /** supertest agent on the in-process server; every answer is checked against /docs-json (test/contract/). */
  http: () => ReturnType<typeof request>;
  /** The published contract (/docs-json) as served by this app. */
  openApi: Record<string, unknown>;
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
  await loadSwaggerMetadata();
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const openApi = (await app.getHttpAdapter().getInstance().inject({ url: '/docs-json' })).json<
    Record<string, unknown>
  >();
  const contract = new ResponseContract(openApi, CONTRACT_ENFORCED, CONTRACT_NOT_YET);

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
    http: () => heldToContract(request(app.getHttpServer()), contract),
    openApi,
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

// What the @nestjs/swagger build plugin adds (test/contract/swagger-metadata.global-setup.ts wrote it).
async function loadSwaggerMetadata(): Promise<void> {
  const file = './.generated/swagger-metadata.js';
  const metadata = (await import(/* @vite-ignore */ file).catch((error: unknown) => {
    throw new Error(
      `test/.generated/swagger-metadata.ts is missing: run the e2e tests with vitest.config.e2e.ts (${String(error)})`,
    );
  })) as { default: () => Promise<Record<string, any>> };
  await SwaggerModule.loadPluginMetadata(metadata.default);
}

const HTTP_METHODS = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options'];

// Every request made through http() gets one more assertion: its answer conforms to the contract.
function heldToContract<T extends object>(agent: T, contract: ResponseContract): T {
  return new Proxy(agent, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof property !== 'string' || !HTTP_METHODS.includes(property) || typeof value !== 'function')
        return value;
      return (...args: unknown[]) => {
        const test = (value as (...a: unknown[]) => request.Test).apply(target, args);
        return test.expect((res) => {
          if (process.env.CONTRACT_DEBUG)
            console.log('CHECK', property, (test as unknown as { url: string }).url, res.status);
          const problems = contract.check({
            method: property,
            url: (test as unknown as { url: string }).url,
            status: res.status,
            headers: res.headers as Record<string, string>,
            body: res.body,
            text: (res as unknown as { text?: string }).text,
          });
          if (problems.length > 0) {
            throw new Error(
              `The answer breaks the API contract (/docs-json; README "The API contract"):\n${problems.join('\n')}`,
            );
          }
        });
      };
    },
  });
}
