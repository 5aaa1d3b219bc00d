import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Role } from '../src/auth/role.enum.js';
import type { Release } from '../src/common/work-limiter.js';
import { WorkLimiter } from '../src/common/work-limiter.js';
import { DeviceImportService, YIELD_ROWS } from '../src/imports/device-import.service.js';
import { ImportPass } from '../src/imports/import-pass.js';
import { RowChecker } from '../src/imports/row-check.js';
import { createTestApp, TestApp } from './create-test-app.js';
import { csvBuffer, deviceRow } from './factories/device-sheet.factory.js';

// Issue 14 part 3: the server stays up and responsive. Imports, exports and FOI reports share a limit
// of expensive work (429 with Retry-After past it); /health and ordinary requests answer while an import
// is in progress; stale upload folders are swept at start-up. Ordered by promises, never by the clock.
describe('expensive work under a limit, the server responsive', () => {
  let t: TestApp;
  const deadPid = spawnSync(process.execPath, ['-e', '']).pid!;
  const stale = join(tmpdir(), `register-import-${deadPid}-stale`);
  const live = join(tmpdir(), `register-import-${process.ppid}-live`);

  const upload = (file: Buffer) =>
    t
      .http()
      .post('/api/imports/devices')
      .set('Authorization', t.auth(Role.ExhibitsOfficer))
      .attach('file', file, 'devices.csv');

  beforeAll(async () => {
    for (const dir of [stale, live]) {
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'upload'), 'left behind');
    }
    t = await createTestApp();
  });

  afterAll(async () => {
    rmSync(live, { recursive: true, force: true });
    await t.close();
  });

  it('swept the upload folder of a process that ended, and kept one of a live process', () => {
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(live)).toBe(true);
  });

  it('answers 429 with Retry-After to imports, exports and FOI reports when the limit and queue are full', async () => {
    const limiter = t.app.get(WorkLimiter);
    const { concurrency, queue, retryAfterSeconds } = limiter.limits;
    const held: Release[] = [];
    for (let i = 0; i < concurrency; i += 1) held.push(await limiter.acquire());
    const waiting = Array.from({ length: queue }, () => limiter.acquire());
    expect(limiter.queued).toBe(queue);

    const file = csvBuffer([deviceRow({ 'Case reference': 'CR/BUSY/25', 'Exhibit reference': 'BU/1' })]);
    const refusals = [
      await t
        .http()
        .get('/api/foi/report?deviceType=SMART_PLUG&period=last-12-months')
        .set('Authorization', t.auth(Role.Foi)),
      await upload(file),
      await t.http().get('/api/devices.csv').set('Authorization', t.auth(Role.Admin)),
      await t.http().get('/api/devices.xlsx').set('Authorization', t.auth(Role.Admin)),
    ];
    for (const res of refusals) {
      expect(res.status, res.text).toBe(429);
      expect(res.headers['retry-after']).toBe(String(retryAfterSeconds));
      expect(res.body).toMatchObject({ status: 429, code: 'BUSY' });
    }
    // Ordinary requests and /health are not limited.
    await t.http().get('/health').expect(200);
    await t.http().get('/api/devices').set('Authorization', t.auth(Role.Admin)).expect(200);
    expect(await t.query('SELECT id FROM devices')).toHaveLength(0);

    for (const release of held) release();
    for (const next of waiting) (await next)(); // each waiting one gets a slot in turn
    expect(limiter.running).toBe(0);
    const ok = await upload(file);
    expect(ok.status, ok.text).toBe(201);
    await t.http().get('/api/devices.csv').set('Authorization', t.auth(Role.Admin)).expect(200);
    expect(limiter.running).toBe(0);
  });

  // Holds the import inside its first batch until the test has had its answers.
  async function whileImporting(query: string, during: () => Promise<void>) {
    const limiter = t.app.get(WorkLimiter);
    const { flush } = ImportPass.prototype as { flush: (this: ImportPass) => Promise<void> };
    let entered!: () => void;
    const inside = new Promise<void>((resolve) => (entered = resolve));
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    let first = true;
    const spy = vi.spyOn(ImportPass.prototype, 'flush').mockImplementation(async function (this: ImportPass) {
      if (first) {
        first = false;
        entered();
        await gate;
      }
      return flush.call(this);
    });
    try {
      const rows = Array.from({ length: 50 }, (_, i) =>
        deviceRow({ 'Case reference': 'CR/LIVE/25', 'Exhibit reference': `LV/${i + 1}` }),
      );
      const pending = t
        .http()
        .post(`/api/imports/devices${query}`)
        .set('Authorization', t.auth(Role.ExhibitsOfficer))
        .attach('file', csvBuffer(rows), 'devices.csv')
        .then((res) => res);
      await inside;
      expect(limiter.running).toBe(1);
      try {
        await during();
      } finally {
        open();
      }
      return await pending;
    } finally {
      spy.mockRestore();
    }
  }

  it('answers /health and ordinary requests while an import is checking its rows', async () => {
    const res = await whileImporting('?dryRun=true', async () => {
      await t.http().get('/health').expect(200);
      await t.http().get('/api/cases').set('Authorization', t.auth(Role.Admin)).expect(200);
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ devicesCreated: 0, wouldCreate: { devices: 50 } });
  });

  it('answers /health while an import is writing', async () => {
    const res = await whileImporting('', async () => {
      const health = await t.http().get('/health').expect(200);
      expect(health.body.status).toBe('ok');
    });
    expect(res.status, res.text).toBe(201);
    expect(res.body.devicesCreated).toBe(50);
  });

  it(`gives the event loop a turn at least every ${YIELD_ROWS} rows while checking a file`, async () => {
    const rows = Array.from({ length: 5000 }, (_, i) =>
      deviceRow({ 'Case reference': 'CR/TURNS/25', 'Exhibit reference': `TU/${i + 1}` }),
    );
    const dir = mkdtempSync(join(tmpdir(), 'turns-'));
    const path = join(dir, 'devices.csv');
    writeFileSync(path, csvBuffer(rows));
    // Rows parsed between two turns of the event loop, at most.
    let parsed = 0;
    const { parse } = RowChecker.prototype as {
      parse: (this: RowChecker, ...args: Parameters<RowChecker['parse']>) => ReturnType<RowChecker['parse']>;
    };
    const spy = vi.spyOn(RowChecker.prototype, 'parse').mockImplementation(function (
      this: RowChecker,
      ...args: Parameters<RowChecker['parse']>
    ) {
      parsed += 1;
      return parse.apply(this, args);
    });
    let atLastTurn = 0;
    let widest = 0;
    let turns = 0;
    let counting = true;
    const tick = () => {
      if (!counting) return;
      turns += 1;
      widest = Math.max(widest, parsed - atLastTurn);
      atLastTurn = parsed;
      setImmediate(tick);
    };
    setImmediate(tick);
    try {
      const result = await t.app.get(DeviceImportService).importFile(path, {
        dryRun: true,
        actor: { id: t.userIds[Role.ExhibitsOfficer], role: Role.ExhibitsOfficer },
      });
      expect(result.accepted).toBe(true);
      expect(result.wouldCreate.devices).toBe(5000);
    } finally {
      counting = false;
      spy.mockRestore();
      rmSync(dir, { recursive: true, force: true });
    }
    expect(parsed).toBe(5000);
    expect(turns).toBeGreaterThanOrEqual(5000 / YIELD_ROWS);
    expect(widest).toBeLessThanOrEqual(YIELD_ROWS);
  }, 60_000);
});
