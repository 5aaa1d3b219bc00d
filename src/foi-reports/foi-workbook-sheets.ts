import { FOI_COUNTING_RULES, suppressionRule } from './foi-definitions.js';
import type { LabelledFoiReport } from './foi-labels.js';
import type { SuppressedCell } from './foi-report.types.js';
import { longDate } from './foi-sentences.js';
import { lastDayOf } from './report-window.js';
import { q2RowLabel } from './suppression.js';
import type { SheetNote, SheetSpec, SheetTable, SheetValue } from './workbook-layout.js';

export type { SheetSpec, SheetTable, SheetValue } from './workbook-layout.js';

// What each question's sheet says, as plain tables of labels (never codes); workbook-layout.ts prints them.

export const FOI_SHEET_NAMES = [
  'Response',
  'Q1 Seized',
  'Q2 Offences',
  'Q3 Court and evidence',
  'Q4 Accreditation',
  'Q5 Techniques',
  'Definitions',
  'Suppressed cells',
  'Codes',
] as const;

const S30 = 'FOIA s.30(1)(a)(b)';

const date = (value: string | null): SheetValue => (value ? { date: value } : null);

export function foiSheets(report: LabelledFoiReport, devicesCounted: string): SheetSpec[] {
  const { meta, q1, q2, q3, q4, q5, backlog } = report;
  const preamble: (string | SheetNote)[] = [
    `Period: ${longDate(meta.from)} to ${longDate(lastDayOf(meta))} inclusive (local dates, ${meta.timeZone}).`,
    `Devices counted: ${devicesCounted}`,
    ...(meta.suppressBelow > 1 ? [suppressionRule(meta.suppressBelow)] : []),
    `Generated at: ${meta.generatedAt}`,
  ];
  const sheet = (
    name: (typeof FOI_SHEET_NAMES)[number],
    title: string,
    tables: SheetTable[],
    notes = preamble,
  ) => ({
    name,
    title,
    notes,
    tables,
  });
  const scopeRow = (s: LabelledFoiReport['q4']['byDeviceType'][number]): SheetValue[] => [
    s.deviceTypeLabel,
    s.statusLabel,
    s.scopeTypeLabel,
    s.scheduleReference,
    date(s.since),
  ];
  const q2Rows = q2.rows.map((r): SheetValue[] => [
    r.kindLabel,
    r.offenceGroupLabel ?? null,
    r.offenceSubgroupLabel ?? r.incidentCategoryLabel ?? null,
    r.devices,
    r.cases,
  ]);

  return [
    sheet('Q1 Seized', 'Q1: devices seized in the period', [
      {
        headers: ['Month', 'Devices seized'],
        rows: [...q1.byMonth.map((m): SheetValue[] => [{ month: m.month }, m.devices]), ['Total', q1.total]],
        boldRows: [q1.byMonth.length],
      },
      {
        headers: ['Device type', 'Devices seized'],
        rows: q1.byDeviceType.map((d) => [d.deviceTypeLabel, d.devices]),
      },
    ]),
    sheet('Q2 Offences', 'Q2: offences and incidents the devices were seized for', [
      {
        headers: ['Kind', 'Offence group', 'Offence sub-group or incident category', 'Devices', 'Cases'],
        rows: [...q2Rows, ['Total', null, null, q1.total, q3.cases]],
        boldRows: [q2Rows.length],
      },
    ]),
    sheet('Q3 Court and evidence', 'Q3: court and evidence', [
      {
        headers: ['Measure', 'Number'],
        rows: [
          ['Cases (distinct) in which the devices in Q1 were seized', q3.cases],
          ['Cases progressed to court', q3.casesProgressedToCourt],
          ['Devices whose data was served as evidence', q3.devicesServedAsEvidence],
          ['Cases with device data served as evidence', q3.casesWithDeviceDataServedAsEvidence],
        ],
      },
      {
        headers: ['Court result', 'Cases'],
        rows: q3.byCourtResult.map((r) => [r.courtResultLabel, r.cases]),
      },
    ]),
    sheet('Q4 Accreditation', 'Q4: accreditation scope (ISO/IEC 17025)', [
      {
        headers: ['Status on', 'Device type', 'Status', 'Scope type', 'Schedule reference', 'In force since'],
        rows: [
          [{ date: meta.scopeOn }, ...scopeRow(q4.byDeviceType[0])],
          ...(q4.atWindowEnd.on !== meta.scopeOn
            ? [
                [
                  { date: q4.atWindowEnd.on },
                  q4.byDeviceType[0].deviceTypeLabel,
                  q4.atWindowEnd.statusLabel,
                  q4.atWindowEnd.scopeTypeLabel,
                  q4.atWindowEnd.scheduleReference,
                  date(q4.atWindowEnd.since),
                ] as SheetValue[],
              ]
            : []),
          ...q4.byDeviceType.slice(1).map((s) => [{ date: meta.scopeOn }, ...scopeRow(s)] as SheetValue[]),
        ],
      },
      {
        headers: ['Scope history within the period: in force from', 'Status', 'Scope type'],
        rows:
          q4.historyInWindow.length > 0
            ? q4.historyInWindow.map((h) => [{ date: h.effectiveFrom }, h.statusLabel, h.scopeTypeLabel])
            : [['No scope entry was in force in the period', null, null]],
      },
      {
        headers: ['Examinations started in the period, by scope status at start', 'Examinations'],
        rows: [
          ...q4.examinationsByScopeStatus.map((e) => [e.scopeStatusLabel, e.examinations]),
          ['Total', q5.examinationsRecorded],
        ],
        boldRows: [q4.examinationsByScopeStatus.length],
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
            ['Examinations started in the period', q5.examinationsRecorded],
          ],
        },
        {
          headers: ['Examination backlog', 'Value'],
          rows: [
            [
              `Devices awaiting examination on ${longDate(lastDayOf(meta))}`,
              backlog.awaitingExaminationAtEnd,
            ],
            [
              'Median days from seizure to completed examination (examinations completed in the period)',
              backlog.medianDaysSeizureToCompletion ??
                (meta.suppressedCells.some((c) => c.column === 'medianDaysSeizureToCompletion')
                  ? `[c] withheld: fewer than ${meta.suppressBelow} examinations completed`
                  : 'No examination completed'),
            ],
          ],
        },
      ],
      [
        `The tools and techniques are withheld under ${S30}; only the number of examinations is given.`,
        ...preamble,
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
            ['Device types counted', meta.deviceTypeLabels.join('; ')],
            ['Small numbers', suppressionRule(meta.suppressBelow)],
            ['Counting rules version', meta.rulesVersion],
            ['Fingerprint of the records counted', meta.fingerprint],
            ['Generated at', meta.generatedAt],
          ],
        },
      ],
      [],
    ),
    // A sheet of its own: printed headings repeat per sheet, so a second table on Definitions would run
    // onto a page headed "Item / Definition" (found by the LibreOffice print check).
    sheet('Suppressed cells', 'Suppressed cells: where each hidden figure is, and why', [suppressedCellsTable(report)], [
      meta.suppressBelow > 1 ? suppressionRule(meta.suppressBelow) : 'No small-number suppression was applied.',
    ]),
  ];
}

