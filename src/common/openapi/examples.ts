// The example requests shown at /docs. The e2e tests build their requests from the same objects
// (test/factories/case.factory.ts, device.factory.ts), so an example that stops being valid fails them.

/** POST /api/cases: a crime (drug trafficking; the group is derived). */
export const CASE_EXAMPLE = {
  reference: 'CR/12345/25',
  kind: 'CRIME',
  offenceSubgroup: 'DRUG_TRAFFICKING',
} as const;

/** POST /api/devices: a smart plug seized switched on (caseId from the case created). */
export const DEVICE_EXAMPLE = {
  caseId: '6f1c2a9e-8b7d-4c3e-9a51-2d4f6b8c0e13',
  exhibitRef: 'JD/1',
  deviceType: 'SMART_PLUG',
  make: 'TP-Link',
  model: 'Tapo P110',
  serialNumber: 'SN000001',
  macAddress: 'a4:c1:38:12:34:56',
  firmwareVersion: '1.2.3',
  seizedAt: '2025-03-01T10:15:00+00:00',
  seizedBy: 'PC 1234',
  seizureLocation: '12 Example Street, Anytown',
  powerStateAtSeizure: 'ON',
  photographedInSitu: true,
  networkIsolated: true,
  companionApp: 'Tapo',
  cloudAccountIdentifier: 'owner@example.com',
  evidentialUse: 'UNKNOWN',
} as const;

/** POST /api/devices/{id}/custody-events: into the main store an hour after the seizure above. */
export const CUSTODY_EVENT_EXAMPLE = {
  at: '2025-03-01T11:15:00Z',
  toHolder: 'Main property store',
  toStatus: 'IN_MAIN_STORE',
  purpose: 'BOOK_IN',
  sealNumber: 'SEAL-0001',
  sealIntact: true,
} as const;

/** GET /api/foi/report: smart plugs, financial year 2023 (1 April 2023 to 31 March 2024), small numbers hidden. */
export const FOI_REPORT_QUERY_EXAMPLE = {
  deviceType: 'SMART_PLUG',
  period: 'financial-year',
  year: '2023',
  suppressBelow: '5',
} as const;
