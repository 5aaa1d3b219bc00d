import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { csvField } from '../spreadsheets/formula-guard.js';
import { addPrintableSheet } from '../foi-reports/workbook-layout.js';
import { FoiAnswerRecord, FoiRequestEvent, FoiRequestRecord } from './foi-request.entities.js';
import { runClock } from './request-clock.js';
import { FoiRequestsService } from './foi-requests.service.js';

// The ICO's bands for the share of requests answered within 20 working days.
export const ICO_BANDS = { good: 0.95, adequate: 0.9 } as const;

export interface Tally {
  answered: number;
  withinTime: number;
  share: number | null;
  band: 'good' | 'adequate' | 'not adequate' | null;
}

interface Answered {
  record: FoiRequestRecord;
  answer: FoiAnswerRecord;
  withinTime: boolean;
}

const DECISION_WORDS: Record<string, string> = {
  DISCLOSED: 'Disclosed',
  PARTLY_DISCLOSED: 'Partly disclosed',
  WITHHELD: 'Withheld',
  NOT_HELD: 'Not held',
  COST_LIMIT_S12: 'Refused: cost limit (s.12)',
};

// Statistics (timeliness against the ICO bands) and the disclosure log, from issued answers.
@Injectable()
export class FoiLogService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly requests: FoiRequestsService,
  ) {}

  async statistics(year: number) {
    const answered = await this.answered(year);
    const months = Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
    const byMonth = months.map((month) => ({
      month,
      ...tally(answered.filter((a) => a.answer.respondedOn.startsWith(month))),
    }));
    const byQuarter = [1, 2, 3, 4].map((q) => ({
      quarter: `${year}-Q${q}`,
      ...tally(answered.filter((a) => Math.ceil(Number(a.answer.respondedOn.slice(5, 7)) / 3) === q)),
    }));
    const received = await this.dataSource
      .getRepository(FoiRequestRecord)
      .createQueryBuilder('r')
      .where('r.receivedOn >= :from AND r.receivedOn < :to', {
        from: `${year}-01-01`,
        to: `${year + 1}-01-01`,
      })
      .getCount();
    return {
      year,
      rule: 'Answered within 20 working days: the response date is on or before the statutory due date (receipt, restarted by a clarification, paused by a fees notice; a public-interest extension does not count as in time).',
      bands: { good: ICO_BANDS.good, adequate: ICO_BANDS.adequate },
      received,
      total: tally(answered),
      extended: answered.filter(
        (a) => a.withinTime === false && a.answer.respondedOn <= (a.record.dueOn ?? ''),
      ).length,
      byMonth,
      byQuarter,
    };
  }

  // One row per answered request: reference, dates, title, decisions and the released figures.
  async disclosureRows(year?: number): Promise<string[][]> {
    const rows = (await this.answered(year)).sort((a, b) =>
      a.answer.respondedOn.localeCompare(b.answer.respondedOn),
    );
    return rows.map(({ record, answer }) => [
      record.reference,
      record.receivedOn,
      answer.respondedOn,
      record.title,
      (JSON.parse(answer.decisions) as { number: number; decision: string; exemption: string | null }[])
        .map(
          (d) =>
            `Q${d.number}: ${DECISION_WORDS[d.decision] ?? d.decision}${d.exemption ? ` (${d.exemption})` : ''}`,
        )
        .join('; '),
      releasedFigures(JSON.parse(answer.report) as Record<string, any>),
    ]);
  }

  async disclosureCsv(year?: number): Promise<string> {
    const lines = [DISCLOSURE_HEADINGS, ...(await this.disclosureRows(year))].map((row) =>
      row.map(csvField).join(','),
    );
    return `\ufeff${lines.join('\r\n')}\r\n`;
  }

  async disclosureXlsx(year?: number): Promise<Buffer> {
    const { default: exceljs } = await import('exceljs');
    const workbook = new exceljs.Workbook();
    workbook.creator = 'Seizure register';
    addPrintableSheet(
      workbook,
      {
        name: 'Disclosure log',
        title: year ? `FOI disclosure log ${year}` : 'FOI disclosure log',
        notes: ['Requests answered, with the decision on each question and the figures released.'],
        widths: [18, 13, 13, 40, 36, 50],
        tables: [
          {
            headers: DISCLOSURE_HEADINGS,
            rows: (await this.disclosureRows(year)).map(([ref, received, responded, ...rest]) => [
              ref,
              { date: received },
              { date: responded },
              ...rest,
            ]),
          },
        ],
      },
      { footerLeft: 'FOI disclosure log' },
    );
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }

  private async answered(year?: number): Promise<Answered[]> {
    const qb = this.dataSource
      .getRepository(FoiAnswerRecord)
      .createQueryBuilder('a')
      .where('a.voidedAt IS NULL');
    if (year)
      qb.andWhere('a.respondedOn >= :from AND a.respondedOn < :to', {
        from: `${year}-01-01`,
        to: `${year + 1}-01-01`,
      });
    const answers = await qb.getMany();
    const out: Answered[] = [];
    for (const answer of answers) {
      const record = await this.requests.record(this.dataSource.manager, answer.requestId);
      const events = await this.dataSource.getRepository(FoiRequestEvent).find({
        where: { requestId: record.id },
        order: { seq: 'ASC' },
      });
      const clock = runClock(record.receivedOn, events, this.requests.calendar());
      out.push({
        record,
        answer,
        withinTime: !!clock.statutoryDueOn && answer.respondedOn <= clock.statutoryDueOn,
      });
    }
    return out;
  }
}

export const DISCLOSURE_HEADINGS = [
  'Reference',
  'Received',
  'Responded',
  'Title',
  'Decisions',
  'Figures released',
];

function tally(rows: Answered[]): Tally {
  const withinTime = rows.filter((r) => r.withinTime).length;
  const share = rows.length === 0 ? null : Math.round((withinTime / rows.length) * 1000) / 1000;
  const band =
    share === null
      ? null
      : share >= ICO_BANDS.good
        ? 'good'
        : share >= ICO_BANDS.adequate
          ? 'adequate'
          : 'not adequate';
  return { answered: rows.length, withinTime, share, band };
}

function releasedFigures(report: Record<string, any>): string {
  const parts = [
    `Devices seized (${(report.meta?.deviceTypeLabels ?? report.meta?.deviceTypes ?? []).join(', ')}, ${report.meta?.from} to ${report.meta?.to} exclusive): ${report.q1?.total}`,
    `cases: ${report.q3?.cases}`,
    `progressed to court: ${report.q3?.casesProgressedToCourt}`,
    `devices served as evidence: ${report.q3?.devicesServedAsEvidence}`,
    `scope status on ${report.meta?.scopeOn}: ${report.q4?.statusLabel ?? report.q4?.status}`,
    `examinations started: ${report.q5?.examinationsRecorded}`,
  ];
  return parts.join('; ');
}
