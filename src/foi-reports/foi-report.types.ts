// The FOI report exactly as DESIGN.md "FOI report" shapes it. The figure types are generic in the
// count type: the database queries produce plain numbers (RawFoiFigures), applySuppression turns
// them into published counts (FoiReport).

// A published count: a number, or a suppression marker such as "<5" (primary) or "[c]" (secondary).
export type Count = number | string;

export type FoiQuestion = 'Q1' | 'Q2' | 'Q3' | 'Q4' | 'Q5' | 'Backlog';

export type SuppressionReason = 'primary' | 'secondary';

// One hidden figure: which table, row and column, and why. Aggregate labels only, never record data.
export interface SuppressedCell {
  question: FoiQuestion;
  row: string;
  column: string;
  reason: SuppressionReason;
}

export interface RawFoiMeta {
  // The device types counted (['ALL'] for every type), and the families asked for (deviceFamily).
  deviceTypes: string[];
  deviceFamilies: string[];
  // Local dates YYYY-MM-DD in timeZone; `to` is exclusive.
  from: string;
  to: string;
  // UTC instants of local midnight at from and to.
  start: string;
  end: string;
  scopeOn: string;
  timeZone: string;
  // How the window was asked for (e.g. 'financial-year'); optional, for labelling the export.
  period?: string;
  generatedAt: string;
  rulesVersion: string;
  fingerprint: string;
  // Who answers which request, and when (for the cover and footers; not part of the fingerprint).
  response: FoiResponseMeta;
}

export interface FoiResponseMeta {
  forceName: string;
  requestReference: string | null;
  receivedOn: string | null;
  respondedOn: string;
}

export interface FoiReportMeta extends RawFoiMeta {
  suppressBelow: number;
  suppressedCells: SuppressedCell[];
}

export interface Q1Figures<C> {
  total: C;
  byMonth: { month: string; devices: C }[];
  byDeviceType: { deviceType: string; devices: C }[];
}

export type Q2Row<C> =
  | {
      kind: 'CRIME';
      offenceGroup: string;
      offenceSubgroup: string;
      devices: C;
      cases: C;
    }
  | { kind: 'INCIDENT'; incidentCategory: string; devices: C; cases: C }
  | { kind: 'UNRECORDED'; devices: C; cases: C };

export interface Q2Figures<C> {
  rows: Q2Row<C>[];
}

export interface Q3Figures<C> {
  cases: C;
  casesProgressedToCourt: C;
  byCourtResult: { courtResult: string; cases: C }[];
  devicesServedAsEvidence: C;
  casesWithDeviceDataServedAsEvidence: C;
}

export interface Q4Figures<C> {
  status: string;
  scopeType: string | null;
  scheduleReference: string | null;
  since: string | null;
  history: {
    effectiveFrom: string;
    status: string;
    scopeType: string | null;
  }[];
  examinationsByScopeStatus: { scopeStatus: string; examinations: C }[];
  // The status per device type asked for (no counts, so nothing to suppress); the fields above repeat
  // the first entry. For ALL: ALL_DIGITAL first, then every type with scope rows of its own.
  byDeviceType?: DeviceTypeScope[];
}

export interface ScopeOnDate {
  on: string;
  status: string;
  scopeType: string | null;
  scheduleReference: string | null;
  since: string | null;
}

export interface DeviceTypeScope {
  deviceType: string;
  status: string;
  scopeType: string | null;
  scheduleReference: string | null;
  since: string | null;
  history: Q4Figures<number>['history'];
  // The status on the window's last day (Q4 is answered on scopeOn, the response date by default),
  // and the rows of the history in force at some time within the window.
  atWindowEnd: ScopeOnDate;
  historyInWindow: Q4Figures<number>['history'];
}

export interface Q5Figures<C> {
  withheld: true;
  exemption: 's.30(1)(a)(b)';
  examinationsRecorded: C;
}

export interface BacklogFigures<C> {
  awaitingExaminationAtEnd: C;
  // A statistic, not a count: never suppressed; null when nothing was completed in the window.
  medianDaysSeizureToCompletion: number | null;
}

export interface FoiFigures<C> {
  q1: Q1Figures<C>;
  q2: Q2Figures<C>;
  q3: Q3Figures<C>;
  q4: Q4Figures<C>;
  q5: Q5Figures<C>;
  backlog: BacklogFigures<C>;
}

export interface RawFoiFigures extends FoiFigures<number> {
  meta: RawFoiMeta;
}

export interface FoiReport extends FoiFigures<Count> {
  meta: FoiReportMeta;
}
