import { FOI_COUNTING_RULES, suppressionRule } from './foi-definitions.js';
import type { DeviceTypeScope, FoiReport, SuppressedCell } from './foi-report.types.js';

// What each sheet of the FOI workbook says, as plain tables; foi-workbook.ts lays them out.

export type SheetValue = string | number | null;

export interface SheetTable {
  headers: string[];
  rows: SheetValue[][];
}

export interface SheetSpec {
  name: string;
  title: string;
  notes: string[];
  tables: SheetTable[];
}

export const FOI_SHEET_NAMES = [
  'Summary',
  'Q1 Seized',
  'Q2 Offences',
  'Q3 Court and evidence',
  'Q4 Accreditation',
  'Q5 Techniques',
  'Definitions',
] as const;

const S30 = 'FOIA s.30(1)(a)(b)';

export function foiSheets(report: FoiReport): SheetSpec[] {
  const { meta, q1, q2, q3, q4, q5, backlog } = report;
  const suppressionNotes = meta.suppressBelow > 1 ? [suppressionRule(meta.suppressBelow)] : [];
  const sheet = (
    name: (typeof FOI_SHEET_NAMES)[number],
    title: string,
    tables: SheetTable[],
    notes: string[] = suppressionNotes,
  ): SheetSpec => ({ name, title, notes, tables });

  return [
    sheet('Summary', 'FOI report: seized devices', [
      {
        headers: ['Question', 'Figure', 'Value'],
        rows: [
          ['Q1', 'Devices seized in the window', q1.total],
          ['Q2', 'Offences and incidents', 'See sheet Q2 Offences'],
          ['Q3', 'Cases (distinct) of these devices', q3.cases],
          ['Q3', 'Cases progressed to court', q3.casesProgressedToCourt],
          ['Q3', 'Devices whose data was served as evidence', q3.devicesServedAsEvidence],
          ['Q3', 'Cases with device data served as evidence', q3.casesWithDeviceDataServedAsEvidence],
          ['Q4', `Accreditation scope status on ${meta.scopeOn}`, q4.status],
          ['Q4', 'Scope type', q4.scopeType],
          ['Q4', 'In force since', q4.since],
          ['Q5', 'Tools and techniques', `Withheld under ${S30}`],
          ['Q5', 'Examinations started in the window', q5.examinationsRecorded],
          [
            'Backlog',
            'Devices awaiting examination at the end of the window',
            backlog.awaitingExaminationAtEnd,
          ],
          [
            'Backlog',
            'Median days from seizure to completed examination',
            backlog.medianDaysSeizureToCompletion ??
              (meta.suppressedCells.some((c) => c.column === 'medianDaysSeizureToCompletion')
                ? `[c] withheld: fewer than ${meta.suppressBelow} examinations completed`
                : 'No examination completed'),
          ],
        ],
      },
    ]),
    sheet('Q1 Seized', 'Q1: devices seized in the window', [
      {
        headers: ['Month', 'Devices'],
        rows: [...q1.byMonth.map((m) => [m.month, m.devices]), ['Total', q1.total]],
      },
      {
        headers: ['Device type', 'Devices'],
        rows: q1.byDeviceType.map((d) => [d.deviceType, d.devices]),
      },
    ]),
    sheet('Q2 Offences', 'Q2: offences and incidents the devices were seized for', [
      {
        headers: ['Kind', 'Offence group', 'Offence sub-group', 'Incident category', 'Devices', 'Cases'],
        rows: [
          ...q2.rows.map((r) => [
            r.kind,
            r.kind === 'CRIME' ? r.offenceGroup : null,
            r.kind === 'CRIME' ? r.offenceSubgroup : null,
            r.kind === 'INCIDENT' ? r.incidentCategory : null,
            r.devices,
            r.cases,
          ]),
          ['Total', null, null, null, q1.total, q3.cases],
        ],
      },
    ]),
    sheet('Q3 Court and evidence', 'Q3: court and evidence', [
      {
        headers: ['Measure', 'Count'],
        rows: [
          ['Cases (distinct) of the devices in Q1', q3.cases],
          ['Cases progressed to court', q3.casesProgressedToCourt],
          ['Devices whose data was served as evidence', q3.devicesServedAsEvidence],
          ['Cases with device data served as evidence', q3.casesWithDeviceDataServedAsEvidence],
        ],
      },
      {
        headers: ['Court result', 'Cases'],
        rows: q3.byCourtResult.map((r) => [r.courtResult, r.cases]),
      },
    ]),
    sheet('Q4 Accreditation', 'Q4: accreditation scope (ISO/IEC 17025)', [
      {
        headers: ['Scope status on', 'Status', 'Scope type', 'Schedule reference', 'In force since'],
        rows: [[meta.scopeOn, q4.status, q4.scopeType, q4.scheduleReference, q4.since]],
      },
      ...scopeByDeviceType(q4.byDeviceType, meta.scopeOn),
      {
        headers: ['History: effective from', 'Status', 'Scope type'],
        rows: q4.history.map((h) => [h.effectiveFrom, h.status, h.scopeType]),
      },
      {
        headers: ['Examinations started in the window, by scope status at start', 'Examinations'],
        rows: [
          ...q4.examinationsByScopeStatus.map((e) => [e.scopeStatus, e.examinations]),
          ['Total', q5.examinationsRecorded],
        ],
      },
    ]),
    sheet(
      'Q5 Techniques',
      'Q5: tools and techniques used to examine the devices',
      [
        {
          headers: ['Item', 'Value'],
          rows: [
            ['Tools and techniques', 'Withheld'],
            ['Exemption', `${S30} (investigations and proceedings)`],
            ['Examinations started in the window', q5.examinationsRecorded],
          ],
        },
      ],
      [
        `The tools and techniques are withheld under ${S30}; only the number of examinations is given.`,
        ...suppressionNotes,
      ],
    ),
    sheet(
      'Definitions',
      'Definitions and counting rules',
      [
        {
          headers: ['Item', 'Definition'],
          rows: [
            ...FOI_COUNTING_RULES.map((r) => [r.item, r.rule]),
            ['Small numbers', suppressionRule(meta.suppressBelow)],
            ['Counting rules version', meta.rulesVersion],
            ['Fingerprint of the records counted', meta.fingerprint],
          ],
        },
        suppressedCellsTable(meta.suppressedCells),
      ],
      [],
    ),
  ];
}

// Several device types: each one's status too (the table above shows the first).
function scopeByDeviceType(scopes: DeviceTypeScope[] | undefined, scopeOn: string): SheetTable[] {
  if (!scopes || scopes.length < 2) return [];
  return [
    {
      headers: [
        `Device type (status on ${scopeOn})`,
        'Status',
        'Scope type',
        'Schedule reference',
        'In force since',
      ],
      rows: scopes.map((s) => [s.deviceType, s.status, s.scopeType, s.scheduleReference, s.since]),
    },
  ];
}

function suppressedCellsTable(cells: SuppressedCell[]): SheetTable {
  const headers = ['Suppressed cell: question', 'Row', 'Column', 'Reason'];
  if (cells.length === 0) return { headers, rows: [['No cells were suppressed']] };
  return {
    headers,
    rows: cells.map((c) => [
      c.question,
      c.row,
      c.column,
      c.reason === 'primary'
        ? 'primary: a count below the threshold'
        : 'secondary: withheld so that a hidden count cannot be worked out from a total',
    ]),
  };
}
