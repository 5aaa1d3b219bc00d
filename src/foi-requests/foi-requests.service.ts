import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { nowInstant } from '../common/columns.js';
import { ConflictError, NotFoundError, RuleViolationError, ValidationFailedError } from '../common/errors.js';
import { newId } from '../common/new-id.js';
import type { Page } from '../common/pagination.dto.js';
import { foiConfig } from '../config/foi.config.js';
import type { CreateFoiRequestDto, FoiRequestListQueryDto } from './dto/foi-request.dto.js';
import {
  FoiAnswerRecord,
  FoiRequestEvent,
  FoiRequestQuestion,
  FoiRequestRecord,
} from './foi-request.entities.js';
import {
  type Clock,
  clockEventProblem,
  type ClockEvent,
  type ClockEventKind,
  runClock,
} from './request-clock.js';
import { type HolidayCalendar, ukHolidayCalendar } from './uk-holidays.js';
import { OutsideCalendarError, workingDaysAfter } from './working-days.js';

export interface FoiRequestView {
  id: string;
  reference: string;
  receivedOn: string;
  channel: string;
  requesterType: string | null;
  title: string;
  status: string;
  dueOn: string | null;
  statutoryDueOn: string | null;
  extendedUntil: string | null;
  // Working days from today to dueOn (negative when overdue); null when the clock is stopped or closed.
  daysLeft: number | null;
  overdue: boolean;
  questions: { number: number; text: string; decision: string | null; exemption: string | null }[];
  events: { kind: string; on: string; until: string | null; exemption: string | null }[];
  answer: { id: string; respondedOn: string; issuedAt: string; fingerprint: string; fileName: string } | null;
  createdAt: string;
}

const CLOSED = ['ANSWERED', 'REFUSED', 'WITHDRAWN'];

