import { Role } from '../auth/role.enum.js';
import { formErrors, type FormErrors } from '../pages/form-errors.js';
import { readDate } from '../pages/form-dates.js';
import { codeOptions, validated, withoutBlanks } from '../pages/page-forms.js';
import { PageController, PageGet } from '../pages/page.decorators.js';
import { field, fields, sent, view, type FormBody, type PageRequest, type PageResult } from '../pages/page-request.js';
import { ReferenceDataService } from '../reference-data/reference-data.service.js';
import { FoiReportQueryDto } from './dto/foi-report-query.dto.js';
import { XLSX_CONTENT_TYPE } from './foi-reports.controller.js';
import { FoiReportService } from './foi-report.service.js';

export const FOI_LABELS: Record<string, string> = {
  period: 'Period',
  year: 'Year',
  from: 'From',
  to: 'To',
  deviceType: 'Device types',
  suppressBelow: 'Small numbers',
  requestReference: 'Request reference',
};

// Small numbers are suppressed unless the FOI officer turns it off (the API's default is the setting).
const SUPPRESS_BELOW = '5';

// The FOI answer on screen (one table per question, labels not codes) and the same answer as the workbook.
@PageController()
export class FoiReportsPagesController {
  constructor(
    private readonly reports: FoiReportService,
    private readonly reference: ReferenceDataService,
  ) {}

  @PageGet('/foi', [Role.Foi])
  async answer(page: PageRequest): Promise<PageResult> {
    const asked = field(page.query, 'asked') === '1';
    let errors: FormErrors | undefined;
    let report;
    let downloadQuery = '';
    if (asked) {
      try {
        const params = this.params(page.query);
        report = await this.reports.report(await validated(FoiReportQueryDto, params));
        downloadQuery = new URLSearchParams(
          Object.entries(params).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => [k, x]) : [[k, String(v)]])),
        ).toString();
      } catch (error) {
        errors = formErrors(error, FOI_LABELS, { from: 'from-day', to: 'to-day', deviceType: 'deviceType' });
      }
    }
    return view(
      'foi-reports/views/foi.njk',
      {
        title: report ? 'FOI answer' : 'Answer an FOI question',
        values: page.query,
        chosenTypes: asked ? fields(page.query, 'deviceType') : ['SMART_PLUG'],
        suppress: asked ? field(page.query, 'suppress') === 'on' : true,
        deviceTypes: codeOptions(this.reference, 'device-types', null, ''),
        errors,
        report,
        downloadQuery,
      },
      errors?.status ?? 200,
    );
  }

  @PageGet('/foi/workbook', [Role.Foi])
  async workbook(page: PageRequest): Promise<PageResult> {
    const file = await this.reports.workbook(await validated(FoiReportQueryDto, this.plain(page.query)));
    await page.reply
      .type(XLSX_CONTENT_TYPE)
      .header('content-disposition', `attachment; filename="${file.fileName}"`)
      .send(file.content);
    return sent();
  }

  // The form's fields as the API's query parameters.
  private params(query: FormBody): Record<string, unknown> {
    const period = field(query, 'period');
    const values: Record<string, unknown> = {
      deviceType: fields(query, 'deviceType'),
      suppressBelow: field(query, 'suppress') === 'on' ? SUPPRESS_BELOW : '0',
      requestReference: field(query, 'requestReference'),
    };
    if (period === 'dates') {
      values.from = readDate(query, 'from', FOI_LABELS.from) ?? '';
      values.to = readDate(query, 'to', FOI_LABELS.to) ?? '';
    } else {
      values.period = period;
      if (period !== 'last-12-months') values.year = field(query, 'year');
    }
    const plain = withoutBlanks(values);
    if ((plain.deviceType as string[] | undefined)?.length === 0) delete plain.deviceType;
    return plain;
  }

  private plain(query: FormBody): Record<string, unknown> {
    const keys = ['deviceType', 'from', 'to', 'period', 'year', 'suppressBelow', 'requestReference'];
    return Object.fromEntries(keys.filter((k) => query[k] !== undefined).map((k) => [k, k === 'deviceType' ? fields(query, k) : field(query, k)]));
  }
}