// Where each hidden figure is, in the words of the sheet it is on (codes only in the Codes appendix).
function suppressedCellsTable(report: LabelledFoiReport): SheetTable {
  const cells = report.meta.suppressedCells;
  const headers = ['Suppressed cell: sheet', 'Row', 'Figure', 'Reason'];
  if (cells.length === 0) return { headers, rows: [['No cells were suppressed', null, null, null]] };
  return {
    headers,
    rows: cells.map((c) => [
      QUESTION_SHEETS[c.question],
      suppressedRowLabel(report, c),
      COLUMN_WORDS[c.question]?.[c.column] ?? c.column,
      c.reason === 'primary'
        ? 'Primary: a count below the threshold'
        : 'Secondary: withheld so that a hidden count cannot be worked out from a total',
    ]),
  };
}

const QUESTION_SHEETS: Record<SuppressedCell['question'], string> = {
  Q1: 'Q1 Seized',
  Q2: 'Q2 Offences',
  Q3: 'Q3 Court and evidence',
  Q4: 'Q4 Accreditation',
  Q5: 'Q5 Techniques',
  Backlog: 'Q5 Techniques (backlog)',
};

const COLUMN_WORDS: Record<SuppressedCell['question'], Record<string, string>> = {
  Q1: { total: 'Devices seized', devices: 'Devices seized' },
  Q2: { devices: 'Devices', cases: 'Cases' },
  Q3: {
    cases: 'Cases',
    casesProgressedToCourt: 'Cases progressed to court',
    devicesServedAsEvidence: 'Devices whose data was served as evidence',
    casesWithDeviceDataServedAsEvidence: 'Cases with device data served as evidence',
  },
  Q4: { examinations: 'Examinations started' },
  Q5: { examinationsRecorded: 'Examinations started in the period' },
  Backlog: {
    awaitingExaminationAtEnd: 'Devices awaiting examination at the end of the period',
    medianDaysSeizureToCompletion: 'Median days from seizure to completed examination',
  },
};

// The row as the question's sheet prints it: a month in words, or the label of the row's code.
export function suppressedRowLabel(report: LabelledFoiReport, cell: SuppressedCell): string {
  const { row } = cell;
  if (row === 'Total') return 'Total';
  switch (cell.question) {
    case 'Q1': {
      if (/^\d{4}-\d{2}$/.test(row)) return monthWords(row);
      return report.q1.byDeviceType.find((d) => d.deviceType === row)?.deviceTypeLabel ?? row;
    }
    case 'Q2': {
      const found = report.q2.rows.find((r) => q2RowLabel(r) === row);
      if (!found) return row;
      const detail = found.offenceSubgroupLabel ?? found.incidentCategoryLabel;
      const group = found.offenceGroupLabel ? ` (${found.offenceGroupLabel})` : '';
      return detail ? `${detail}${group}` : found.kindLabel;
    }
    case 'Q3':
      return report.q3.byCourtResult.find((r) => r.courtResult === row)?.courtResultLabel ?? row;
    case 'Q4':
      return report.q4.examinationsByScopeStatus.find((e) => e.scopeStatus === row)?.scopeStatusLabel ?? row;
    default:
      return row;
  }
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function monthWords(month: string): string {
  return `${MONTHS[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
}
