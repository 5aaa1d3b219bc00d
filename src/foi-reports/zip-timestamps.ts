// exceljs zips with JSZip, which stamps every entry with the current time and takes no option to
// change it. The stamps are the only bytes that vary between two builds of the same workbook, so
// this rewrites them in place (local headers and central directory; no checksum covers them).

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const EOCD_MIN_SIZE = 22;

export function setZipTimestamps(zip: Buffer, at: Date): Buffer {
  const out = Buffer.from(zip);
  const { time, date } = dosDateTime(at);
  const eocd = findEndOfCentralDirectory(out);
  const entries = out.readUInt16LE(eocd + 10);
  let p = out.readUInt32LE(eocd + 16);
  for (let i = 0; i < entries; i++) {
    expectSignature(out, p, CENTRAL_SIGNATURE);
    out.writeUInt16LE(time, p + 12);
    out.writeUInt16LE(date, p + 14);
    const local = out.readUInt32LE(p + 42);
    expectSignature(out, local, LOCAL_SIGNATURE);
    out.writeUInt16LE(time, local + 10);
    out.writeUInt16LE(date, local + 12);
    p += 46 + out.readUInt16LE(p + 28) + out.readUInt16LE(p + 30) + out.readUInt16LE(p + 32);
  }
  return out;
}

// MS-DOS date and time, read as UTC; the format spans 1980-2107 at 2-second resolution.
function dosDateTime(at: Date): { time: number; date: number } {
  const year = Math.min(Math.max(at.getUTCFullYear(), 1980), 2107);
  return {
    time: (at.getUTCHours() << 11) | (at.getUTCMinutes() << 5) | Math.floor(at.getUTCSeconds() / 2),
    date: ((year - 1980) << 9) | ((at.getUTCMonth() + 1) << 5) | at.getUTCDate(),
  };
}

function findEndOfCentralDirectory(zip: Buffer): number {
  for (let p = zip.length - EOCD_MIN_SIZE; p >= 0; p--) {
    if (zip.readUInt32LE(p) === EOCD_SIGNATURE) return p;
  }
  throw new Error('not a zip file: no end of central directory');
}

function expectSignature(zip: Buffer, offset: number, signature: number): void {
  if (offset + 4 > zip.length || zip.readUInt32LE(offset) !== signature) {
    throw new Error(`not a zip entry at offset ${offset}`);
  }
}
