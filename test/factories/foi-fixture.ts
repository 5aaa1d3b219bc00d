import { Role } from '../../src/auth/role.enum.js';
import type { TestApp } from '../create-test-app.js';
import { caseDto, incidentCaseDto, type CaseBody } from './case.factory.js';
import { custodyEventDto, deviceDto, type DeviceBody } from './device.factory.js';
import { examinationDto, type ExaminationBody } from './examination.factory.js';
import { scopeEntryDto } from './scope-entry.factory.js';

// A small register built through the API, with the FOI answers for SMART_PLUG in financial year 2023
// (local window 2023-04-01 to 2024-04-01 = 2023-03-31T23:00Z to 2024-03-31T23:00Z) counted by hand:
//
// case A drugs, outcome 1 + FINALISED/GUILTY_PLEA: A1 00:30 BST 1 Apr (in, served), A2 Jun (served),
//        A3 Jun (unused), A4 voided
// case B drugs, outcome 1 alone (progressed):      B1 Jul, B2 23:59:59 BST 31 Mar (out), B3 local
//        midnight 1 Apr (in: from is inclusive)
// case C stalking, court stage alone (progressed): C1 Oct (served), C2 IP_CAMERA (other type)
// case D burglary, outcome 15 + NOT_CHARGED:      D1 23:59 BST 31 Mar 2024 (in), D2 local midnight
//        1 Apr 2024 (out: to is exclusive)
// case E missing person (incident):                E1 Aug
// case F crime whose classification is missing (a legacy row): F1 Nov -> UNRECORDED
// case G voided (its device voided first):         G1 May
// case H voided behind the API (legacy row), device not voided: H1 May
export const FIXTURE_REFERENCES = {
  cases: ['FOICASE/A/7731', 'FOICASE/B/7732', 'FOICASE/C/7733', 'FOICASE/D/7734', 'FOICASE/E/7735'],
  methods: 'RESTRICTED-METHOD chip-off of SPI flash with tool QX-9',
  findings: 'RESTRICTED-FINDING schedule matches 12/12 cycle',
  location: '99 Fixture Lane, Sampletown',
  account: 'fixture.owner@example.org',
  serial: 'SNFOIFIX',
};

export interface FoiFixture {
  ids: Record<string, string>;
  exhibitRefs: string[];
  caseReferences: string[];
}

