import { Role } from '../auth/role.enum.js';
import { formErrors, type FormErrors } from '../pages/form-errors.js';
import { type SelectItem } from '../pages/page-forms.js';
import { PageController, PageGet } from '../pages/page.decorators.js';
import { field, type FormBody, type PageRequest, type PageResult, view } from '../pages/page-request.js';
import { ReferenceDataService } from '../reference-data/reference-data.service.js';
import type { CountRow, CountsResponse } from './counts-response.js';
import { DIMENSIONS, MEASURE_LABELS, MEASURES } from './dimensions.js';
import { FoiCountsService } from './foi-counts.service.js';

// "Build a count" for the FOI team: the form of GET /api/foi/counts with the dimensions by their labels,
// and the table on screen (the same service, so the same numbers and the same suppression).
const LABELS: Record<string, string> = {
  measure: 'What to count',
  by: 'Split by',
  dateBasis: 'Date of the examination',
  period: 'Period',
  year: 'Year',
  from: 'From',
  to: 'To',
  deviceFamily: 'Device family',
  deviceType: 'Device type',
  suppressBelow: 'Hide counts below',
  filterCodes: 'Codes to keep',
};
const BY_FIELDS = ['by1', 'by2', 'by3'] as const;

@PageController()
export class FoiCountsPagesController {
  constructor(
    private readonly counts: FoiCountsService,
    private readonly reference: ReferenceDataService,
  ) {}

  @PageGet('/foi/counts', [Role.Foi])
  async build(page: PageRequest): Promise<PageResult> {
    const q = page.query;
    let errors: FormErrors | undefined;
    let answer: CountsResponse | undefined;
    if (field(q, 'measure')) {
      const filterDimension = field(q, 'filterDimension');
      try {
        answer = await this.counts.counts(this.toQuery(q));
      } catch (error) {
        const filterField = filterDimension ? `filter[${filterDimension}]` : 'filter';
        errors = formErrors(
          error,
          { ...LABELS, [filterField]: LABELS.filterCodes },
          {
            by: 'by1',
            [filterField]: 'filterCodes',
            period: 'period',
          },
        );
      }
    }
    return view(
      'foi-counts/views/build.njk',
      {
        title: answer ? 'Count' : 'Build a count',
        errors,
        values: q,
        measures: MEASURES.map((m) => ({
          value: m,
          text: MEASURE_LABELS[m],
          checked: (field(q, 'measure') || 'devices') === m,
        })),
        dimensionsFor: BY_FIELDS.map((name) => this.dimensionOptions(field(q, name), 'None')),
        filterDimensions: this.dimensionOptions(field(q, 'filterDimension'), 'No filter'),
        families: this.options('device-families', field(q, 'deviceFamily'), 'All device types'),
        periods: [
          { value: 'last-12-months', text: 'The last 12 whole months' },
          { value: 'financial-year', text: 'A financial year (1 April to 31 March)' },
          { value: 'calendar-year', text: 'A calendar year' },
          { value: 'custom', text: 'From and to dates' },
        ].map((p) => ({ ...p, selected: (field(q, 'period') || 'last-12-months') === p.value })),
        dateBases: [
          { value: 'startedAt', text: 'Started' },
          { value: 'requestedAt', text: 'Requested' },
          { value: 'completedAt', text: 'Completed' },
        ].map((d) => ({ ...d, selected: field(q, 'dateBasis') === d.value })),
        answer,
        tables: answer ? this.tables(answer) : [],
        apiQuery: answer ? new URLSearchParams(this.flatQuery(q)).toString() : '',
      },
      errors ? errors.status : 200,
    );
  }

  private toQuery(q: FormBody): Record<string, unknown> {
    return Object.fromEntries(Object.entries(this.flatQuery(q)));
  }

  // The form's fields as the API's parameters.
  private flatQuery(q: FormBody): Record<string, string> {
    const out: Record<string, string> = { measure: field(q, 'measure') };
    const by = BY_FIELDS.map((name) => field(q, name)).filter((v) => v !== '');
    if (by.length > 0) out.by = by.join(',');
    const period = field(q, 'period') || 'last-12-months';
    if (period === 'custom') {
      out.from = field(q, 'from');
      out.to = field(q, 'to');
    } else {
      out.period = period;
      if (period !== 'last-12-months') out.year = field(q, 'year');
    }
    if (out.measure === 'examinations' && field(q, 'dateBasis')) out.dateBasis = field(q, 'dateBasis');
    if (field(q, 'deviceFamily')) out.deviceFamily = field(q, 'deviceFamily');
    if (field(q, 'suppressBelow')) out.suppressBelow = field(q, 'suppressBelow');
    const filterDimension = field(q, 'filterDimension');
    if (filterDimension) out[`filter[${filterDimension}]`] = field(q, 'filterCodes');
    return out;
  }

  private dimensionOptions(selected: string, blank: string): SelectItem[] {
    return [
      { value: '', text: blank, selected: !selected },
      ...DIMENSIONS.map((d) => ({ value: d.name, text: d.label, selected: d.name === selected })),
    ];
  }

  private options(list: string, selected: string, blank: string): SelectItem[] {
    return [
      { value: '', text: blank, selected: !selected },
      ...this.reference
        .items(list)
        .map((i) => ({ value: i.code, text: i.label, selected: i.code === selected })),
    ];
  }

  // The inner table and each margin as govukTable rows: labels, then the count (a number or its marker).
  private tables(answer: CountsResponse) {
    const table = (by: string[], rows: CountRow[], caption: string) => {
      const dims = answer.meta.by.filter((d) => by.includes(d.name));
      return {
        caption,
        head: [
          ...dims.map((d) => ({ text: d.label })),
          { text: answer.meta.measureLabel, format: 'numeric' },
        ],
        rows: rows.map((r) => [
          ...dims.map((d) => ({ text: String(r[`${d.name}Label`]) })),
          {
            text: typeof r.count === 'number' ? r.count.toLocaleString('en-GB') : String(r.count),
            format: 'numeric',
          },
        ]),
      };
    };
    const names = answer.meta.by.map((d) => d.name);
    return [
      ...(answer.rows.length > 0 && names.length > 0 ? [table(names, answer.rows, 'The table')] : []),
      ...answer.totals.map((m) =>
        table(
          m.by,
          m.rows,
          `Totals by ${answer.meta.by
            .filter((d) => m.by.includes(d.name))
            .map((d) => d.label.toLowerCase())
            .join(' and ')}`,
        ),
      ),
    ];
  }
}
