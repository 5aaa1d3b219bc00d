import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { AccreditationService } from '../accreditation/accreditation.service.js';
import { ALL_DIGITAL } from '../accreditation/scope.js';
import { foiConfig } from '../config/foi.config.js';
import { ReferenceDataService } from '../reference-data/reference-data.service.js';
import type { ReferenceListName } from '../reference-data/reference-lists.js';
import { type FieldError, ValidationFailedError } from '../common/errors.js';
import {
  type DeviceCatalogue,
  deviceCatalogue,
  describeDevices,
  type DeviceSelection,
  type DeviceSelectionInput,
  resolveDeviceSelection,
} from './device-selection.js';
import { FOI_RULES_VERSION } from './foi-definitions.js';
import {
  buildExaminationsByScopeStatus,
  buildQ1,
  buildQ2,
  buildQ3,
  type CodeOrder,
  medianDaysSeizureToCompletion,
} from './foi-figures.js';
import { foiFingerprint } from './foi-fingerprint.js';
import { FoiQueries, type FoiScope } from './foi-queries.js';
import type { DeviceTypeScope, FoiReportResponse } from './foi-report-response.js';
import type { RawFoiFigures } from './foi-report.types.js';
import { type FoiRequest, type FoiRequestInput, resolveFoiRequest } from './foi-request.js';
import { buildFoiWorkbook, foiWorkbookFileName } from './foi-workbook.js';
import { lastDayOf, monthBoundaries, type ReportWindow } from './report-window.js';
import { historyInWindow } from './scope-history.js';
import {
  type CodeUsed,
  type LabelledFoiReport,
  labelFoiReport,
  type LabelOf,
  referenceLabels,
} from './foi-labels.js';
import { applySuppression, withholdSmallMedian } from './suppression.js';

export interface FoiWorkbookFile {
  fileName: string;
  content: Buffer;
  report: LabelledFoiReport;
}

// Answers the FOI questions from the register. The API and the CLI both call this, so the JSON,
// the workbook and the command's file are the same answer.
@Injectable()
export class FoiReportService {
  private catalogue?: DeviceCatalogue;

  constructor(
    private readonly queries: FoiQueries,
    private readonly accreditation: AccreditationService,
    private readonly reference: ReferenceDataService,
    @Inject(foiConfig.KEY) private readonly config: ConfigType<typeof foiConfig>,
  ) {}

  resolve(input: FoiRequestInput, now = new Date()): FoiRequest {
    return resolveFoiRequest(input, {
      timeZone: this.config.timeZone,
      defaultSuppressBelow: this.config.suppressBelow,
      devices: this.devices(),
      now,
    });
  }

  // deviceType/deviceFamily → device types, for any FOI endpoint (400 naming the field when bad).
  resolveDevices(input: DeviceSelectionInput): DeviceSelection {
    const errors: FieldError[] = [];
    const selection = resolveDeviceSelection(input, this.devices(), errors);
    if (!selection) {
      throw new ValidationFailedError(errors, errors.map((e) => `${e.field}: ${e.message}`).join('; '));
    }
    return selection;
  }

  // The device types and families of the reference data (read once; they change only by migration).
  devices(): DeviceCatalogue {
    this.catalogue ??= deviceCatalogue(this.reference);
    return this.catalogue;
  }

  // The JSON answer: figures with codes, a label beside each code.
  async report(input: FoiRequestInput, now = new Date()): Promise<LabelledFoiReport> {
    return (await this.answer(input, now)).report;
  }

  async workbook(input: FoiRequestInput, now = new Date()): Promise<FoiWorkbookFile> {
    const { report, codes } = await this.answer(input, now);
    const labelOf = this.labels();
    const words = describeDevices(report.meta, this.devices(), (code) => labelOf('device-types', code));
    const content = await buildFoiWorkbook(report, codes, {
      s17Reason: this.config.s17Reason,
      labelOf,
      devicesNoun: words.noun,
      devicesCounted: words.counted,
    });
    return { report, fileName: foiWorkbookFileName(report), content };
  }

  labels(): LabelOf {
    return referenceLabels(this.reference);
  }

  private async answer(
    input: FoiRequestInput,
    now: Date,
  ): Promise<{ report: LabelledFoiReport; codes: CodeUsed[] }> {
    const request = this.resolve(input, now);
    const { raw, completedInWindow } = await this.rawFigures(request, now);
    // The per-type scope statuses hold no counts: suppression passes them through unchanged.
    const suppressed = applySuppression(raw, request.suppressBelow) as FoiReportResponse;
    const report = withholdSmallMedian(suppressed, completedInWindow, request.suppressBelow);
    return labelFoiReport(report, this.labels());
  }

