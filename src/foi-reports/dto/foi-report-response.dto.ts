import { ApiExtraModels, ApiProperty, getSchemaPath } from '@nestjs/swagger';
import type { LabelledFoiReport, LabelledQ2Row } from '../foi-labels.js';
import type { FoiQuestion, FoiResponseMeta, SuppressedCell, SuppressionReason } from '../foi-report.types.js';

// The FOI report's JSON shape for the contract: the report as served (LabelledFoiReport, foi-labels.ts:
// the figures of foi-report.types.ts with a label beside each code). Every DTO implements its part of
// that type, and the check at the end assigns the type to the DTO: a field added, dropped or retyped on
// either side fails the build.
type R = LabelledFoiReport;
type Q4 = R['q4'];
type Q2RowOf<K> = Extract<LabelledQ2Row, { kind: K }>;
type ReportMeta = R['meta'];
type MonthCount = R['q1']['byMonth'][number];
type DeviceTypeCount = R['q1']['byDeviceType'][number];
type Q1 = R['q1'];
type Q2 = R['q2'];
type CourtResultCount = R['q3']['byCourtResult'][number];
type Q3 = R['q3'];
type ScopeHistoryEntry = Q4['history'][number];
type ScopeOnDate = Q4['atWindowEnd'];
type DeviceTypeScope = Q4['byDeviceType'][number];
type ScopeStatusCount = Q4['examinationsByScopeStatus'][number];
type Q5 = R['q5'];
type Backlog = R['backlog'];

// A published count is an integer, or a suppression marker: "<N" (1..N-1 hidden by the small-number rule) or "[c]" (hidden so that a hidden
// count cannot be worked out from a total).
export const COUNT_SCHEMA = {
  oneOf: [
    { type: 'integer', minimum: 0 },
    { type: 'string', pattern: '^(<[0-9]+|\\[c\\])$', description: 'A suppressed count: "<5" or "[c]".' },
  ],
  description: 'A count, or a suppression marker ("<N" or "[c]") when the count is suppressed.',
};
const Count = (description?: string) =>
  ApiProperty({ ...COUNT_SCHEMA, ...(description ? { description } : {}) });

export class FoiSuppressedCellDto implements SuppressedCell {
  @ApiProperty({ enum: ['Q1', 'Q2', 'Q3', 'Q4', 'Q5', 'Backlog'] })
  question: FoiQuestion;
  row: string;
  column: string;
  @ApiProperty({ enum: ['primary', 'secondary'] })
  reason: SuppressionReason;
}

export class FoiResponseMetaDto implements FoiResponseMeta {
  forceName: string;
  requestReference: string | null;
  /** Local date the request was received (YYYY-MM-DD). */
  receivedOn: string | null;
  /** Local date of the response (YYYY-MM-DD). */
  respondedOn: string;
}

export class FoiReportMetaDto implements ReportMeta {
  /** The device types counted (["ALL"] for every type). */
  deviceTypes: string[];
  /** The device families asked for (deviceFamily), if any. */
  deviceFamilies: string[];
  /** First local date of the window (YYYY-MM-DD, inclusive). */
  from: string;
  /** Local date the window ends (YYYY-MM-DD, exclusive). */
  to: string;
  /** UTC instant of local midnight at `from`. */
  start: string;
  /** UTC instant of local midnight at `to`. */
  end: string;
  /** The date Q4 reads the scope register on. */
  scopeOn: string;
  timeZone: string;
  /** How the window was asked for (e.g. financial-year), when a period was used. */
  period?: string;
  generatedAt: string;
  rulesVersion: string;
  /** Same question on the same records → same fingerprint. */
  fingerprint: string;
  /** Counts 1..N-1 are shown as "<N"; 0 = no suppression. */
  @ApiProperty({ type: 'integer', minimum: 0 })
  suppressBelow: number;
  suppressedCells: FoiSuppressedCellDto[];
  /** Who answers which request, and when (for the cover and footers; not part of the fingerprint). */
  response: FoiResponseMetaDto;
  /** The label of each of deviceTypes. */
  deviceTypeLabels: string[];
  /** The label of each of deviceFamilies. */
  deviceFamilyLabels: string[];
}

export class FoiMonthCountDto implements MonthCount {
  /** YYYY-MM */
  month: string;
  @Count()
  devices: number | string;
}

export class FoiDeviceTypeCountDto implements DeviceTypeCount {
  deviceType: string;
  deviceTypeLabel: string;
  @Count()
  devices: number | string;
}

export class FoiQ1Dto implements Q1 {
  @Count('Devices of the type(s) seized in the window (voided records never count).')
  total: number | string;
  byMonth: FoiMonthCountDto[];
  byDeviceType: FoiDeviceTypeCountDto[];
}

export class FoiQ2CrimeRowDto implements Q2RowOf<'CRIME'> {
  @ApiProperty({ enum: ['CRIME'] })
  kind: 'CRIME';
  kindLabel: string;
  offenceGroup: string;
  offenceGroupLabel: string;
  offenceSubgroup: string;
  offenceSubgroupLabel: string;
  @Count()
  devices: number | string;
  @Count('Distinct cases.')
  cases: number | string;
}

export class FoiQ2IncidentRowDto implements Q2RowOf<'INCIDENT'> {
  @ApiProperty({ enum: ['INCIDENT'] })
  kind: 'INCIDENT';
  kindLabel: string;
  incidentCategory: string;
  incidentCategoryLabel: string;
  @Count()
  devices: number | string;
  @Count('Distinct cases.')
  cases: number | string;
}

