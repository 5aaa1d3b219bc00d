import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { InjectDataSource } from '@nestjs/typeorm';
import { Command, CommandRunner, Option } from 'nest-commander';
import { DataSource } from 'typeorm';
import { describeReport } from '../audit/audit-verify.js';
import { backupLive, openSqliteFile, sqliteFileOf } from '../database/sqlite/sqlite-file.js';
import { checkSqliteFile } from './file-check.js';
import { createPrivateFile, tightenFile } from '../security/private-files.js';
import { CliError } from './cli-error.js';

interface BackupOptions {
  out?: string;
  force?: boolean;
}

// SQLite's online backup API: a consistent copy while the server keeps serving. The copy is checked
// (integrity_check, audit chain) before it is put at --out, so a backup that exists is a good one.
@Command({ name: 'backup', description: 'Write a consistent, checked copy of the live SQLite database' })
export class BackupCommand extends CommandRunner {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  async run(_params: string[], options: BackupOptions): Promise<void> {
    const file = sqliteFileOf(this.dataSource);
    if (file === null) {
      throw new CliError('backup copies the SQLite database; for PostgreSQL use pg_dump (see README).');
    }
    if (!options.out) throw new CliError('--out <file> is required');
    const target = resolve(options.out);
    const source = resolve(file);
    if (target === source) throw new CliError('--out must not be the database itself');
    if (existsSync(target) && !options.force) {
      throw new CliError(`${target} exists; use --force to replace it`);
    }
    const partial = `${target}.partial`;
    rmSync(partial, { force: true });
    // Owner-only from its first byte (a new folder 0700): a backup holds everything the register does.
    createPrivateFile(partial);
    try {
      await backupLive(this.dataSource, partial);
      // A single self-contained file (no -wal beside it).
      const copy = openSqliteFile(partial, { fileMustExist: true });
      copy.pragma('journal_mode = DELETE');
      copy.close();
    } catch (error) {
      rmSync(partial, { force: true });
      throw error;
    }
    const check = await checkSqliteFile(partial);
    if (check.integrity !== 'ok' || !check.audit.intact) {
      rmSync(partial, { force: true });
      throw new CliError(
        `The copy failed its checks and was not kept: integrity ${check.integrity}; ${describeReport(check.audit)}`,
      );
    }
    renameSync(partial, target);
    tightenFile(target);
    process.stdout.write(
      `Backup of ${source} written to ${target} (${statSync(target).size} bytes).\n` +
        `integrity_check: ok. ${describeReport(check.audit)}\n`,
    );
  }

  @Option({ flags: '-o, --out <file>', description: 'where to write the backup', required: true })
  parseOut(value: string): string {
    return value;
  }

  @Option({ flags: '--force', description: 'replace --out if it exists' })
  parseForce(): boolean {
    return true;
  }
}