  private async rawFigures(
    request: FoiRequest,
    now: Date,
  ): Promise<{
    raw: RawFoiFigures & { q4: { byDeviceType: DeviceTypeScope[] } };
    completedInWindow: number;
  }> {
    const { window, deviceTypes, deviceFamilies } = request;
    const scope: FoiScope = { deviceTypes, start: window.start, end: window.end };
    const months = monthBoundaries(window, window.timeZone);

    const q1 = await this.queries.q1(scope, months);
    const { q2, q3 } = await this.queries.cases(scope);
    const started = await this.queries.examinationsStarted(scope);
    const awaiting = await this.queries.awaitingAtEnd(scope);
    const completions = await this.queries.completions(scope);
    const scopeRows = await this.queries.scopeEntries(deviceTypes, ALL_DIGITAL);
    const scopes = await this.scopes(deviceTypes, window);

    const examinationsByScopeStatus = buildExaminationsByScopeStatus(
      started.rows,
      this.reference.codes('scope-statuses'),
    );
    const fingerprint = foiFingerprint({
      rulesVersion: FOI_RULES_VERSION,
      deviceTypes,
      start: window.start,
      end: window.end,
      scopeOn: window.scopeOn,
      sets: {
        devices: q1.digest,
        cases: q3.digest,
        examinationsStarted: started.digest,
        examinationsAwaiting: awaiting.digest,
        examinationsCompleted: completions.digest,
        scopeEntries: scopeRows,
      },
    });
    const { deviceType: _first, ...headline } = scopes[0];
    const raw: RawFoiFigures & { q4: { byDeviceType: DeviceTypeScope[] } } = {
      meta: {
        deviceTypes: deviceTypes ?? ['ALL'],
        deviceFamilies,
        from: window.from,
        to: window.to,
        start: window.start,
        end: window.end,
        scopeOn: window.scopeOn,
        timeZone: window.timeZone,
        period: window.period,
        generatedAt: now.toISOString(),
        rulesVersion: FOI_RULES_VERSION,
        fingerprint,
        response: { forceName: this.config.forceName, ...request.response },
      },
      q1: buildQ1(q1.rows, months, deviceTypes, this.order('device-types')),
      q2: buildQ2(
        q2,
        (subgroup) => this.reference.get('offence-subgroups', subgroup)?.parentCode ?? undefined,
        this.order('offence-subgroups'),
        this.order('incident-categories'),
      ),
      q3: buildQ3(q3.rows, this.order('court-results')),
      q4: { ...headline, examinationsByScopeStatus, byDeviceType: scopes },
      q5: {
        withheld: true,
        exemption: 's.30(1)(a)(b)',
        examinationsRecorded: started.rows.reduce((s, r) => s + r.examinations, 0),
      },
      backlog: {
        awaitingExaminationAtEnd: awaiting.rows[0]?.devices ?? 0,
        medianDaysSeizureToCompletion: medianDaysSeizureToCompletion(completions.rows, window.timeZone),
      },
    };
    return { raw, completedInWindow: completions.rows.length };
  }

  // Q4's status per device type on scopeOn; for ALL, the whole digital schedule first, then every
  // type with rows of its own. Only dates and codes: no entry ids, notes or activities.
  private async scopes(deviceTypes: string[] | null, window: ReportWindow): Promise<DeviceTypeScope[]> {
    const { scopeOn } = window;
    const lastDay = lastDayOf(window);
    const types = deviceTypes ?? [
      ALL_DIGITAL,
      ...(await this.queries.scopedDeviceTypes()).filter((t) => t !== ALL_DIGITAL),
    ];
    const scopes: DeviceTypeScope[] = [];
    for (const deviceType of types) {
      const status = await this.accreditation.statusOn(deviceType, scopeOn);
      const history = await this.accreditation.history(deviceType);
      const atEnd = await this.accreditation.statusOn(deviceType, lastDay);
      const rows = history.map((h) => ({
        effectiveFrom: h.effectiveFrom,
        status: h.status,
        scopeType: h.scopeType,
      }));
      scopes.push({
        deviceType,
        status: status.status,
        scopeType: status.scopeType,
        scheduleReference: status.scheduleReference,
        since: status.since,
        history: rows,
        atWindowEnd: {
          on: lastDay,
          status: atEnd.status,
          scopeType: atEnd.scopeType,
          scheduleReference: atEnd.scheduleReference,
          since: atEnd.since,
        },
        historyInWindow: historyInWindow(rows, window),
      });
    }
    return scopes;
  }

  private order(list: ReferenceListName): CodeOrder {
    const positions = new Map(this.reference.items(list).map((item, i) => [item.code, i]));
    return (code) => positions.get(code) ?? Number.MAX_SAFE_INTEGER;
  }
}
