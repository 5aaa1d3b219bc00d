import { ALL_DIGITAL } from '../accreditation/scope.js';
import type { ReferenceDataService } from '../reference-data/reference-data.service.js';
import type { ReferenceListName } from '../reference-data/reference-lists.js';
import type { FoiReportResponse } from './foi-report-response.js';

// Words, not codes: every code a requester reads is shown by its reference list's label. The JSON keeps
// its codes and carries the label beside each (`deviceType` + `deviceTypeLabel`); the workbook prints
// the labels and lists the codes in its "Codes" appendix. Shared by every FOI answer (report, counts).

// The lists FOI answers print, plus the few codes that are not in a reference list.
export type LabelList = ReferenceListName | 'q2-kinds';

export type LabelOf = (list: LabelList, code: string) => string;

export interface CodeUsed {
  list: LabelList;
  code: string;
  label: string;
}

const EXTRA_LABELS: Partial<Record<LabelList, Record<string, string>>> = {
  'q2-kinds': {
    CRIME: 'Crime',
    INCIDENT: 'Non-crime incident',
    UNRECORDED: 'Not recorded (the case has no offence or incident classification)',
  },
  'court-results': {
    AWAITING_RESULT: 'Awaiting a court result (progressed to court, no result recorded yet)',
  },
  'device-types': {
    ALL: 'All device types',
    [ALL_DIGITAL]: 'All digital forensic examination (the whole schedule)',
  },
};

// A list's label for a code; an unknown code is shown as itself (a label is never invented).
export function referenceLabels(reference: Pick<ReferenceDataService, 'get'>): LabelOf {
  return (list, code) => {
    const extra = EXTRA_LABELS[list]?.[code];
    if (extra !== undefined) return extra;
    if (list === 'q2-kinds') return code;
    return reference.get(list, code)?.label ?? code;
  };
}

// A scope type's short wording for sentences: "flexible scope" from "Flexible scope - new or …".
export function shortScopeType(label: string): string {
  const head = label.split(' - ')[0].trim();
  return head.charAt(0).toLowerCase() + head.slice(1);
}

// "Accredited (flexible scope)", or the status alone when no scope type applies.
export function statusWithScope(labelOf: LabelOf, status: string, scopeType: string | null): string {
  const statusLabel = labelOf('accreditation-statuses', status);
  return scopeType ? `${statusLabel} (${shortScopeType(labelOf('scope-types', scopeType))})` : statusLabel;
}

type Recorder = (list: LabelList, code: string | null | undefined) => string | null;

// The report with a label beside every code, and the codes it used (for the Codes appendix).
export function labelFoiReport(
  report: FoiReportResponse,
  labelOf: LabelOf,
): { report: LabelledFoiReport; codes: CodeUsed[] } {
  const used = new Map<string, CodeUsed>();
  const label: Recorder = (list, code) => {
    if (code === null || code === undefined) return null;
    const text = labelOf(list, code);
    used.set(`${list}\u0000${code}`, { list, code, label: text });
    return text;
  };
  const scope = <T extends { status: string; scopeType: string | null }>(s: T) => ({
    ...s,
    statusLabel: label('accreditation-statuses', s.status) as string,
    scopeTypeLabel: label('scope-types', s.scopeType),
  });
  const { meta, q1, q2, q3, q4 } = report;
  const labelled = {
    ...report,
    meta: {
      ...meta,
      deviceTypeLabels: meta.deviceTypes.map((t) => label('device-types', t) as string),
      deviceFamilyLabels: meta.deviceFamilies.map((f) => label('device-families', f) as string),
    },
    q1: {
      ...q1,
      byDeviceType: q1.byDeviceType.map((d) => ({
        ...d,
        deviceTypeLabel: label('device-types', d.deviceType) as string,
      })),
    },
    q2: {
      rows: q2.rows.map((r) => {
        const kindLabel = label('q2-kinds', r.kind) as string;
        if (r.kind === 'CRIME') {
          return {
            ...r,
            kindLabel,
            offenceGroupLabel: label('offence-groups', r.offenceGroup) as string,
            offenceSubgroupLabel: label('offence-subgroups', r.offenceSubgroup) as string,
          };
        }
        if (r.kind === 'INCIDENT') {
          return {
            ...r,
            kindLabel,
            incidentCategoryLabel: label('incident-categories', r.incidentCategory) as string,
          };
        }
        return { ...r, kindLabel };
      }),
    },
    q3: {
      ...q3,
      byCourtResult: q3.byCourtResult.map((r) => ({
        ...r,
        courtResultLabel: label('court-results', r.courtResult) as string,
      })),
    },
    q4: {
      ...scope(q4),
      history: q4.history.map(scope),
      historyInWindow: q4.historyInWindow.map(scope),
      atWindowEnd: scope(q4.atWindowEnd),
      examinationsByScopeStatus: q4.examinationsByScopeStatus.map((e) => ({
        ...e,
        scopeStatusLabel: label('scope-statuses', e.scopeStatus) as string,
      })),
      byDeviceType: q4.byDeviceType.map((s) => ({
        ...scope(s),
        deviceTypeLabel: label('device-types', s.deviceType) as string,
        history: s.history.map(scope),
        historyInWindow: s.historyInWindow.map(scope),
        atWindowEnd: scope(s.atWindowEnd),
      })),
    },
  };
  return { report: labelled, codes: [...used.values()] };
}

