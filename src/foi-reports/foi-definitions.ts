import { primaryMark, SECONDARY_MARK } from './suppression.js';

// The counting rules as published on the workbook's Definitions sheet, worded after DESIGN.md
// "FOI report". Change FOI_RULES_VERSION whenever a rule (and so a count) changes.

export const FOI_RULES_VERSION = 'foi-rules/1';

export interface CountingRule {
  item: string;
  rule: string;
}

export const FOI_COUNTING_RULES: readonly CountingRule[] = [
  {
    item: 'Window',
    rule:
      "From (inclusive) and to (exclusive) are local dates in the register's time zone, each " +
      'meaning local midnight: the window runs from midnight at the start of "from" up to, but ' +
      'not including, midnight at the start of "to".',
  },
  {
    item: 'Voided records',
    rule: 'A record entered in error is voided and drops out of every count.',
  },
  {
    item: 'Q1 Devices seized',
    rule:
      'Devices of the type(s), not voided, with the seizure time in the window; also by ' +
      'calendar month (local time) and by device type.',
  },
  {
    item: 'Q2 Offences and incidents',
    rule:
      "Those devices by their case's offence group and sub-group, and by incident category for " +
      'non-crime incidents; each row gives devices and cases (distinct cases). Devices whose ' +
      'case lacks a classification are counted as "Not recorded", never dropped.',
  },
  {
    item: 'Q3 Court and evidence',
    rule:
      'Over the distinct cases of those devices: cases progressed to court, and those cases by ' +
      'court result, with a row "Awaiting result" for progressed cases with no final court ' +
      'result yet, so the rows add up to the cases progressed to court; devices whose data was served as evidence (evidential use "Served as prosecution evidence") and ' +
      'cases with device data served as evidence.',
  },
  {
    item: 'Progressed to court',
    rule:
      'A case has progressed to court when its police outcome is 1 or 1A, or its court stage ' +
      'is set and is not "Not charged". The same rule is used everywhere.',
  },
  {
    item: 'Q4 Accreditation',
    rule:
      "The lab's accreditation scope register status for the device type on the scope date " +
      '(with schedule reference and since when), its history, and the examinations of the ' +
      'type(s) started in the window, by their scope status at start: the status the scope ' +
      "register gave on the local date the examination started (or the lab's recorded override " +
      'of it), never changed by its completion.',
  },
  {
    item: 'Q5 Tools and techniques',
    rule:
      'Withheld under FOIA s.30(1)(a)(b). Only the number of examinations of the type(s) ' +
      'started in the window is given, never the methods.',
  },
  {
    item: 'Backlog',
    rule:
      'Devices awaiting examination at the end of the window: devices of the type(s) with an ' +
      'examination requested before the end of the window and neither completed nor cancelled ' +
      'by then. Median days from seizure to completion: over examinations completed in the window.',
  },
];

export function suppressionRule(suppressBelow: number): string {
  if (suppressBelow <= 1) return 'No small-number suppression was applied.';
  return (
    `Counts from 1 to ${suppressBelow - 1} are shown as "${primaryMark(suppressBelow)}" ` +
    '(primary). Where a hidden count could be worked out by subtraction from a published ' +
    `total, another count is withheld too and shown as "${SECONDARY_MARK}" (secondary). ` +
    '0 is shown as 0.'
  );
}
