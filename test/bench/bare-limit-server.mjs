// The same-machine limit for POST /api/devices: a bare Fastify route that validates the same body with
// class-validator (as the app's ValidationPipe does) and runs one prepared better-sqlite3 INSERT of the
// same row into the same table, with the same pragmas. No auth, no audit, no transaction wrapper, no Nest.
//
//   DATABASE_PATH=<migrated register file> PORT=<port> [DTO_MODULE=<dist/devices/dto/create-device.dto.js>]
//   node test/bench/bare-limit-server.mjs
import { randomUUID } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import 'reflect-metadata';
import Database from 'better-sqlite3';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import Fastify from 'fastify';
import { fallbackDeviceDto } from './lib/fallback-device-dto.mjs';

const dbPath = process.env.DATABASE_PATH;
if (!dbPath) throw new Error('DATABASE_PATH is required');
const port = Number(process.env.PORT ?? 3999);

let Dto = fallbackDeviceDto();
let dtoSource = 'fallback';
if (process.env.DTO_MODULE) {
  try {
    const mod = await import(pathToFileURL(process.env.DTO_MODULE).href);
    if (mod.CreateDeviceDto) {
      Dto = mod.CreateDeviceDto;
      dtoSource = process.env.DTO_MODULE;
    }
  } catch {
    // keep the fallback: the app's DTO is not built yet
  }
}

// The app's settings (src/database/data-source-options.ts, and TypeORM's foreign_keys = ON), so the ratio
// measures the app's own work and not a difference of settings: mmap_size costs an INSERT more CPU than
// reading pages into SQLite's cache does (it was left out here before 29 November 2026 22:55;
// BARE_MMAP=0 leaves it out again, to compare).
const db = new Database(dbPath, { timeout: 5000 });
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
db.pragma('cache_size = -65536');
db.pragma('temp_store = MEMORY');
if (process.env.BARE_MMAP !== '0') db.pragma('mmap_size = 2147418112');
db.pragma('foreign_keys = ON');

const COLUMNS = [
  'id',
  'caseId',
  'exhibitRef',
  'deviceType',
  'make',
  'model',
  'serialNumber',
  'macAddress',
  'firmwareVersion',
  'seizedAt',
  'seizedBy',
  'seizureLocation',
  'powerStateAtSeizure',
  'photographedInSitu',
  'networkIsolated',
  'companionApp',
  'cloudAccountIdentifier',
  'custodyStatus',
  'evidentialUse',
  'createdAt',
  'createdBy',
  'updatedAt',
  'version',
  'voidedAt',
  'voidedBy',
  'voidReason',
];
const insert = db.prepare(
  `INSERT INTO devices (${COLUMNS.map((c) => `"${c}"`).join(', ')}) VALUES (${COLUMNS.map((c) => '@' + c).join(', ')})`,
);
const actor = randomUUID();
const bool = (v) => (v === undefined || v === null ? null : v ? 1 : 0);

const app = Fastify({ logger: false, bodyLimit: 1024 * 1024 });
app.get('/health', async () => ({ status: 'ok', dto: dtoSource }));
app.post('/bare/devices', async (req, reply) => {
  const dto = plainToInstance(Dto, req.body ?? {});
  const errors = await validate(dto, {
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
  });
  if (errors.length > 0) {
    reply.code(400);
    return {
      status: 400,
      errors: errors.map((e) => ({ field: e.property, message: Object.values(e.constraints ?? {})[0] })),
    };
  }
  const now = new Date().toISOString();
  const row = {
    id: randomUUID(),
    caseId: dto.caseId,
    exhibitRef: dto.exhibitRef,
    deviceType: dto.deviceType,
    make: dto.make ?? null,
    model: dto.model ?? null,
    serialNumber: dto.serialNumber ?? null,
    macAddress: dto.macAddress ? dto.macAddress.toUpperCase().replace(/-/g, ':') : null,
    firmwareVersion: dto.firmwareVersion ?? null,
    seizedAt: new Date(dto.seizedAt).toISOString(),
    seizedBy: dto.seizedBy,
    seizureLocation: dto.seizureLocation ?? null,
    powerStateAtSeizure: dto.powerStateAtSeizure ?? 'UNKNOWN',
    photographedInSitu: bool(dto.photographedInSitu),
    networkIsolated: bool(dto.networkIsolated),
    companionApp: dto.companionApp ?? null,
    cloudAccountIdentifier: dto.cloudAccountIdentifier ?? null,
    custodyStatus: 'SEIZED',
    evidentialUse: dto.evidentialUse ?? 'UNKNOWN',
    createdAt: now,
    createdBy: actor,
    updatedAt: now,
    version: 1,
    voidedAt: null,
    voidedBy: null,
    voidReason: null,
  };
  try {
    insert.run(row);
  } catch (error) {
    reply.code(409);
    return { status: 409, detail: String(error.message) };
  }
  reply.code(201);
  return row;
});

await app.listen({ port, host: '127.0.0.1' });
process.on('SIGTERM', () => {
  void app.close().then(() => {
    db.close();
    process.exit(0);
  });
});
