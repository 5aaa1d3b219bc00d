import type { RawFoiFigures } from './foi-report.types.js';

// Hand-made, internally consistent figures for specs: every count >= 5 or 0, so nothing is
// suppressed at the default threshold until a spec changes a count.
export function rawFoiFigures(change: (raw: RawFoiFigures) => void = () => undefined): RawFoiFigures {
  const raw: RawFoiFigures = {
    meta: {
      deviceTypes: ['SMART_PLUG'],
      deviceFamilies: [],
      response: {
        forceName: 'Example Constabulary',
        requestReference: 'FOI/2024/0123',
        receivedOn: '2024-04-02',
        respondedOn: '2024-04-25',
      },
      from: '2023-04-01',
      to: '2024-04-01',
      start: '2023-03-31T23:00:00.000Z',
      end: '2024-03-31T23:00:00.000Z',
      scopeOn: '2024-03-31',
      timeZone: 'Europe/London',
      period: 'financial-year',
      generatedAt: '2024-05-15T10:00:00.000Z',
      rulesVersion: 'foi-rules/1',
      fingerprint: 'sha256:0f3a9c',
    },
    q1: {
      total: 30,
      byMonth: [
        { month: '2023-04', devices: 10 },
        { month: '2023-05', devices: 12 },
        { month: '2023-06', devices: 8 },
      ],
      byDeviceType: [{ deviceType: 'SMART_PLUG', devices: 30 }],
    },
    q2: {
      rows: [
        {
          kind: 'CRIME',
          offenceGroup: 'DRUG',
          offenceSubgroup: 'DRUG_TRAFFICKING',
          devices: 20,
          cases: 9,
        },
        {
          kind: 'INCIDENT',
          incidentCategory: 'MISSING_PERSON',
          devices: 10,
          cases: 6,
        },
        { kind: 'UNRECORDED', devices: 0, cases: 0 },
      ],
    },
    q3: {
      cases: 15,
      casesProgressedToCourt: 11,
      byCourtResult: [
        { courtResult: 'GUILTY_PLEA', cases: 6 },
        { courtResult: 'CONVICTED_AFTER_TRIAL', cases: 5 },
      ],
      devicesServedAsEvidence: 9,
      casesWithDeviceDataServedAsEvidence: 6,
    },
    q4: {
      status: 'ACCREDITED',
      scopeType: 'FLEXIBLE',
      scheduleReference: '0000',
      since: '2023-09-01',
      history: [
        {
          effectiveFrom: '2022-01-10',
          status: 'APPLICATION_SUBMITTED',
          scopeType: null,
        },
        {
          effectiveFrom: '2023-09-01',
          status: 'ACCREDITED',
          scopeType: 'FLEXIBLE',
        },
      ],
      examinationsByScopeStatus: [
        { scopeStatus: 'OUT_OF_SCOPE', examinations: 6 },
        { scopeStatus: 'IN_SCOPE_FLEXIBLE', examinations: 5 },
      ],
    },
    q5: {
      withheld: true,
      exemption: 's.30(1)(a)(b)',
      examinationsRecorded: 11,
    },
    backlog: { awaitingExaminationAtEnd: 7, medianDaysSeizureToCompletion: 41 },
  };
  change(raw);
  return raw;
}
