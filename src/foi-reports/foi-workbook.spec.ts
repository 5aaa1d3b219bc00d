import ExcelJS from 'exceljs';
import { type CodeUsed, labelFoiReport, type LabelledFoiReport, type LabelOf } from './foi-labels.js';
import type { FoiReportResponse } from './foi-report-response.js';
import { rawFoiFigures } from './foi-report.fixture.js';
import { FOI_SHEET_NAMES } from './foi-workbook-sheets.js';
import { buildFoiWorkbook, foiWorkbookFileName, type FoiWorkbookOptions } from './foi-workbook.js';
import { applySuppression } from './suppression.js';

const LABELS: Record<string, string> = {
  SMART_PLUG: 'Smart plug',
  DRUG: 'Drug offences',
  DRUG_TRAFFICKING: 'Trafficking of drugs',
  MISSING_PERSON: 'Missing person',
  GUILTY_PLEA: 'Convicted - guilty plea',
  CONVICTED_AFTER_TRIAL: 'Convicted after trial',
  ACCREDITED: 'Accredited',
  APPLICATION_SUBMITTED: 'Application submitted to UKAS',
  SUSPENDED_VOLUNTARY: 'Suspended (voluntary)',
  FLEXIBLE: 'Flexible scope - new or changed methods may be added',
  OUT_OF_SCOPE: 'Not covered by the schedule',
  IN_SCOPE_FLEXIBLE: 'Covered by the flexible scope',
  CRIME: 'Crime',
  INCIDENT: 'Non-crime incident',
  UNRECORDED: 'Not recorded',
};
const labelOf: LabelOf = (_list, code) => LABELS[code] ?? code;

const OPTIONS: FoiWorkbookOptions = {
  labelOf,
  s17Reason: 'Disclosure would prejudice investigations.',
  devicesNoun: 'smart plugs',
  devicesCounted: '“Smart plug”.',
};

function report(
  change?: Parameters<typeof rawFoiFigures>[0],
  suppressBelow = 5,
): { report: LabelledFoiReport; codes: CodeUsed[] } {
  const raw = rawFoiFigures(change);
  const headline = {
    deviceType: 'SMART_PLUG',
    status: raw.q4.status,
    scopeType: raw.q4.scopeType,
    scheduleReference: raw.q4.scheduleReference,
    since: raw.q4.since,
    history: raw.q4.history,
    historyInWindow: raw.q4.history.slice(1),
    atWindowEnd: {
      on: '2024-03-31',
      status: 'SUSPENDED_VOLUNTARY',
      scopeType: 'FLEXIBLE',
      scheduleReference: '0000',
      since: '2024-02-01',
    },
  };
  const { deviceType: _type, ...q4 } = headline;
  const response = {
    ...raw,
    meta: { ...raw.meta, scopeOn: raw.meta.response.respondedOn },
    q4: { ...raw.q4, ...q4, byDeviceType: [headline] },
  };
  return labelFoiReport(applySuppression(response, suppressBelow) as FoiReportResponse, labelOf);
}

async function build(answer = small): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(
    (await buildFoiWorkbook(answer.report, answer.codes, OPTIONS)) as unknown as ExcelJS.Buffer,
  );
  return workbook;
}

function rows(sheet: ExcelJS.Worksheet): unknown[][] {
  const out: unknown[][] = [];
  sheet.eachRow((row) => out.push((row.values as unknown[]).slice(1)));
  return out;
}

function text(sheet: ExcelJS.Worksheet): string {
  return rows(sheet)
    .flat()
    .map((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v)))
    .join('\n');
}

// The value to the right of the first cell in the sheet whose value is `label` (dates as YYYY-MM-DD).
function valueBeside(sheet: ExcelJS.Worksheet, label: unknown, offset = 1): unknown {
  const plain = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : v);
  for (const row of rows(sheet)) {
    const column = row.findIndex((v) => plain(v) === label);
    if (column >= 0) return row[column + offset] ?? null;
  }
  return undefined;
}

const small = report((raw) => {
  raw.q1.byMonth[2].devices = 3; // 10, 12, 3 -> "<5" and the 10 withheld as well
  raw.q1.total = 25;
  raw.q1.byDeviceType[0].devices = 25;
  raw.q2.rows[1].devices = 5;
});

