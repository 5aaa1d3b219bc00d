import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { ConfigType } from '@nestjs/config';
import { Inject } from '@nestjs/common';
import { DateTime } from 'luxon';
import { Role } from '../auth/role.enum.js';
import { appConfig } from '../config/app.config.js';
import { formErrors, type FormErrors } from '../pages/form-errors.js';
import { readDate } from '../pages/form-dates.js';
import { codeOptions, validated, withoutBlanks } from '../pages/page-forms.js';
import { PageController, PageGet, PagePost } from '../pages/page.decorators.js';
import { actor, field, sent, view, type PageRequest, type PageResult } from '../pages/page-request.js';
import { ReferenceDataService } from '../reference-data/reference-data.service.js';
import { DeviceExportService } from '../exports/device-export.service.js';
import { DeviceImportService } from './device-import.service.js';
import { DeviceExportQueryDto } from '../exports/dto/device-export-query.dto.js';
import { writeErrorsWorkbook } from './errors-workbook.js';
import { csvStream, xlsxStream } from '../exports/export-writers.js';
import { XLSX_TYPE } from './imports.controller.js';
import { writeTemplate } from './template-workbook.js';
import { saveUpload, tempDir } from './upload.js';

// An errors workbook waits this long for its download, for the user who uploaded the file only.
const ERRORS_KEPT_MS = 15 * 60_000;

// Upload (dry run first), the row errors as a table with the errors workbook, and exports.
@PageController()
export class ImportsPagesController {
  private readonly errorWorkbooks = new Map<string, { userId: string; path: string; name: string; remove: () => Promise<void> }>();

  constructor(
    private readonly imports: DeviceImportService,
    private readonly exports: DeviceExportService,
    private readonly reference: ReferenceDataService,
    @Inject(appConfig.KEY) private readonly app: ConfigType<typeof appConfig>,
  ) {}

  @PageGet('/imports', [Role.ExhibitsOfficer])
  async form(): Promise<PageResult> {
    return view('imports/views/imports.njk', { title: 'Import a spreadsheet', dryRun: true });
  }

  @PagePost('/imports', [Role.ExhibitsOfficer], { multipart: true })
  async upload(page: PageRequest): Promise<PageResult> {
    const dryRun = field(page.query, 'dryRun') !== 'false';
    let upload;
    try {
      upload = await saveUpload(page.request);
    } catch (error) {
      return view('imports/views/imports.njk', { title: 'Import a spreadsheet', dryRun, errors: formErrors(error, { file: 'File' }) }, 400);
    }
    let keep = false;
    try {
      const result = await this.imports.importFile(upload.path, { dryRun, actor: actor(page) });
      let errorsLink: string | undefined;
      if (!result.accepted && result.errors.length > 0) {
        const id = randomUUID();
        const target = join(upload.dir, 'errors.xlsx');
        await writeErrorsWorkbook(upload.path, result.format, result, target);
        const name = `${upload.fileName.replace(/\.(xlsx|csv)$/i, '').replace(/[^\w.-]/g, '_')}-errors.xlsx`;
        this.errorWorkbooks.set(id, { userId: page.user!.id, path: target, name, remove: upload.remove });
        setTimeout(() => void this.forget(id), ERRORS_KEPT_MS).unref();
        errorsLink = `/imports/errors/${id}`;
        keep = true;
      }
      return view(
        'imports/views/imports.njk',
        { title: result.accepted ? 'Import checked' : 'Import a spreadsheet', result, errorsLink, dryRun: !(result.accepted && dryRun) },
        result.accepted ? 200 : 422,
      );
    } catch (error) {
      return view('imports/views/imports.njk', { title: 'Import a spreadsheet', dryRun, errors: formErrors(error, { file: 'File' }) }, 400);
    } finally {
      if (!keep) await upload.remove();
    }
  }

  @PageGet('/imports/errors/:id', [Role.ExhibitsOfficer])
  async errorsWorkbook(page: PageRequest): Promise<PageResult> {
    const kept = this.errorWorkbooks.get(page.params.id);
    if (!kept || kept.userId !== page.user!.id) {
      return view('pages/views/not-found.njk', { title: 'Page not found', detail: 'This errors workbook has expired: upload the file again.' }, 404);
    }
    await page.reply.type(XLSX_TYPE).header('content-disposition', `attachment; filename="${kept.name}"`).send(createReadStream(kept.path));
    return sent();
  }

  @PageGet('/imports/template.xlsx', [Role.ExhibitsOfficer])
  async template(page: PageRequest): Promise<PageResult> {
    const temp = await tempDir();
    const target = join(temp.dir, 'template.xlsx');
    await writeTemplate(target, this.reference);
    const stream = createReadStream(target);
    stream.on('close', () => void temp.remove());
    await page.reply.type(XLSX_TYPE).header('content-disposition', 'attachment; filename="devices-import-template.xlsx"').send(stream);
    return sent();
  }

  @PageGet('/exports', [Role.ExhibitsOfficer, Role.Lab])
  async exportForm(page: PageRequest): Promise<PageResult> {
    return view('imports/views/exports.njk', {
      title: 'Export devices',
      values: page.query,
      deviceTypes: codeOptions(this.reference, 'device-types', field(page.query, 'deviceType'), 'Any'),
      statuses: codeOptions(this.reference, 'custody-statuses', field(page.query, 'custodyStatus'), 'Any'),
    });
  }

  @PageGet('/exports/download', [Role.ExhibitsOfficer, Role.Lab])
  async download(page: PageRequest): Promise<PageResult> {
    const q = page.query;
    try {
      const zone = this.app.timeZone;
      const from = readDate(q, 'seizedFrom', 'Seized from');
      const to = readDate(q, 'seizedTo', 'Seized before');
      const query = await validated(
        DeviceExportQueryDto,
        withoutBlanks({
          deviceType: field(q, 'deviceType') ? [field(q, 'deviceType')] : '',
          custodyStatus: field(q, 'custodyStatus'),
          seizedFrom: from ? DateTime.fromISO(from, { zone }).toISO()! : '',
          seizedTo: to ? DateTime.fromISO(to, { zone }).toISO()! : '',
        }),
      );
      const source = this.exports.prepare(query, page.user!.role);
      const csv = field(q, 'format') === 'csv';
      const name = `devices-${DateTime.now().toFormat('yyyy-MM-dd')}.${csv ? 'csv' : 'xlsx'}`;
      await page.reply
        .type(csv ? 'text/csv; charset=utf-8' : XLSX_TYPE)
        .header('content-disposition', `attachment; filename="${name}"`)
        .send(csv ? csvStream(source) : xlsxStream(source));
      return sent();
    } catch (error) {
      const errors: FormErrors = formErrors(error, { seizedFrom: 'Seized from', seizedTo: 'Seized before', deviceType: 'Device type', custodyStatus: 'Custody status' }, { seizedFrom: 'seizedFrom-day', seizedTo: 'seizedTo-day' });
      return view('imports/views/exports.njk', {
        title: 'Export devices',
        values: q,
        errors,
        deviceTypes: codeOptions(this.reference, 'device-types', field(q, 'deviceType'), 'Any'),
        statuses: codeOptions(this.reference, 'custody-statuses', field(q, 'custodyStatus'), 'Any'),
      }, errors.status);
    }
  }

  private async forget(id: string): Promise<void> {
    const kept = this.errorWorkbooks.get(id);
    this.errorWorkbooks.delete(id);
    await kept?.remove();
  }
}
