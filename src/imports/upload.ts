import { createWriteStream } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import { DomainError, TooLargeError, ValidationFailedError } from '../common/errors.js';
import { SHEET_LIMITS } from '../spreadsheets/sheet-limits.js';

export interface SavedUpload {
  path: string;
  fileName: string;
  dir: string;
  remove: () => Promise<void>;
}

// Temporary folders carry the process id, so that a later start can tell its own leftovers (a crash
// mid-import) from the live folders of another process (a command-line import, a second server).
const PREFIX = 'register-import-';

export async function tempDir(): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), `${PREFIX}${process.pid}-`));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes the temporary folders of processes that have ended; returns how many. */
export async function sweepStaleUploads(root = tmpdir()): Promise<number> {
  let swept = 0;
  for (const name of await readdir(root).catch(() => [] as string[])) {
    const pid = name.startsWith(PREFIX) ? parseInt(name.slice(PREFIX.length), 10) : NaN;
    if (!Number.isInteger(pid) || pid === process.pid || alive(pid)) continue;
    await rm(join(root, name), { recursive: true, force: true }).catch(() => undefined);
    swept += 1;
  }
  return swept;
}

const NEED_FILE = 'send the spreadsheet (.xlsx or .csv) as multipart/form-data in a field named "file"';
const MiB = 1024 * 1024;

// busboy's and @fastify/multipart's own errors: a body cut short or malformed is the sender's (400).
function uploadProblem(error: unknown): unknown {
  if (error instanceof DomainError) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new ValidationFailedError(
    [{ field: 'file', message: `the multipart/form-data body is incomplete or malformed (${reason})` }],
    'The upload could not be read.',
  );
}

// The one file part (field "file") is streamed to a temporary file (read twice: checked, then written).
// Over uploadBytes: 413, nothing kept. A second file or any other form field: 400 naming it.
export async function saveUpload(request: FastifyRequest): Promise<SavedUpload> {
  if (!request.isMultipart()) throw new ValidationFailedError([{ field: 'file', message: NEED_FILE }]);
  const temp = await tempDir();
  const path = join(temp.dir, 'upload');
  let fileName: string | null = null;
  try {
    for await (const part of request.parts()) {
      if (part.type !== 'file') {
        throw new ValidationFailedError(
          [
            {
              field: part.fieldname,
              message: `unexpected form field "${part.fieldname.slice(0, 64)}"; ${NEED_FILE}, and nothing else`,
            },
          ],
          `The upload has an unexpected form field "${part.fieldname.slice(0, 64)}".`,
        );
      }
      if (part.fieldname !== 'file' || fileName !== null) {
        part.file.resume();
        const message =
          fileName !== null
            ? 'send one file only'
            : `unexpected file field "${part.fieldname.slice(0, 64)}"; ${NEED_FILE}`;
        throw new ValidationFailedError(
          [{ field: part.fieldname, message }],
          `The upload has ${fileName !== null ? 'a second file' : 'an unexpected file field'}.`,
        );
      }
      await pipeline(part.file, createWriteStream(path));
      if (part.file.truncated) {
        throw new TooLargeError(
          `The file is larger than the ${SHEET_LIMITS.uploadBytes / MiB} MiB an import may be (limit uploadBytes: ${SHEET_LIMITS.uploadBytes} bytes); nothing was imported.`,
          'uploadBytes',
          SHEET_LIMITS.uploadBytes,
        );
      }
      fileName = basename(part.filename || 'devices.xlsx');
    }
  } catch (error) {
    await temp.remove();
    throw uploadProblem(error);
  }
  if (fileName === null) {
    await temp.remove();
    throw new ValidationFailedError([{ field: 'file', message: NEED_FILE }]);
  }
  return { path, fileName, dir: temp.dir, remove: temp.remove };
}