export class FoiQ2UnrecordedRowDto implements Q2RowOf<'UNRECORDED'> {
  @ApiProperty({ enum: ['UNRECORDED'] })
  kind: 'UNRECORDED';
  kindLabel: string;
  @Count()
  devices: number | string;
  @Count('Distinct cases.')
  cases: number | string;
}

@ApiExtraModels(FoiQ2CrimeRowDto, FoiQ2IncidentRowDto, FoiQ2UnrecordedRowDto)
export class FoiQ2Dto implements Q2 {
  @ApiProperty({
    type: 'array',
    items: {
      oneOf: [
        { $ref: getSchemaPath(FoiQ2CrimeRowDto) },
        { $ref: getSchemaPath(FoiQ2IncidentRowDto) },
        { $ref: getSchemaPath(FoiQ2UnrecordedRowDto) },
      ],
      discriminator: {
        propertyName: 'kind',
        mapping: {
          CRIME: getSchemaPath(FoiQ2CrimeRowDto),
          INCIDENT: getSchemaPath(FoiQ2IncidentRowDto),
          UNRECORDED: getSchemaPath(FoiQ2UnrecordedRowDto),
        },
      },
    },
    description: 'By offence group/sub-group, by incident category, and UNRECORDED (always listed).',
  })
  rows: (FoiQ2CrimeRowDto | FoiQ2IncidentRowDto | FoiQ2UnrecordedRowDto)[];
}

export class FoiCourtResultCountDto implements CourtResultCount {
  courtResult: string;
  courtResultLabel: string;
  @Count()
  cases: number | string;
}

export class FoiQ3Dto implements Q3 {
  @Count('Distinct cases of the devices counted in Q1.')
  cases: number | string;
  @Count('Police outcome 1 or 1A, or a court stage other than NOT_CHARGED.')
  casesProgressedToCourt: number | string;
  byCourtResult: FoiCourtResultCountDto[];
  @Count()
  devicesServedAsEvidence: number | string;
  @Count()
  casesWithDeviceDataServedAsEvidence: number | string;
}

export class FoiScopeHistoryEntryDto implements ScopeHistoryEntry {
  effectiveFrom: string;
  status: string;
  statusLabel: string;
  scopeType: string | null;
  scopeTypeLabel: string | null;
}

export class FoiScopeOnDateDto implements ScopeOnDate {
  /** The local date (YYYY-MM-DD). */
  on: string;
  status: string;
  statusLabel: string;
  scopeType: string | null;
  scopeTypeLabel: string | null;
  scheduleReference: string | null;
  since: string | null;
}

export class FoiDeviceTypeScopeDto implements DeviceTypeScope {
  deviceType: string;
  deviceTypeLabel: string;
  status: string;
  statusLabel: string;
  scopeType: string | null;
  scopeTypeLabel: string | null;
  scheduleReference: string | null;
  since: string | null;
  history: FoiScopeHistoryEntryDto[];
  /** The status on the window's last day. */
  atWindowEnd: FoiScopeOnDateDto;
  /** The rows of the history in force at some time within the window. */
  historyInWindow: FoiScopeHistoryEntryDto[];
}

export class FoiScopeStatusCountDto implements ScopeStatusCount {
  scopeStatus: string;
  scopeStatusLabel: string;
  @Count()
  examinations: number | string;
}

export class FoiQ4Dto implements Q4 {
  /** The scope register's status on scopeOn (for the first device type asked for). */
  status: string;
  statusLabel: string;
  scopeType: string | null;
  scopeTypeLabel: string | null;
  scheduleReference: string | null;
  since: string | null;
  history: FoiScopeHistoryEntryDto[];
  /** The status on the window's last day (Q4 is answered on scopeOn). */
  atWindowEnd: FoiScopeOnDateDto;
  /** The rows of the history in force at some time within the window. */
  historyInWindow: FoiScopeHistoryEntryDto[];
  examinationsByScopeStatus: FoiScopeStatusCountDto[];
  /** The status per device type asked for (ALL: ALL_DIGITAL first, then every type with rows of its own). */
  byDeviceType: FoiDeviceTypeScopeDto[];
}

export class FoiQ5Dto implements Q5 {
  @ApiProperty({ enum: [true] })
  withheld: true;
  @ApiProperty({ enum: ['s.30(1)(a)(b)'] })
  exemption: 's.30(1)(a)(b)';
  @Count('Examinations of the type(s) started in the window.')
  examinationsRecorded: number | string;
}

export class FoiBacklogDto implements Backlog {
  @Count(
    'Devices with an examination requested before the window ends and neither completed nor cancelled by then.',
  )
  awaitingExaminationAtEnd: number | string;

  @ApiProperty({
    type: 'number',
    nullable: true,
    description: 'Median days from seizure to completion; null when none completed (or too few to publish).',
  })
  medianDaysSeizureToCompletion: number | null;
}

export class FoiReportResponseDto implements LabelledFoiReport {
  meta: FoiReportMetaDto;
  q1: FoiQ1Dto;
  q2: FoiQ2Dto;
  q3: FoiQ3Dto;
  q4: FoiQ4Dto;
  q5: FoiQ5Dto;
  backlog: FoiBacklogDto;
}

// The other direction: the report as served is a FoiReportResponseDto (nothing the DTO requires is
// missing from the type, nothing is typed differently).
const servedIsDocumented = (report: LabelledFoiReport): FoiReportResponseDto => report;
void servedIsDocumented;
