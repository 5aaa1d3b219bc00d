import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import { ValidationFailedError } from '../common/errors.js';

export interface SavedUpload {
  path: string;
  fileName: string;
  dir: string;
  remove: () => Promise<void>;
}

export async function tempDir(): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'register-import-'));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

const NEED_FILE = 'send the spreadsheet (.xlsx or .csv) as multipart/form-data in a field named "file"';

// The uploaded file is streamed to a temporary file (read twice: checked, then written); @fastify/multipart
// stops it at the upload limit with 413.
export async function saveUpload(request: FastifyRequest): Promise<SavedUpload> {
  if (!request.isMultipart()) throw new ValidationFailedError([{ field: 'file', message: NEED_FILE }]);
  const part = await request.file();
  if (!part) throw new ValidationFailedError([{ field: 'file', message: NEED_FILE }]);
  const temp = await tempDir();
  const path = join(temp.dir, 'upload');
  try {
    await pipeline(part.file, createWriteStream(path));
  } catch (error) {
    await temp.remove();
    throw error;
  }
  return { path, fileName: basename(part.filename || 'devices.xlsx'), dir: temp.dir, remove: temp.remove };
}
