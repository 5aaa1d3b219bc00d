import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

// The seam of src/database/: feature folders reach the database through its small interfaces
// (dialect.ts, statements.ts, page-reader.ts, row-inserter.ts, bulk-load.ts), never the SQLite driver
// or a database's own folder, and never ask which database they run on; database/ knows no feature.
const SRC = join(import.meta.dirname, '..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

// The composition root and the command line put the app together (the entity list, the WAL
// checkpointer, backup and restore of the SQLite file); migrations are the schema's own history.
const ROOT = new Set(['app-setup.ts', 'app.module.ts', 'app-entities.ts', 'main.ts']);
const isFeature = (path: string) => {
  const rel = relative(SRC, path);
  return !rel.startsWith('database/') && !rel.startsWith('cli/') && !ROOT.has(rel);
};

describe('the database seam', () => {
  const files = sources(SRC);

  it('no feature folder reads the driver, names a database type or imports database/sqlite or postgres', () => {
    const offences = files.filter(isFeature).flatMap((path) => {
      const text = readFileSync(path, 'utf8');
      const found: string[] = [];
      if (/databaseConnection/.test(text)) found.push('reads driver.databaseConnection');
      if (/options\.type\s*[!=]==/.test(text)) found.push('branches on options.type');
      if (/from '[./]*database\/(sqlite|postgres)\//.test(text))
        found.push('imports database/sqlite|postgres');
      if (/(from |\()['"]better-sqlite3['"]/.test(text)) found.push('loads better-sqlite3');
      return found.map((what) => `${relative(SRC, path)}: ${what}`);
    });
    expect(offences).toEqual([]);
  });

  it('database/ imports no feature (only config and the file-permission helper)', () => {
    const allowed = /^(\.\.\/)*(config\/|security\/private-files\.js)/;
    const offences = files
      .filter((path) => relative(SRC, path).startsWith('database/') && !path.includes('/migrations/'))
      .flatMap((path) =>
        [...readFileSync(path, 'utf8').matchAll(/from '(\.\.\/[^']+)'/g)]
          .map((m) => m[1])
          .filter((target) => {
            const resolved = relative(SRC, join(path, '..', target));
            return !resolved.startsWith('database/') && !allowed.test(resolved);
          })
          .map((target) => `${relative(SRC, path)} imports ${target}`),
      );
    expect(offences).toEqual([]);
  });
});