// The FOI request log: requests, their clock (due date in working days) and their status.
@Injectable()
export class FoiRequestsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    @Inject(foiConfig.KEY) private readonly config: ConfigType<typeof foiConfig>,
  ) {}

  calendar(): HolidayCalendar {
    return ukHolidayCalendar();
  }

  today(): string {
    return DateTime.now().setZone(this.config.timeZone).toFormat('yyyy-MM-dd');
  }

  async create(dto: CreateFoiRequestDto, actorId: string | null): Promise<FoiRequestView> {
    this.assertDate('receivedOn', dto.receivedOn);
    if (dto.receivedOn > this.today()) {
      throw new ValidationFailedError([
        { field: 'receivedOn', message: 'receivedOn may not be in the future' },
      ]);
    }
    const clock = this.clock(dto.receivedOn, [], 'receivedOn');
    const record: FoiRequestRecord = {
      id: newId(),
      reference: dto.reference.trim(),
      referenceKey: dto.reference.trim().toLowerCase(),
      receivedOn: dto.receivedOn,
      channel: dto.channel,
      requesterType: dto.requesterType ?? null,
      title: dto.title?.trim() || shorten(dto.questions[0].text, 200),
      status: 'OPEN',
      dueOn: clock.dueOn,
      createdAt: nowInstant(),
      createdBy: actorId,
    };
    await this.dataSource.transaction(async (manager) => {
      const clash = await manager
        .getRepository(FoiRequestRecord)
        .findOneBy({ referenceKey: record.referenceKey });
      if (clash) {
        throw new ConflictError(
          'FOI_REFERENCE_TAKEN',
          `An FOI request with reference ${record.reference} exists.`,
          [{ field: 'reference', message: 'reference is already used by another request' }],
        );
      }
      await manager.getRepository(FoiRequestRecord).insert(record);
      await manager
        .getRepository(FoiRequestQuestion)
        .insert(
          dto.questions.map((q, i) => ({ id: newId(), requestId: record.id, number: i + 1, text: q.text })),
        );
      await this.audit.record(manager, {
        actorId,
        action: 'foi_request.create',
        entity: 'foi_request',
        entityId: record.id,
        after: {
          reference: record.reference,
          receivedOn: record.receivedOn,
          channel: record.channel,
          requesterType: record.requesterType,
          title: record.title,
          status: record.status,
          dueOn: record.dueOn,
          questions: dto.questions.length,
        },
      });
    });
    return this.get(record.id);
  }

  async get(id: string): Promise<FoiRequestView> {
    return this.view(await this.record(this.dataSource.manager, id));
  }

  async list(query: FoiRequestListQueryDto): Promise<Page<FoiRequestView>> {
    const where = query.status ? { status: query.status } : {};
    const records = await this.dataSource.getRepository(FoiRequestRecord).find({ where });
    const views = await Promise.all(records.map((r) => this.view(r)));
    // Overdue first (most overdue first), then open by due date, then closed (latest received first).
    views.sort(
      (a, b) =>
        rank(a) - rank(b) ||
        (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999') ||
        b.receivedOn.localeCompare(a.receivedOn) ||
        a.reference.localeCompare(b.reference),
    );
    return {
      items: views.slice(query.offset, query.offset + query.limit),
      total: views.length,
      limit: query.limit,
      offset: query.offset,
    };
  }

  // A clock event (clarification, fees, extension, withdrawal): checked against the clock, then stored.
  async addEvent(
    id: string,
    kind: ClockEventKind,
    body: { on: string; until?: string; exemption?: string },
    actorId: string | null,
  ): Promise<FoiRequestView> {
    this.assertDate('on', body.on);
    if (body.until !== undefined) this.assertDate('until', body.until);
    if (body.on > this.today()) {
      throw new ValidationFailedError([{ field: 'on', message: 'on may not be in the future' }]);
    }
    await this.dataSource.transaction(async (manager) => {
      const record = await this.record(manager, id);
      if (record.status === 'ANSWERED' || record.status === 'REFUSED') {
        throw new RuleViolationError('FOI_REQUEST_CLOSED', 'on', 'the request has been answered');
      }
      const events = await this.events(manager, id);
      const clock = this.clock(record.receivedOn, events, 'on');
      const event: ClockEvent = { kind, on: body.on, until: body.until ?? null };
      const lastOn = events.length > 0 ? events[events.length - 1].on : record.receivedOn;
      const problem = clockEventProblem(clock, record.receivedOn, event, lastOn, this.calendar());
      if (problem) throw new RuleViolationError('FOI_CLOCK_RULE', problem.field, problem.message);
      const stored: FoiRequestEvent = {
        id: newId(),
        requestId: id,
        seq: events.length + 1,
        kind,
        on: body.on,
        until: body.until ?? null,
        exemption: body.exemption ?? null,
        recordedAt: nowInstant(),
        recordedBy: actorId,
      };
      await manager.getRepository(FoiRequestEvent).insert(stored);
      const after = this.clock(record.receivedOn, [...events, stored], 'on');
      const status = statusOf(after);
      await manager.getRepository(FoiRequestRecord).update({ id }, { status, dueOn: after.dueOn });
      await this.audit.record(manager, {
        actorId,
        action: `foi_request.${kind.toLowerCase()}`,
        entity: 'foi_request',
        entityId: id,
        before: { status: record.status, dueOn: record.dueOn },
        after: { status, dueOn: after.dueOn, on: body.on, until: body.until ?? null },
      });
    });
    return this.get(id);
  }

  async record(manager: EntityManager, id: string): Promise<FoiRequestRecord> {
    const record = await manager.getRepository(FoiRequestRecord).findOneBy({ id });
    if (!record) throw new NotFoundError('FOI_REQUEST_NOT_FOUND', `No FOI request has id ${id}.`);
    return record;
  }

  async events(manager: EntityManager, id: string): Promise<FoiRequestEvent[]> {
    return manager.getRepository(FoiRequestEvent).find({ where: { requestId: id }, order: { seq: 'ASC' } });
  }

  async questions(manager: EntityManager, id: string): Promise<FoiRequestQuestion[]> {
    return manager
      .getRepository(FoiRequestQuestion)
      .find({ where: { requestId: id }, order: { number: 'ASC' } });
  }

  async liveAnswer(manager: EntityManager, id: string): Promise<FoiAnswerRecord | null> {
    const answers = await manager.getRepository(FoiAnswerRecord).find({ where: { requestId: id } });
    return answers.find((a) => a.voidedAt === null) ?? null;
  }

  // The clock for these events; a date outside the holiday calendar is the client's bad input.
  clock(receivedOn: string, events: readonly ClockEvent[], field: string): Clock {
    try {
      return runClock(receivedOn, events, this.calendar());
    } catch (error) {
      if (!(error instanceof OutsideCalendarError)) throw error;
      throw new ValidationFailedError([{ field, message: error.message }]);
    }
  }

  daysLeft(dueOn: string | null, today = this.today()): number | null {
    if (!dueOn) return null;
    try {
      return dueOn >= today
        ? workingDaysAfter(today, dueOn, this.calendar())
        : -workingDaysAfter(dueOn, today, this.calendar());
    } catch (error) {
      if (error instanceof OutsideCalendarError) return null;
      throw error;
    }
  }

  private async view(record: FoiRequestRecord): Promise<FoiRequestView> {
    const manager = this.dataSource.manager;
    const [questions, events, answer] = await Promise.all([
      this.questions(manager, record.id),
      this.events(manager, record.id),
      this.liveAnswer(manager, record.id),
    ]);
    const clock = runClock(record.receivedOn, events, this.calendar());
    const decisions = new Map<number, { decision: string; exemption: string | null }>(
      answer
        ? (
            JSON.parse(answer.decisions) as { number: number; decision: string; exemption: string | null }[]
          ).map((d) => [d.number, d])
        : [],
    );
    const closed = CLOSED.includes(record.status);
    const daysLeft = closed ? null : this.daysLeft(clock.dueOn);
    return {
      id: record.id,
      reference: record.reference,
      receivedOn: record.receivedOn,
      channel: record.channel,
      requesterType: record.requesterType,
      title: record.title,
      status: record.status,
      dueOn: clock.dueOn,
      statutoryDueOn: clock.statutoryDueOn,
      extendedUntil: clock.extendedUntil,
      daysLeft,
      overdue: daysLeft !== null && daysLeft < 0,
      questions: questions.map((q) => ({
        number: q.number,
        text: q.text,
        decision: decisions.get(q.number)?.decision ?? null,
        exemption: decisions.get(q.number)?.exemption ?? null,
      })),
      events: events.map((e) => ({ kind: e.kind, on: e.on, until: e.until, exemption: e.exemption })),
      answer: answer
        ? {
            id: answer.id,
            respondedOn: answer.respondedOn,
            issuedAt: answer.issuedAt,
            fingerprint: answer.fingerprint,
            fileName: answer.fileName,
          }
        : null,
      createdAt: record.createdAt,
    };
  }

  assertDate(field: string, value: string): void {
    const parsed = DateTime.fromISO(value, { zone: 'UTC' });
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || !parsed.isValid) {
      throw new ValidationFailedError([{ field, message: `${field} is not a real date: ${value}` }]);
    }
    const calendar = this.calendar();
    if (parsed.year < calendar.from || parsed.year > calendar.to) {
      throw new ValidationFailedError([
        {
          field,
          message: `${field} must be within the bank holiday calendar, ${calendar.from} to ${calendar.to}`,
        },
      ]);
    }
  }
}

export function statusOf(clock: Clock): string {
  switch (clock.state) {
    case 'AWAITING_CLARIFICATION':
      return 'AWAITING_CLARIFICATION';
    case 'ON_HOLD_FEES':
      return 'ON_HOLD_FEES';
    case 'WITHDRAWN':
      return 'WITHDRAWN';
    default:
      return 'OPEN';
  }
}

function rank(view: FoiRequestView): number {
  if (view.overdue) return 0;
  if (!CLOSED.includes(view.status)) return 1;
  return 2;
}

function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}
