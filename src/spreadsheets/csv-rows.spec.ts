import { Readable } from 'node:stream';
import { csvRecords } from './csv-rows.js';
import { csvField, unguardFormula } from './formula-guard.js';
import { SheetLimitError } from './sheet-limits.js';

async function read(...chunks: string[]): Promise<string[][]> {
  const records: string[][] = [];
  for await (const record of csvRecords(Readable.from(chunks.map((c) => Buffer.from(c))))) {
    records.push(record.cells as string[]);
  }
  return records;
}

describe('csvRecords', () => {
  it('reads plain records with LF, CRLF and CR line ends', async () => {
    expect(await read('a,b\nc,d\r\ne,f\rg,h')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
      ['e', 'f'],
      ['g', 'h'],
    ]);
  });

  it('reads quoted fields with commas, doubled quotes and line breaks', async () => {
    expect(await read('"a,1","say ""hi""","two\nlines"\n')).toEqual([['a,1', 'say "hi"', 'two\nlines']]);
  });

  it('keeps records whole across chunk boundaries, including a CRLF split in two', async () => {
    expect(await read('ab,"c', 'd""', 'e",f\r', '\nx,', 'y')).toEqual([
      ['ab', 'cd"e', 'f'],
      ['x', 'y'],
    ]);
  });

  it('drops a leading byte-order mark and skips blank lines', async () => {
    expect(await read('\ufeffh1,h2\n\n1,2\n')).toEqual([
      ['h1', 'h2'],
      ['1', '2'],
    ]);
  });

  it('keeps empty fields, and digits and dates as the text written', async () => {
    expect(await read(',a,,\n001,01/02/2024\n')).toEqual([
      ['', 'a', '', ''],
      ['001', '01/02/2024'],
    ]);
  });

  it('rejects a file that ends inside a quoted field', async () => {
    await expect(read('a,"open')).rejects.toThrow(/quote/i);
  });

  it('stops at a field longer than a cell may be, naming the bound', async () => {
    const error = await read(`a,${'x'.repeat(40_000)}\n`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SheetLimitError);
    expect((error as SheetLimitError).limit).toBe('cellChars');
  });

  it('stops at a record longer than a row may be, or an unclosed quote, without reading on', async () => {
    const chunk = 'y'.repeat(30_000) + ',';
    const error = await read('h\n"', ...Array.from({ length: 100 }, () => chunk)).catch((e: unknown) => e);
    expect((error as SheetLimitError).limit).toBe('rowChars');
  });

  it('stops at a record with more fields than columns allowed', async () => {
    const error = await read(','.repeat(20_000) + '\n').catch((e: unknown) => e);
    expect((error as SheetLimitError).limit).toBe('columns');
  });
});

describe('csvField', () => {
  it('quotes only when needed', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "x"')).toBe('"say ""x"""');
  });

  it('guards text that a spreadsheet would run as a formula, and the importer unguards it', () => {
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(unguardFormula("'=1+1")).toBe('=1+1');
    expect(unguardFormula("'quoted")).toBe("'quoted");
  });
});