export async function buildFoiFixture(t: TestApp): Promise<FoiFixture> {
  const ids: Record<string, string> = {};
  const exhibitRefs: string[] = [];
  const caseReferences: string[] = [];
  const post = async (path: string, role: Role, body: object, status = 201) => {
    const res = await t.http().post(path).set('Authorization', t.auth(role)).send(body);
    if (res.status !== status) throw new Error(`${path} ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body as { id: string };
  };
  const newCase = async (key: string, body: CaseBody) => {
    caseReferences.push(body.reference);
    ids[key] = (await post('/api/cases', Role.ExhibitsOfficer, body)).id;
  };
  const device = async (key: string, caseKey: string, seizedAt: string, extra: Partial<DeviceBody> = {}) => {
    const exhibitRef = `FOIX/${100 + exhibitRefs.length}`;
    exhibitRefs.push(exhibitRef);
    const body = deviceDto(ids[caseKey], {
      exhibitRef,
      seizedAt,
      seizureLocation: FIXTURE_REFERENCES.location,
      cloudAccountIdentifier: FIXTURE_REFERENCES.account,
      serialNumber: `${FIXTURE_REFERENCES.serial}${exhibitRefs.length}`,
      ...extra,
    });
    ids[key] = (await post('/api/devices', Role.ExhibitsOfficer, body)).id;
  };
  const exam = async (key: string, deviceKey: string, body: Partial<ExaminationBody>) => {
    const dto = examinationDto(ids[deviceKey], {
      methods: FIXTURE_REFERENCES.methods,
      findingsSummary: FIXTURE_REFERENCES.findings,
      ...body,
    });
    ids[key] = (await post('/api/examinations', Role.Lab, dto)).id;
  };
  const voidIt = (path: string, role: Role) =>
    post(`${path}/void`, role, { reason: 'Entered in error' }, 200);

  // Scope register: not accredited, accredited (flexible) from 1 Sep 2023, suspended from 1 Feb 2024.
  const scope = (body: object) => post('/api/accreditation/scope-entries', Role.Lab, scopeEntryDto(body));
  await scope({
    status: 'NOT_ACCREDITED',
    scopeType: undefined,
    effectiveFrom: '2022-01-01',
    scheduleReference: undefined,
  });
  await scope({
    status: 'ACCREDITED',
    scopeType: 'FLEXIBLE',
    effectiveFrom: '2023-09-01',
    scheduleReference: '0042',
  });
  await scope({
    status: 'SUSPENDED_VOLUNTARY',
    scopeType: 'FLEXIBLE',
    effectiveFrom: '2024-02-01',
    scheduleReference: '0042',
  });
  const withdrawn = await scope({ status: 'WITHDRAWN', effectiveFrom: '2023-12-01' });
  await voidIt(`/api/accreditation/scope-entries/${withdrawn.id}`, Role.Lab);
  await scope({
    deviceType: 'IP_CAMERA',
    status: 'ACCREDITED',
    scopeType: 'FIXED',
    effectiveFrom: '2020-01-01',
  });

  const [refA, refB, refC, refD, refE] = FIXTURE_REFERENCES.cases;
  await newCase(
    'A',
    caseDto({
      reference: refA,
      homeOfficeCode: '92A',
      policeOutcome: '1',
      courtStage: 'FINALISED',
      courtResult: 'GUILTY_PLEA',
      courtResultAt: '2024-02-10',
    }),
  );
  await newCase('B', caseDto({ reference: refB, policeOutcome: '1' }));
  await newCase(
    'C',
    caseDto({
      reference: refC,
      offenceSubgroup: 'VAP_STALKING_HARASSMENT',
      homeOfficeCode: '8Q',
      courtStage: 'MAGISTRATES_PROCEEDINGS',
    }),
  );
  await newCase(
    'D',
    caseDto({
      reference: refD,
      offenceSubgroup: 'THEFT_BURGLARY_RES',
      homeOfficeCode: '28E',
      policeOutcome: '15',
      courtStage: 'NOT_CHARGED',
    }),
  );
  await newCase('E', incidentCaseDto({ reference: refE }));
  await newCase('F', caseDto({ reference: 'FOICASE/F/7736' }));
  await newCase('G', caseDto({ reference: 'FOICASE/G/7737' }));
  await newCase('H', caseDto({ reference: 'FOICASE/H/7738' }));

  await device('A1', 'A', '2023-03-31T23:30:00Z', { evidentialUse: 'SERVED_EVIDENCE' });
  await device('A2', 'A', '2023-06-15T10:00:00Z', { evidentialUse: 'SERVED_EVIDENCE' });
  await device('A3', 'A', '2023-06-15T10:05:00Z', { evidentialUse: 'UNUSED_NON_SENSITIVE' });
  await device('A4', 'A', '2023-06-15T10:10:00Z', { evidentialUse: 'SERVED_EVIDENCE' });
  await device('B1', 'B', '2023-07-01T09:00:00Z');
  await device('B2', 'B', '2023-03-31T22:59:59Z');
  await device('B3', 'B', '2023-04-01T00:00:00+01:00');
  await device('C1', 'C', '2023-10-10T12:00:00Z', { evidentialUse: 'SERVED_EVIDENCE' });
  await device('C2', 'C', '2023-10-10T12:05:00Z', {
    deviceType: 'IP_CAMERA',
    evidentialUse: 'SERVED_EVIDENCE',
  });
  await device('D1', 'D', '2024-03-31T23:59:00+01:00');
  await device('D2', 'D', '2024-03-31T23:00:00Z');
  await device('E1', 'E', '2023-08-20T14:00:00Z', { evidentialUse: 'NOT_RELEVANT' });
  await device('F1', 'F', '2023-11-11T11:00:00Z');
  await device('G1', 'G', '2023-05-05T10:00:00Z');
  await device('H1', 'H', '2023-05-06T10:00:00Z');
  await post(
    `/api/devices/${ids.A1}/custody-events`,
    Role.ExhibitsOfficer,
    custodyEventDto({ at: '2023-04-01T08:00:00Z' }),
  );

  await voidIt(`/api/devices/${ids.A4}`, Role.ExhibitsOfficer);
  await voidIt(`/api/devices/${ids.G1}`, Role.ExhibitsOfficer);
  await voidIt(`/api/cases/${ids.G}`, Role.ExhibitsOfficer);
  // Rows the API no longer allows, as older records or imports may hold them.
  await t.dataSource
    .createQueryBuilder()
    .update('cases')
    .set({ offenceGroup: null, offenceSubgroup: null, homeOfficeCode: null })
    .where('id = :id', { id: ids.F })
    .execute();
  await t.dataSource
    .createQueryBuilder()
    .update('cases')
    .set({ voidedAt: '2023-06-01T00:00:00.000Z', voidReason: 'legacy' })
    .where('id = :id', { id: ids.H })
    .execute();

  // Started in the window: X1, X5, X8, X9 OUT_OF_SCOPE; X2 IN_SCOPE_FLEXIBLE; X3 SCOPE_SUSPENDED.
  // Completed in the window: X1 (39 days), X2 (108), X9 (137): median 108.
  // Awaiting at the end: B1 (X4), C1 (X3), A3 (X8), D1 (X10 completed after the end) = 4 devices.
  await exam('X1', 'A1', {
    requestedAt: '2023-04-02T09:00:00Z',
    status: 'COMPLETED',
    startedAt: '2023-04-10T09:00:00Z',
    completedAt: '2023-05-10T12:00:00Z',
  });
  await exam('X2', 'A2', {
    requestedAt: '2023-09-05T09:00:00Z',
    status: 'COMPLETED',
    startedAt: '2023-09-10T09:00:00Z',
    completedAt: '2023-10-01T12:00:00Z',
  });
  await exam('X3', 'C1', {
    requestedAt: '2024-02-05T09:00:00Z',
    status: 'IN_PROGRESS',
    startedAt: '2024-02-10T09:00:00Z',
  });
  await exam('X4', 'B1', { requestedAt: '2024-03-20T09:00:00Z' });
  await exam('X5', 'E1', {
    requestedAt: '2023-08-21T09:00:00Z',
    status: 'CANCELLED',
    startedAt: '2023-08-25T09:00:00Z',
    cancelledAt: '2023-08-30T09:00:00Z',
  });
  await exam('X6', 'D1', {
    requestedAt: '2024-03-31T22:59:30Z',
    status: 'IN_PROGRESS',
    startedAt: '2024-03-31T22:59:45Z',
  });
  await voidIt(`/api/examinations/${ids.X6}`, Role.Lab);
  await exam('X7', 'C2', {
    requestedAt: '2023-10-11T09:00:00Z',
    status: 'IN_PROGRESS',
    startedAt: '2023-10-11T10:00:00Z',
  });
  await exam('X8', 'A3', {
    requestedAt: '2023-06-20T09:00:00Z',
    status: 'IN_PROGRESS',
    startedAt: '2023-06-25T09:00:00Z',
  });
  await exam('X9', 'B2', {
    requestedAt: '2023-03-31T23:30:00Z',
    status: 'COMPLETED',
    startedAt: '2023-04-03T09:00:00Z',
    completedAt: '2023-08-15T12:00:00Z',
  });
  await exam('X10', 'D1', {
    requestedAt: '2024-03-31T22:59:50Z',
    status: 'COMPLETED',
    startedAt: '2024-04-02T09:00:00Z',
    completedAt: '2024-04-10T09:00:00Z',
  });
  return { ids, exhibitRefs, caseReferences };
}

// Hand-counted answers for SMART_PLUG, financial year 2023, no suppression.
export const EXPECTED_FY2023 = {
  q1: {
    total: 9,
    byMonth: {
      '2023-04': 2,
      '2023-06': 2,
      '2023-07': 1,
      '2023-08': 1,
      '2023-10': 1,
      '2023-11': 1,
      '2024-03': 1,
    },
  },
  q2: [
    { kind: 'CRIME', offenceGroup: 'VAP', offenceSubgroup: 'VAP_STALKING_HARASSMENT', devices: 1, cases: 1 },
    { kind: 'CRIME', offenceGroup: 'THEFT', offenceSubgroup: 'THEFT_BURGLARY_RES', devices: 1, cases: 1 },
    { kind: 'CRIME', offenceGroup: 'DRUG', offenceSubgroup: 'DRUG_TRAFFICKING', devices: 5, cases: 2 },
    { kind: 'INCIDENT', incidentCategory: 'MISSING_PERSON', devices: 1, cases: 1 },
    { kind: 'UNRECORDED', devices: 1, cases: 1 },
  ],
  q3: {
    cases: 6,
    casesProgressedToCourt: 3,
    byCourtResult: [
      { courtResult: 'GUILTY_PLEA', cases: 1 },
      { courtResult: 'AWAITING_RESULT', cases: 2 },
    ],
    devicesServedAsEvidence: 3,
    casesWithDeviceDataServedAsEvidence: 2,
  },
  examinationsByScopeStatus: [
    { scopeStatus: 'IN_SCOPE_FIXED', examinations: 0 },
    { scopeStatus: 'IN_SCOPE_FLEXIBLE', examinations: 1 },
    { scopeStatus: 'OUT_OF_SCOPE', examinations: 4 },
    { scopeStatus: 'SCOPE_SUSPENDED', examinations: 1 },
  ],
  history: [
    { effectiveFrom: '2022-01-01', status: 'NOT_ACCREDITED', scopeType: null },
    { effectiveFrom: '2023-09-01', status: 'ACCREDITED', scopeType: 'FLEXIBLE' },
    { effectiveFrom: '2024-02-01', status: 'SUSPENDED_VOLUNTARY', scopeType: 'FLEXIBLE' },
  ],
  q5: { withheld: true, exemption: 's.30(1)(a)(b)', examinationsRecorded: 6 },
  backlog: { awaitingExaminationAtEnd: 4, medianDaysSeizureToCompletion: 108 },
};
