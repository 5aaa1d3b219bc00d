import { csvField, csvRecords, unguardFormula } from './csv-records.js';

async function read(...chunks: string[]): Promise<string[][]> {
  const records: string[][] = [];
  async function* source() {
    yield* chunks;
  }
  for await (const record of csvRecords(source())) records.push(record);
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

  it('keeps empty fields', async () => {
    expect(await read(',a,,\n')).toEqual([['', 'a', '', '']]);
  });

  it('rejects a file that ends inside a quoted field', async () => {
    await expect(read('a,"open')).rejects.toThrow(/inside a quoted field/);
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
