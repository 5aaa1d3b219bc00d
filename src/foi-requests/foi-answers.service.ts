import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { nowInstant } from '../common/columns.js';
import {
  ConflictError,
  type FieldError,
  NotFoundError,
  RuleViolationError,
  ValidationFailedError,
} from '../common/errors.js';
import { newId } from '../common/new-id.js';
import { FoiReportService } from '../foi-reports/foi-report.service.js';
import type { FoiRequestInput } from '../foi-reports/foi-request.js';
import type { IssueAnswerDto } from './dto/foi-request.dto.js';
import { FoiAnswerRecord, FoiRequestRecord } from './foi-request.entities.js';
import { FoiRequestsService, type FoiRequestView } from './foi-requests.service.js';

const PARAMETER_KEYS = [
  'deviceType',
  'deviceFamily',
  'from',
  'to',
  'period',
  'year',
  'referenceDate',
  'scopeOn',
  'suppressBelow',
] as const;

const NEEDS_EXEMPTION = ['WITHHELD', 'PARTLY_DISCLOSED'];

export interface FigureChange {
  path: string;
  released: unknown;
  now: unknown;
}

// Issuing an answer stores it exactly as released (workbook bytes, JSON, fingerprint, parameters); it is
// never recomputed. A recheck asks the same question of today's data and says which figures moved.
@Injectable()
export class FoiAnswersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly requests: FoiRequestsService,
    private readonly reports: FoiReportService,
    private readonly audit: AuditService,
  ) {}

  async issue(id: string, dto: IssueAnswerDto, actorId: string | null): Promise<FoiRequestView> {
    this.requests.assertDate('respondedOn', dto.respondedOn);
    const manager = this.dataSource.manager;
    const record = await this.requests.record(manager, id);
    const questions = await this.requests.questions(manager, id);
    const errors: FieldError[] = [];
    if (dto.respondedOn < record.receivedOn) {
      errors.push({
        field: 'respondedOn',
        message: `respondedOn must not be before receivedOn (${record.receivedOn})`,
      });
    }
    if (dto.respondedOn > this.requests.today()) {
      errors.push({ field: 'respondedOn', message: 'respondedOn may not be in the future' });
    }
    const numbers = dto.decisions.map((d) => d.number);
    const expected = questions.map((q) => q.number);
    if (
      numbers.length !== new Set(numbers).size ||
      expected.some((n) => !numbers.includes(n)) ||
      numbers.some((n) => !expected.includes(n))
    ) {
      errors.push({
        field: 'decisions',
        message: `give one decision for each question, numbers ${expected.join(', ')}`,
      });
    }
    dto.decisions.forEach((d, i) => {
      if (NEEDS_EXEMPTION.includes(d.decision) && !d.exemption) {
        errors.push({
          field: `decisions.${i}.exemption`,
          message: `${d.decision} needs the exemption relied on`,
        });
      }
    });
    const parameters = this.parameters(dto.parameters, errors);
    if (errors.length > 0) throw new ValidationFailedError(errors);

    const input: FoiRequestInput = {
      ...parameters,
      requestReference: record.reference,
      receivedOn: record.receivedOn,
      respondedOn: dto.respondedOn,
    };
    let file;
    try {
      file = await this.reports.workbook(input);
    } catch (error) {
      if (!(error instanceof ValidationFailedError)) throw error;
      throw new ValidationFailedError(
        error.errors.map((e) => ({ field: `parameters.${e.field}`, message: e.message })),
        error.message,
      );
    }
    const { meta } = file.report;
    // The question as resolved, so that a recheck asks exactly it (a rolling period does not move).
    const resolved: Record<string, string | string[]> = {
      deviceType: meta.deviceTypes,
      from: meta.from,
      to: meta.to,
      scopeOn: meta.scopeOn,
      suppressBelow: String(meta.suppressBelow),
    };
    const decisions = dto.decisions
      .map((d) => ({ number: d.number, decision: d.decision, exemption: d.exemption ?? null }))
      .sort((a, b) => a.number - b.number);
    const answer: FoiAnswerRecord = {
      id: newId(),
      requestId: id,
      respondedOn: dto.respondedOn,
      issuedAt: nowInstant(),
      issuedBy: actorId,
      parameters: JSON.stringify({ asked: parameters, resolved }),
      decisions: JSON.stringify(decisions),
      report: JSON.stringify(file.report),
      fingerprint: meta.fingerprint,
      fileName: file.fileName,
      workbook: file.content.toString('base64'),
      workbookSha256: createHash('sha256').update(file.content).digest('hex'),
      voidedAt: null,
      voidedBy: null,
      voidReason: null,
    };
    const status = decisions.some((d) => d.decision === 'DISCLOSED' || d.decision === 'PARTLY_DISCLOSED')
      ? 'ANSWERED'
      : decisions.every((d) => d.decision === 'NOT_HELD')
        ? 'ANSWERED'
        : 'REFUSED';
    await this.dataSource.transaction(async (tx) => {
      const current = await this.requests.record(tx, id);
      if (current.status === 'WITHDRAWN') {
        throw new RuleViolationError('FOI_REQUEST_WITHDRAWN', 'respondedOn', 'the request was withdrawn');
      }
      if (await this.requests.liveAnswer(tx, id)) {
        throw new ConflictError(
          'FOI_ALREADY_ANSWERED',
          'This request already has an issued answer; void it first.',
          [
            {
              field: 'respondedOn',
              message: 'an answer was already issued (an admin may void it with a reason)',
            },
          ],
        );
      }
      await tx.getRepository(FoiAnswerRecord).insert(answer);
      await tx.getRepository(FoiRequestRecord).update({ id }, { status });
      await this.audit.record(tx, {
        actorId,
        action: 'foi_request.issue',
        entity: 'foi_request',
        entityId: id,
        before: { status: current.status },
        after: {
          status,
          answerId: answer.id,
          respondedOn: answer.respondedOn,
          fingerprint: answer.fingerprint,
          workbookSha256: answer.workbookSha256,
          decisions,
        },
      });
    });
    return this.requests.get(id);
  }

  async answer(id: string): Promise<FoiAnswerRecord> {
    const answer = await this.requests.liveAnswer(this.dataSource.manager, id);
    if (!answer) {
      await this.requests.record(this.dataSource.manager, id);
      throw new NotFoundError('FOI_ANSWER_NOT_FOUND', 'No answer has been issued for this request.');
    }
    return answer;
  }

  async recheck(
    id: string,
  ): Promise<{ fingerprintMatches: boolean; released: string; now: string; changes: FigureChange[] }> {
    const answer = await this.answer(id);
    const { resolved } = JSON.parse(answer.parameters) as { resolved: FoiRequestInput };
    const now = await this.reports.report(resolved);
    const released = JSON.parse(answer.report) as Record<string, unknown>;
    const changes: FigureChange[] = [];
    for (const key of ['q1', 'q2', 'q3', 'q4', 'q5', 'backlog']) {
      diff(key, released[key], (now as unknown as Record<string, unknown>)[key], changes);
    }
    return {
      fingerprintMatches: now.meta.fingerprint === answer.fingerprint,
      released: answer.fingerprint,
      now: now.meta.fingerprint,
      changes,
    };
  }

  async void(id: string, reason: string, actorId: string | null): Promise<FoiRequestView> {
    await this.dataSource.transaction(async (tx) => {
      const record = await this.requests.record(tx, id);
      const answer = await this.requests.liveAnswer(tx, id);
      if (!answer) throw new NotFoundError('FOI_ANSWER_NOT_FOUND', 'No issued answer to void.');
      const voidedAt = nowInstant();
      await tx
        .getRepository(FoiAnswerRecord)
        .update({ id: answer.id }, { voidedAt, voidedBy: actorId, voidReason: reason });
      const events = await this.requests.events(tx, id);
      const clock = this.requests.clock(record.receivedOn, events, 'reason');
      const status = clock.state === 'WITHDRAWN' ? 'WITHDRAWN' : 'OPEN';
      await tx.getRepository(FoiRequestRecord).update({ id }, { status, dueOn: clock.dueOn });
      await this.audit.record(tx, {
        actorId,
        action: 'foi_request.answer_void',
        entity: 'foi_request',
        entityId: id,
        before: { status: record.status, answerId: answer.id },
        after: { status, voidReason: reason },
      });
    });
    return this.requests.get(id);
  }

  private parameters(raw: Record<string, unknown>, errors: FieldError[]): FoiRequestInput {
    const out: Record<string, string | string[]> = {};
    for (const [key, value] of Object.entries(raw)) {
      if (!(PARAMETER_KEYS as readonly string[]).includes(key)) {
        errors.push({
          field: `parameters.${key}`,
          message: `unknown parameter; use ${PARAMETER_KEYS.join(', ')}`,
        });
        continue;
      }
      const ok =
        (typeof value === 'string' && value.length <= 400) ||
        typeof value === 'number' ||
        (Array.isArray(value) &&
          value.length <= 50 &&
          value.every((v) => typeof v === 'string' && v.length <= 400));
      if (!ok) {
        errors.push({
          field: `parameters.${key}`,
          message: `${key} must be text (or a list of text for device types)`,
        });
        continue;
      }
      out[key] = typeof value === 'number' ? String(value) : (value as string | string[]);
    }
    return out as FoiRequestInput;
  }
}