describe('buildFoiWorkbook', () => {
  it('has the Response cover first, a sheet per question, Definitions and Codes', async () => {
    const workbook = await build();
    expect(workbook.worksheets.map((s) => s.name)).toEqual([...FOI_SHEET_NAMES]);
    expect(FOI_SHEET_NAMES[0]).toBe('Response');
  });

  it('answers each question in a sentence on the cover, with the request and its dates', async () => {
    const cover = (await build()).getWorksheet('Response')!;
    const all = text(cover);

    expect(all).toContain('Example Constabulary: response to Freedom of Information request FOI/2024/0123');
    expect(valueBeside(cover, 'Request reference')).toBe('FOI/2024/0123');
    expect(valueBeside(cover, 'Date received')).toEqual(new Date('2024-04-02T00:00:00Z'));
    expect(valueBeside(cover, 'Date of response')).toEqual(new Date('2024-04-25T00:00:00Z'));
    expect(all).toContain(
      'Example Constabulary seized 25 smart plugs between 1 April 2023 and 31 March 2024.',
    );
    expect(all).toContain('the most for “Trafficking of drugs” (20 devices in 9 cases)');
    expect(all).toContain('of which 11 progressed to court');
    expect(all).toContain(
      "On 25 April 2024 the lab's status for Smart plug is: Accredited (flexible scope), schedule 0000, since 1 September 2023. " +
        'On 31 March 2024, the last day of the period, it was: Suspended (voluntary) (flexible scope).',
    );
    expect(all).toMatch(
      /Refused: this information is exempt under section 30\(1\)\(a\) and \(b\).*Disclosure would prejudice investigations\./,
    );
    expect(all).toContain('Q1 Seized');
    expect(all).not.toContain('suppression is OFF');
  });

  it('says in red on the cover when suppression is off', async () => {
    const cover = (await build(report(undefined, 0))).getWorksheet('Response')!;
    let warning: ExcelJS.Cell | undefined;
    cover.eachRow((row) => {
      const cell = row.getCell(1);
      if (typeof cell.value === 'string' && cell.value.includes('suppression is OFF')) warning = cell;
    });
    expect(warning?.font?.color?.argb).toBe('FFC00000');
  });

  it('prints every sheet A4, one page wide, with repeated headings and a footer naming the request', async () => {
    const workbook = await build();
    for (const sheet of workbook.worksheets) {
      expect(sheet.pageSetup).toMatchObject({ paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
      expect(['portrait', 'landscape']).toContain(sheet.pageSetup.orientation);
      expect(sheet.pageSetup.printTitlesRow).toMatch(/^\d+:\d+$/);
      const [first] = sheet.pageSetup.printTitlesRow!.split(':').map(Number);
      expect(sheet.getRow(first).getCell(1).font?.bold).toBe(true);
      expect(sheet.headerFooter.oddFooter).toBe('&LFOI FOI/2024/0123&C&A&RPage &P of &N');
    }
    expect(workbook.getWorksheet('Response')!.pageSetup.orientation).toBe('portrait');
  });

  it('wraps long text in merged or wide cells with room for it', async () => {
    const cover = (await build()).getWorksheet('Response')!;
    const title = cover.getRow(1);
    expect(cover.getCell('A1').isMerged).toBe(true);
    expect(title.getCell(1).alignment?.wrapText).toBe(true);
    cover.eachRow((row) => {
      row.eachCell((cell, column) => {
        const width = cover.getColumn(column).width ?? 10;
        if (typeof cell.value === 'string' && !cell.isMerged && cell.value.length > width) {
          expect(cell.alignment?.wrapText).toBe(true);
          expect(row.height ?? 15).toBeGreaterThanOrEqual(15 * Math.ceil(cell.value.length / width));
        }
      });
    });
  });

  it('writes labels, figures as numbers, months and dates as dates, suppressed counts as text', async () => {
    const workbook = await build();
    const q1 = workbook.getWorksheet('Q1 Seized')!;
    expect(valueBeside(q1, '2023-04-01')).toBe('[c]');
    expect(valueBeside(q1, '2023-05-01')).toBe(12);
    expect(valueBeside(q1, '2023-06-01')).toBe('<5');
    expect(valueBeside(q1, 'Total')).toBe(25);
    expect(valueBeside(q1, 'Smart plug')).toBe(25);

    const q2 = workbook.getWorksheet('Q2 Offences')!;
    expect(rows(q2).slice(-4)).toEqual([
      ['Crime', 'Drug offences', 'Trafficking of drugs', 20, 9],
      ['Non-crime incident', undefined, 'Missing person', 5, 6],
      ['Not recorded', undefined, undefined, 0, 0],
      ['Total', undefined, undefined, 25, 15],
    ]);

    const q3 = workbook.getWorksheet('Q3 Court and evidence')!;
    expect(valueBeside(q3, 'Cases progressed to court')).toBe(11);
    expect(valueBeside(q3, 'Convicted - guilty plea')).toBe(6);

    const q4 = workbook.getWorksheet('Q4 Accreditation')!;
    expect(valueBeside(q4, '2024-04-25', 2)).toBe('Accredited');
    expect(valueBeside(q4, '2024-03-31', 2)).toBe('Suspended (voluntary)');
    expect(valueBeside(q4, 'Not covered by the schedule')).toBe(6);
    expect(rows(q4)).toContainEqual([new Date('2023-09-01T00:00:00Z'), 'Accredited', LABELS.FLEXIBLE]);

    for (const sheet of workbook.worksheets.filter((s) => s.name !== 'Codes')) {
      for (const code of ['DRUG_TRAFFICKING', 'SUSPENDED_VOLUNTARY', 'IN_SCOPE_FLEXIBLE', 'OUT_OF_SCOPE']) {
        expect(text(sheet)).not.toContain(code);
      }
    }
  });

  it('lists the codes behind the labels in the Codes appendix', async () => {
    const codes = (await build()).getWorksheet('Codes')!;
    expect(rows(codes)).toEqual(
      expect.arrayContaining([
        ['Offence sub-group', 'DRUG_TRAFFICKING', 'Trafficking of drugs'],
        ['Device type', 'SMART_PLUG', 'Smart plug'],
        ['Examination scope status', 'OUT_OF_SCOPE', 'Not covered by the schedule'],
      ]),
    );
  });

  it('withholds techniques on Q5, giving only the number of examinations', async () => {
    const q5 = (await build()).getWorksheet('Q5 Techniques')!;
    expect(text(q5)).toContain('s.30(1)(a)(b)');
    expect(valueBeside(q5, 'Tools and techniques')).toBe('Withheld');
    expect(valueBeside(q5, 'Examinations started in the period')).toBe(11);
  });

  it('lists the counting rules and every suppressed cell with its reason', async () => {
    const definitions = (await build()).getWorksheet('Definitions')!;
    const all = text(definitions);
    for (const item of [
      'Q1 Devices seized',
      'Q5 Tools and techniques',
      'Backlog',
      'police outcome is 1 or 1A',
    ]) {
      expect(all).toContain(item);
    }
    expect(valueBeside(definitions, 'Counting rules version')).toBe('foi-rules/1');
    expect(valueBeside(definitions, 'Fingerprint of the records counted')).toBe('sha256:0f3a9c');
    const suppressed = (await build()).getWorksheet('Suppressed cells')!;
    expect(rows(suppressed).filter((r) => r[0] === 'Q1 Seized')).toEqual([
      ['Q1 Seized', 'April 2023', 'Devices seized', expect.stringMatching(/^Secondary/)],
      ['Q1 Seized', 'June 2023', 'Devices seized', expect.stringMatching(/^Primary/)],
    ]);
    // Codes only in the Codes appendix: the Definitions sheet reads in words.
    for (const sheet of [definitions, suppressed]) {
      expect(text(sheet)).not.toMatch(/\b[A-Z]{2,}(_[A-Z0-9]+)+\b|\bUNRECORDED\b|\bSMART_PLUG\b/);
    }
  });

  it('gives the same bytes for the same report, whatever the clock says', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date('2025-01-01T08:00:00Z'));
      const first = await buildFoiWorkbook(small.report, small.codes, OPTIONS);
      vi.setSystemTime(new Date('2025-06-30T17:45:31Z'));
      const second = await buildFoiWorkbook(small.report, small.codes, OPTIONS);
      expect(second.equals(first)).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('foiWorkbookFileName', () => {
  it('names the request, the device types, the inclusive last day and whether it is suppressed', () => {
    expect(foiWorkbookFileName(report().report)).toBe(
      'foi-FOI_2024_0123-SMART_PLUG-2023-04-01-to-2024-03-31-suppressed-below-5.xlsx',
    );
    const several = report((raw) => {
      raw.meta.deviceTypes = ['SMART_PLUG', 'SMART_SPEAKER'];
      raw.meta.from = '2024-01-01';
      raw.meta.to = '2024-03-01';
      raw.meta.response.requestReference = null;
    }, 0).report;
    expect(foiWorkbookFileName(several)).toBe(
      'foi-SMART_PLUG+SMART_SPEAKER-2024-01-01-to-2024-02-29-NOT-suppressed.xlsx',
    );
  });
});