type Q2RowOf<K> = Extract<FoiReportResponse['q2']['rows'][number], { kind: K }>;

// A Q2 row with the label of each of its codes (a row has only its own kind's codes).
export type LabelledQ2Row =
  | (Q2RowOf<'CRIME'> & {
      kindLabel: string;
      offenceGroupLabel: string;
      offenceSubgroupLabel: string;
      incidentCategoryLabel?: undefined;
    })
  | (Q2RowOf<'INCIDENT'> & {
      kindLabel: string;
      incidentCategoryLabel: string;
      offenceGroupLabel?: undefined;
      offenceSubgroupLabel?: undefined;
    })
  | (Q2RowOf<'UNRECORDED'> & {
      kindLabel: string;
      offenceGroupLabel?: undefined;
      offenceSubgroupLabel?: undefined;
      incidentCategoryLabel?: undefined;
    });

type WithScopeLabels<T> = T & { statusLabel: string; scopeTypeLabel: string | null };
type Q4 = FoiReportResponse['q4'];
type Scope = Q4['byDeviceType'][number];

// The JSON as served: the report's figures and codes, a label beside each code.
export type LabelledFoiReport = Omit<FoiReportResponse, 'meta' | 'q1' | 'q2' | 'q3' | 'q4'> & {
  meta: FoiReportResponse['meta'] & { deviceTypeLabels: string[]; deviceFamilyLabels: string[] };
  q1: Omit<FoiReportResponse['q1'], 'byDeviceType'> & {
    byDeviceType: (FoiReportResponse['q1']['byDeviceType'][number] & { deviceTypeLabel: string })[];
  };
  q2: { rows: LabelledQ2Row[] };
  q3: Omit<FoiReportResponse['q3'], 'byCourtResult'> & {
    byCourtResult: (FoiReportResponse['q3']['byCourtResult'][number] & { courtResultLabel: string })[];
  };
  q4: WithScopeLabels<
    Omit<Q4, 'history' | 'historyInWindow' | 'atWindowEnd' | 'byDeviceType' | 'examinationsByScopeStatus'>
  > & {
    history: WithScopeLabels<Q4['history'][number]>[];
    historyInWindow: WithScopeLabels<Q4['history'][number]>[];
    atWindowEnd: WithScopeLabels<Q4['atWindowEnd']>;
    examinationsByScopeStatus: (Q4['examinationsByScopeStatus'][number] & { scopeStatusLabel: string })[];
    byDeviceType: (WithScopeLabels<Omit<Scope, 'history' | 'historyInWindow' | 'atWindowEnd'>> & {
      deviceTypeLabel: string;
      history: WithScopeLabels<Scope['history'][number]>[];
      historyInWindow: WithScopeLabels<Scope['history'][number]>[];
      atWindowEnd: WithScopeLabels<Scope['atWindowEnd']>;
    })[];
  };
};