// The figures that moved between the released JSON and today's: leaf paths, labels ignored.
function diff(path: string, released: unknown, now: unknown, out: FigureChange[]): void {
  if (/Labels?$/.test(path)) return;
  if (Array.isArray(released) && Array.isArray(now)) {
    const keyed = (items: unknown[]) => new Map(items.map((item, i) => [rowKey(item, i), item]));
    const a = keyed(released);
    const b = keyed(now);
    for (const key of new Set([...a.keys(), ...b.keys()]))
      diff(`${path}[${key}]`, a.get(key), b.get(key), out);
    return;
  }
  if (released && now && typeof released === 'object' && typeof now === 'object') {
    const a = released as Record<string, unknown>;
    const b = now as Record<string, unknown>;
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)]))
      diff(`${path}.${key}`, a[key], b[key], out);
    return;
  }
  if (JSON.stringify(released) !== JSON.stringify(now))
    out.push({ path, released: released ?? null, now: now ?? null });
}

// Rows are matched by their codes (month, device type, offence, status…), not by position.
function rowKey(item: unknown, index: number): string {
  if (!item || typeof item !== 'object') return String(index);
  const row = item as Record<string, unknown>;
  const parts = [
    'month',
    'deviceType',
    'kind',
    'offenceGroup',
    'offenceSubgroup',
    'incidentCategory',
    'courtResult',
    'scopeStatus',
    'effectiveFrom',
  ]
    .filter((k) => typeof row[k] === 'string')
    .map((k) => row[k] as string);
  return parts.length > 0 ? parts.join('/') : String(index);
}
