import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { Role } from '../src/auth/role.enum.js';
import { CliError } from '../src/cli/cli-error.js';
import { FoiRequestCommand } from '../src/cli/foi-request.command.js';
import { FoiAnswersService } from '../src/foi-requests/foi-answers.service.js';
import { FoiLogService } from '../src/foi-requests/foi-log.service.js';
import { FoiRequestsService } from '../src/foi-requests/foi-requests.service.js';
import { createTestApp, TestApp } from './create-test-app.js';
import { caseDto, countRows } from './factories/case.factory.js';
import { deviceDto } from './factories/device.factory.js';

const binary = (res: NodeJS.ReadableStream, done: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

describe('FOI request log', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  }, 120_000);

  afterAll(async () => {
    await t.close();
  });

  const post = (path: string, body: object, role: Role = Role.Foi) =>
    t.http().post(`/api/foi${path}`).set('Authorization', t.auth(role)).send(body);
  const get = (path: string, role: Role = Role.Foi) =>
    t.http().get(`/api/foi${path}`).set('Authorization', t.auth(role));
  const fieldsOf = (body: { errors?: { field: string }[] }) => (body.errors ?? []).map((e) => e.field);
  let n = 0;
  const request = (receivedOn: string, extra: object = {}) => {
    n += 1;
    return post('/requests', {
      reference: `FOI/TEST/${n}`,
      receivedOn,
      channel: 'EMAIL',
      questions: [{ text: 'How many smart plugs were seized?' }, { text: 'Which tools were used?' }],
      ...extra,
    });
  };

  describe('due dates (hand-counted working days)', () => {
    it.each([
      // Fri 19 Dec 2025: Christmas, Boxing Day, New Year and Scotland's 2 January are not working days.
      ['2025-12-19', '2026-01-22'],
      // Thu 23 Dec 2021: Christmas and Boxing Day substitutes (27, 28), New Year substitute (3 Jan) and
      // Scotland's 2 January substitute (4 Jan).
      ['2021-12-23', '2022-01-26'],
      // Sat 7 Mar 2026 (a weekend): St Patrick's Day (Northern Ireland), Good Friday, Easter Monday.
      ['2026-03-07', '2026-04-08'],
    ])('received %s is due %s', async (receivedOn, dueOn) => {
      const res = await request(receivedOn).expect(201);

      expect(res.body).toMatchObject({ dueOn, status: 'OPEN' });
      expect(res.body.id).toEqual(expect.any(String));
      expect(res.body.questions).toEqual([
        { number: 1, text: 'How many smart plugs were seized?', decision: null, exemption: null },
        { number: 2, text: 'Which tools were used?', decision: null, exemption: null },
      ]);
    });

    it('restarts the clock from a clarification', async () => {
      const { id } = (await request('2025-12-19').expect(201)).body;
      const asked = await post(`/requests/${id}/clarification-requested`, { on: '2025-12-22' }).expect(200);
      expect(asked.body).toMatchObject({ status: 'AWAITING_CLARIFICATION', dueOn: null, daysLeft: null });

      const res = await post(`/requests/${id}/clarification-received`, { on: '2026-01-05' }).expect(200);
      // Mon 5 Jan 2026: 6-9, 12-16, 19-23, 26-30 (19), 2 Feb (20).
      expect(res.body).toMatchObject({ status: 'OPEN', dueOn: '2026-02-02' });
    });

    it('pauses for a fees notice until paid', async () => {
      const { id } = (await request('2026-03-02').expect(201)).body;
      const held = await post(`/requests/${id}/fees-notice`, { on: '2026-03-06' }).expect(200);
      expect(held.body).toMatchObject({ status: 'ON_HOLD_FEES', dueOn: null });
      const paid = await post(`/requests/${id}/fees-paid`, { on: '2026-03-16' }).expect(200);
      expect(paid.body).toMatchObject({ status: 'OPEN', dueOn: '2026-04-13' });
    });

    it('extends by up to 20 working days for the public interest test, no more', async () => {
      const { id, dueOn } = (await request('2026-03-02').expect(201)).body;
      expect(dueOn).toBe('2026-03-31');
      const tooFar = await post(`/requests/${id}/extension`, {
        until: '2026-05-01',
        exemption: 's.31(1)(a)',
      });
      expect(tooFar.status).toBe(422);
      expect(fieldsOf(tooFar.body)).toEqual(['until']);
      const res = await post(`/requests/${id}/extension`, {
        until: '2026-04-30',
        exemption: 's.31(1)(a)',
      }).expect(200);
      expect(res.body).toMatchObject({
        dueOn: '2026-04-30',
        statutoryDueOn: '2026-03-31',
        extendedUntil: '2026-04-30',
      });
    });
  });

  describe('bad input: 4xx naming the field, nothing written', () => {
    it.each([
      [
        { reference: '', receivedOn: '2026-01-05', channel: 'EMAIL', questions: [{ text: 'q' }] },
        400,
        'reference',
      ],
      [
        { reference: 'FOI/X/1', receivedOn: '2026-02-30', channel: 'EMAIL', questions: [{ text: 'q' }] },
        400,
        'receivedOn',
      ],
      [
        { reference: 'FOI/X/1', receivedOn: '2026-01-05', channel: 'PIGEON', questions: [{ text: 'q' }] },
        400,
        'channel',
      ],
      [{ reference: 'FOI/X/1', receivedOn: '2026-01-05', channel: 'EMAIL', questions: [] }, 400, 'questions'],
      [
        { reference: 'FOI/X/1', receivedOn: '2019-01-05', channel: 'EMAIL', questions: [{ text: 'q' }] },
        400,
        'receivedOn',
      ],
      [
        {
          reference: 'FOI/X/1',
          receivedOn: '2026-01-05',
          channel: 'EMAIL',
          questions: [{ text: 'q' }],
          requesterName: 'A Person',
        },
        400,
        'requesterName',
      ],
    ])('%j → %i naming %s', async (body, status, field) => {
      const before = await countRows(t.dataSource, ['foi_requests', 'foi_request_questions']);
      const res = await post('/requests', body);
      expect(res.status).toBe(status);
      expect(fieldsOf(res.body).join(' ')).toContain(field);
      expect(await countRows(t.dataSource, ['foi_requests', 'foi_request_questions'])).toEqual(before);
    });

    it('refuses a reference already used (ignoring case) with 409 naming it', async () => {
      await post('/requests', {
        reference: 'FOI/DUP/1',
        receivedOn: '2026-01-05',
        channel: 'POST',
        questions: [{ text: 'q' }],
      }).expect(201);
      const res = await post('/requests', {
        reference: 'foi/dup/1',
        receivedOn: '2026-01-05',
        channel: 'POST',
        questions: [{ text: 'q' }],
      });
      expect(res.status).toBe(409);
      expect(fieldsOf(res.body)).toEqual(['reference']);
    });

    it('refuses a clarification nobody asked for (422 naming on)', async () => {
      const { id } = (await request('2026-01-05').expect(201)).body;
      const res = await post(`/requests/${id}/clarification-received`, { on: '2026-01-07' });
      expect(res.status).toBe(422);
      expect(fieldsOf(res.body)).toEqual(['on']);
    });

    it('lets only the foi and admin roles in', async () => {
      for (const role of [Role.ExhibitsOfficer, Role.Lab]) {
        await get('/requests', role).expect(403);
        await request('2026-01-05').set('Authorization', t.auth(role)).expect(403);
        await get('/statistics?year=2026', role).expect(403);
      }
      await get('/requests', Role.Admin).expect(200);
    });
  });

  describe('issuing, the released answer, recheck and void', () => {
    let id: string;
    let caseId: string;
    const parameters = {
      period: 'calendar-year',
      year: '2025',
      deviceFamily: 'SMART_PLUG',
      suppressBelow: '0',
    };

    beforeAll(async () => {
      const officer = (path: string, body: object) =>
        t.http().post(path).set('Authorization', t.auth(Role.ExhibitsOfficer)).send(body).expect(201);
      caseId = (await officer('/api/cases', caseDto())).body.id;
      await officer('/api/devices', deviceDto(caseId, { seizedAt: '2025-03-01T10:00:00Z' }));
      await officer(
        '/api/devices',
        deviceDto(caseId, { deviceType: 'SMART_PLUG_ENERGY', seizedAt: '2025-06-01T10:00:00Z' }),
      );
      id = (
        await post('/requests', {
          reference: 'FOI/2026/0412',
          receivedOn: '2026-01-05',
          channel: 'WEB_FORM',
          requesterType: 'MEDIA',
          questions: [
            { text: 'How many smart plugs were seized in 2025?' },
            { text: 'Which tools were used?' },
          ],
        }).expect(201)
      ).body.id;
    });

    it('names the bad decision or parameter (400) and stores nothing', async () => {
      const missing = await post(`/requests/${id}/issue`, {
        respondedOn: '2026-01-20',
        parameters,
        decisions: [{ number: 1, decision: 'DISCLOSED' }],
      });
      expect(missing.status).toBe(400);
      expect(fieldsOf(missing.body)).toContain('decisions');
      const noExemption = await post(`/requests/${id}/issue`, {
        respondedOn: '2026-01-20',
        parameters: { ...parameters, deviceType: 'TOASTER' },
        decisions: [
          { number: 1, decision: 'DISCLOSED' },
          { number: 2, decision: 'WITHHELD' },
        ],
      });
      expect(noExemption.status).toBe(400);
      expect(fieldsOf(noExemption.body)).toEqual(expect.arrayContaining(['decisions.1.exemption']));
      expect(await countRows(t.dataSource, ['foi_answers'])).toEqual({ foi_answers: 0 });
    });

    it('stores the answer as released and returns exactly what was sent', async () => {
      const issued = await post(`/requests/${id}/issue`, {
        respondedOn: '2026-01-20',
        parameters,
        decisions: [
          { number: 1, decision: 'DISCLOSED' },
          { number: 2, decision: 'WITHHELD', exemption: 's.30(1)(a)(b)' },
        ],
      }).expect(200);
      expect(issued.body).toMatchObject({ status: 'ANSWERED', answer: { respondedOn: '2026-01-20' } });
      expect(issued.body.questions.map((q: { decision: string }) => q.decision)).toEqual([
        'DISCLOSED',
        'WITHHELD',
      ]);

      const json = (await get(`/requests/${id}/answer`).expect(200)).body;
      expect(json.report.q1.total).toBe(2);
      expect(json.report.meta.response).toMatchObject({
        requestReference: 'FOI/2026/0412',
        receivedOn: '2026-01-05',
        respondedOn: '2026-01-20',
      });
      const file = await get(`/requests/${id}/answer.xlsx`).buffer(true).parse(binary).expect(200);
      const bytes = file.body as Buffer;
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(json.workbookSha256);
      const again = await get(`/requests/${id}/answer.xlsx`).buffer(true).parse(binary).expect(200);
      expect((again.body as Buffer).equals(bytes)).toBe(true);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
      const cover = workbook.getWorksheet('Response')!;
      const text: string[] = [];
      cover.eachRow((row) => row.eachCell((cell) => text.push(String(cell.text))));
      expect(text.join('\n')).toContain('FOI/2026/0412');
      expect(text.join('\n')).toContain('seized 2 smart plugs between 1 January 2025 and 31 December 2025');

      const again409 = await post(`/requests/${id}/issue`, {
        respondedOn: '2026-01-21',
        parameters,
        decisions: [
          { number: 1, decision: 'DISCLOSED' },
          { number: 2, decision: 'NOT_HELD' },
        ],
      });
      expect(again409.status).toBe(409);
    });

    it("rechecks on today's data: the same fingerprint, then the figure that moved", async () => {
      expect((await get(`/requests/${id}/recheck`).expect(200)).body).toMatchObject({
        fingerprintMatches: true,
        changes: [],
      });
      await t
        .http()
        .post('/api/devices')
        .set('Authorization', t.auth(Role.ExhibitsOfficer))
        .send(deviceDto(caseId, { seizedAt: '2025-09-01T10:00:00Z' }))
        .expect(201);
      const moved = (await get(`/requests/${id}/recheck`).expect(200)).body;
      expect(moved.fingerprintMatches).toBe(false);
      expect(moved.changes).toContainEqual({ path: 'q1.total', released: 2, now: 3 });
      // The released answer itself never changes.
      expect((await get(`/requests/${id}/answer`).expect(200)).body.report.q1.total).toBe(2);
    });

    it('counts it in the statistics and the disclosure log', async () => {
      const stats = (await get('/statistics?year=2026').expect(200)).body;
      expect(stats.total).toMatchObject({ answered: 1, withinTime: 1, share: 1, band: 'good' });
      expect(stats.byMonth[0]).toMatchObject({ month: '2026-01', answered: 1, withinTime: 1 });
      expect(stats.byQuarter[0]).toMatchObject({ quarter: '2026-Q1', answered: 1 });
      const csv = (await get('/disclosure-log.csv?year=2026').expect(200)).text;
      expect(csv).toContain('FOI/2026/0412');
      expect(csv).toContain('Q2: Withheld (s.30(1)(a)(b))');
      await get('/disclosure-log.xlsx?year=2026').expect(200);
      expect((await get('/statistics?year=1999')).status).toBe(400);
    });

    it('is voided only by an admin, with a reason; the request reopens', async () => {
      await post(`/requests/${id}/answer/void`, { reason: 'Wrong window' }).expect(403);
      expect((await post(`/requests/${id}/answer/void`, {}, Role.Admin)).status).toBe(400);
      const res = await post(`/requests/${id}/answer/void`, { reason: 'Wrong window' }, Role.Admin).expect(
        200,
      );
      expect(res.body).toMatchObject({ status: 'OPEN', answer: null });
      await get(`/requests/${id}/answer`).expect(404);
      const kept = await t.query<{ voidReason: string }>(
        'SELECT "voidReason" FROM foi_answers WHERE "requestId" = ?',
        [id],
      );
      expect(kept).toEqual([{ voidReason: 'Wrong window' }]);
    });

    it('lists the log overdue first, with days left', async () => {
      const list = (await get('/requests?limit=200').expect(200)).body;
      expect(list.total).toBeGreaterThan(5);
      const overdue = list.items.filter((r: { overdue: boolean }) => r.overdue);
      expect(overdue.length).toBeGreaterThan(0);
      expect(list.items.slice(0, overdue.length).every((r: { overdue: boolean }) => r.overdue)).toBe(true);
      expect(overdue[0].daysLeft).toBeLessThan(0);
    });
  });

  describe('command line (foi:request)', () => {
    const run = async (args: string[], options: Record<string, unknown>) => {
      const command = new FoiRequestCommand(
        t.app.get(FoiRequestsService),
        t.app.get(FoiAnswersService),
        t.app.get(FoiLogService),
      );
      let out = '';
      const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
        out += String(chunk);
        return true;
      });
      try {
        await command.run(args, options);
      } finally {
        write.mockRestore();
      }
      return out;
    };

    it('computes a due date and logs a request like the API', async () => {
      expect(await run(['due'], { receivedOn: '2021-12-23' })).toBe('2022-01-26\n');
      const created = JSON.parse(
        await run(['create'], {
          reference: 'FOI/CLI/7',
          receivedOn: '2025-12-19',
          channel: 'POST',
          question: ['How many smart plugs were seized?'],
        }),
      ) as { id: string; dueOn: string };
      expect(created.dueOn).toBe('2026-01-22');
      expect((await get(`/requests/${created.id}`).expect(200)).body.reference).toBe('FOI/CLI/7');
      await expect(
        run(['create'], {
          reference: 'FOI/CLI/8',
          receivedOn: '2025-12-19',
          channel: 'PIGEON',
          question: ['q'],
        }),
      ).rejects.toThrow(CliError);
      expect(await run(['list'], {})).toContain('FOI/CLI/7');
    });
  });
});
