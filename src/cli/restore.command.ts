import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { InjectDataSource } from '@nestjs/typeorm';
import { Command, CommandRunner, Option } from 'nest-commander';
import { DataSource } from 'typeorm';
import { AuditEvent } from '../audit/audit-event.entity.js';
import { describeReport } from '../audit/audit-verify.js';
import { inUseByAnother, openSqliteFile, sqliteFileOf } from '../database/sqlite/sqlite-file.js';
import { checkSqliteFile } from './file-check.js';
import { createPrivateFile, prepareSqliteFile, tightenFile } from '../security/private-files.js';
import { CliError } from './cli-error.js';

interface RestoreOptions {
  from?: string;
  force?: boolean;
}

// Checks a backup (integrity_check, audit chain) and only then copies it over the register's database
// (DATABASE_PATH). A database that holds data is replaced only with --force, and is first saved beside
// itself as <database>.pre-restore-<time>. A database another process has open (the server) is refused.
@Command({ name: 'restore', description: 'Check a backup and copy it into place as the register database' })
export class RestoreCommand extends CommandRunner {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  async run(_params: string[], options: RestoreOptions): Promise<void> {
    const file = sqliteFileOf(this.dataSource);
    if (file === null) {
      throw new CliError('restore replaces the SQLite database; for PostgreSQL use pg_restore (see README).');
    }
    if (!options.from) throw new CliError('--from <file> is required');
    const source = resolve(options.from);
    const target = resolve(file);
    if (!existsSync(source)) throw new CliError(`${source} does not exist`);
    if (source === target) throw new CliError('--from is the database itself');

    const check = await checkSqliteFile(source, { readonly: true }).catch((error: Error) => {
      throw new CliError(`${source} is not a readable SQLite database: ${error.message}`);
    });
    if (check.integrity !== 'ok') {
      throw new CliError(`Refused: integrity_check of ${source}: ${check.integrity}`);
    }
    if (!check.audit.intact) throw new CliError(`Refused: ${describeReport(check.audit)}`);

    const held = await this.dataSource.getRepository(AuditEvent).count();
    if (held > 0 && !options.force) {
      throw new CliError(`Refused: ${target} holds ${held} audit events; use --force to replace it.`);
    }
    await this.dataSource.destroy();
    if (existsSync(target) && inUseByAnother(target)) {
      throw new CliError(
        `Refused: ${target} is open in another process (is the server running?). Stop it first.`,
      );
    }
    let saved = '';
    if (held > 0) {
      saved = `${target}.pre-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      createPrivateFile(saved);
      const current = openSqliteFile(target, { fileMustExist: true });
      try {
        await current.backup(saved);
      } finally {
        current.close();
      }
    }

    prepareSqliteFile(target);
    const backup = openSqliteFile(source, { readonly: true, fileMustExist: true });
    try {
      await backup.backup(target);
    } finally {
      backup.close();
    }
    if (saved) tightenFile(saved);
    const after = await checkSqliteFile(target);
    process.stdout.write(
      `Restored ${source} into ${target}.\n` +
        (saved ? `The database it replaced was saved as ${saved}.\n` : '') +
        `integrity_check: ${after.integrity}. ${describeReport(after.audit)}\n`,
    );
    if (after.integrity !== 'ok' || !after.audit.intact) process.exitCode = 1;
  }

  @Option({ flags: '-f, --from <file>', description: 'the backup to restore', required: true })
  parseFrom(value: string): string {
    return value;
  }

  @Option({ flags: '--force', description: 'replace a database that holds data' })
  parseForce(): boolean {
    return true;
  }
}
