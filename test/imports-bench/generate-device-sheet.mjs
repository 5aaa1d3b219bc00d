// Writes a large, valid device import file for measuring the importer:
//   node test/imports-bench/generate-device-sheet.mjs /tmp/devices-100k.xlsx 100000
// (.csv by extension). Streamed with exceljs' writer, so the generator itself stays small.
import { createWriteStream } from 'node:fs';
import ExcelJS from 'exceljs';

const [target = '/tmp/devices-100k.xlsx', countText = '100000'] = process.argv.slice(2);
const count = Number(countText);
const HEADINGS = [
  'Case reference', 'Case kind', 'Offence sub-group', 'Incident category', 'Exhibit reference', 'Device type',
  'Make', 'Model', 'Serial number', 'MAC address', 'Seized at', 'Seized by', 'Seizure location',
  'Power state at seizure', 'Network isolated', 'Evidential use',
];
const TYPES = ['SMART_PLUG', 'SMART_SPEAKER', 'IP_CAMERA', 'SMART_PLUG'];
const SUBGROUPS = ['DRUG_TRAFFICKING', 'THEFT_BURGLARY_RES', 'VAP_STALKING_HARASSMENT'];

function* rows() {
  let n = 0;
  for (let c = 1; n < count; c += 1) {
    const incident = c % 7 === 0;
    const perCase = 1 + (c % 4);
    for (let d = 1; d <= perCase && n < count; d += 1, n += 1) {
      const day = 1 + (n % 28);
      const month = 1 + (n % 12);
      const mac = (0x100000000 + n).toString(16).padStart(12, '0').match(/../g).join(':');
      yield [
        `BENCH/${String(c).padStart(7, '0')}`,
        incident ? 'INCIDENT' : 'CRIME',
        incident ? null : SUBGROUPS[c % SUBGROUPS.length],
        incident ? 'MISSING_PERSON' : null,
        `AB/${d}`,
        TYPES[n % TYPES.length],
        'TP-Link',
        'Tapo P100',
        `SN${n}`,
        mac,
        n % 2 === 0
          ? `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/2023 ${String(n % 24).padStart(2, '0')}:15`
          : new Date(Date.UTC(2023, month - 1, day, 12, 0)),
        `PC${n % 900}`,
        `${n} Example Street`,
        'ON',
        n % 3 === 0 ? 'Yes' : 'No',
        'UNKNOWN',
      ];
    }
  }
}

if (target.endsWith('.csv')) {
  const out = createWriteStream(target);
  const cell = (v) => (v === null ? '' : v instanceof Date ? v.toISOString().slice(0, 16).replace('T', ' ') : String(v));
  out.write(`${HEADINGS.join(',')}\r\n`);
  for (const row of rows()) {
    if (!out.write(`${row.map(cell).join(',')}\r\n`)) await new Promise((r) => out.once('drain', r));
  }
  out.end();
} else {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: target, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet('Devices');
  sheet.addRow(HEADINGS).commit();
  for (const row of rows()) {
    const added = sheet.addRow(row);
    if (row[10] instanceof Date) added.getCell(11).numFmt = 'dd/mm/yyyy hh:mm';
    added.commit();
  }
  sheet.commit();
  await workbook.commit();
}
process.stdout.write(`${target}: ${count} rows\n`);
