import type { ConfigType } from '@nestjs/config';
import { Inject } from '@nestjs/common';
import { Role } from '../auth/role.enum.js';
import { CasesService } from '../cases/cases.service.js';
import { appConfig } from '../config/app.config.js';
import { DevicesService } from '../devices/devices.service.js';
import { formErrors, type FormErrors } from '../pages/form-errors.js';
import { readDateTime } from '../pages/form-dates.js';
import { codeOptions, pageNumber, pagination, validated, withoutBlanks } from '../pages/page-forms.js';
import { PageController, PageGet, PagePost } from '../pages/page.decorators.js';
import { actor, field, redirect, view, type FormBody, type PageRequest, type PageResult } from '../pages/page-request.js';
import { ReferenceDataService } from '../reference-data/reference-data.service.js';
import { CreateExaminationDto } from './dto/create-examination.dto.js';
import { canSeeRestricted, toExaminationResponse } from './dto/examination-response.dto.js';
import { UpdateExaminationDto } from './dto/update-examination.dto.js';
import type { Examination } from './examination.entity.js';
import { ExaminationQueueService } from './examination-queue.service.js';
import { ExaminationsService } from './examinations.service.js';

export const EXAMINATION_LABELS: Record<string, string> = {
  requestedAt: 'Date and time requested',
  startedAt: 'Date and time started',
  completedAt: 'Date and time completed',
  cancelledAt: 'Date and time cancelled',
  status: 'Status',
  methods: 'Methods',
  findingsSummary: 'Findings summary',
  dataRecovered: 'Data recovered',
  codeCompliance: 'Code compliance',
  scopeStatusAtStart: 'Scope status at start',
  scopeStartOverrideReason: 'Reason for the scope status at start',
  scopeStatusAtCompletion: 'Scope status at completion',
  scopeCompletionOverrideReason: 'Reason for the scope status at completion',
};

const QUEUE_PAGE_SIZE = 50;
const DAY_MS = 86_400_000;

@PageController()
export class ExaminationsPagesController {
  constructor(
    private readonly examinations: ExaminationsService,
    private readonly queueService: ExaminationQueueService,
    private readonly devices: DevicesService,
    private readonly cases: CasesService,
    private readonly reference: ReferenceDataService,
    @Inject(appConfig.KEY) private readonly app: ConfigType<typeof appConfig>,
  ) {}

  // The queue: requested and in progress, oldest first, a page at a time; each page's devices and
  // their cases read in one statement.
  @PageGet('/examinations', [Role.Lab])
  async queue(page: PageRequest): Promise<PageResult> {
    const number = pageNumber(field(page.query, 'page'));
    const queue = await this.queueService.page(QUEUE_PAGE_SIZE, (number - 1) * QUEUE_PAGE_SIZE);
    const devices = await this.examinations.devicesOf(queue.items);
    const now = Date.now();
    const rows = queue.items.map((exam) => ({
      id: exam.id,
      status: exam.status,
      requestedAt: exam.requestedAt,
      ageDays: Math.floor((now - Date.parse(exam.requestedAt)) / DAY_MS),
      ...devices.get(exam.deviceId),
    }));
    return view('examinations/views/queue.njk', {
      title: 'Examination queue',
      rows,
      totals: queue.byStatus,
      pages: pagination('/examinations', {}, queue.total, QUEUE_PAGE_SIZE, queue.offset),
    });
  }

  @PagePost('/devices/:id/examinations', [Role.Lab])
  async request(page: PageRequest): Promise<PageResult> {
    const device = await this.devices.findOne(page.params.id);
    try {
      const dto = await validated(CreateExaminationDto, { deviceId: device.id, requestedAt: new Date().toISOString() });
      const created = await this.examinations.create(dto, actor(page).id);
      return redirect(`/examinations/${created.id}`, 'Examination requested.');
    } catch (error) {
      return redirect(`/devices/${device.id}`, formErrors(error, EXAMINATION_LABELS).summary.map((s) => s.text).join(' '));
    }
  }

  @PageGet('/examinations/:id', [Role.Lab, Role.ExhibitsOfficer])
  async show(page: PageRequest): Promise<PageResult> {
    return this.examinationPage(page, await this.examinations.get(page.params.id), undefined, {});
  }

  // Start, complete or cancel: one form per step, each sending the version read.
  @PagePost('/examinations/:id', [Role.Lab])
  async update(page: PageRequest): Promise<PageResult> {
    const exam = await this.examinations.get(page.params.id);
    const b = page.body;
    const step = field(b, 'step');
    try {
      const zone = this.app.timeZone;
      const values: Record<string, unknown> = {};
      if (step === 'start') {
        values.status = 'IN_PROGRESS';
        values.startedAt = readDateTime(b, 'startedAt', zone, EXAMINATION_LABELS.startedAt) ?? '';
        values.methods = field(b, 'methods');
      } else if (step === 'complete') {
        values.status = 'COMPLETED';
        values.completedAt = readDateTime(b, 'completedAt', zone, EXAMINATION_LABELS.completedAt) ?? '';
        values.findingsSummary = field(b, 'findingsSummary');
        values.codeCompliance = field(b, 'codeCompliance');
        const recovered = field(b, 'dataRecovered');
        values.dataRecovered = recovered === 'yes' ? true : recovered === 'no' ? false : '';
      } else if (step === 'cancel') {
        values.status = 'CANCELLED';
      }
      const dto = await validated(UpdateExaminationDto, withoutBlanks(values));
      await this.examinations.update(exam.id, dto, `"${field(b, 'version')}"`, actor(page).id);
      const done = { start: 'Examination started.', complete: 'Examination completed.', cancel: 'Examination cancelled.' }[step];
      return redirect(`/examinations/${exam.id}`, done ?? 'Examination saved.');
    } catch (error) {
      return this.examinationPage(page, exam, formErrors(error, EXAMINATION_LABELS, { startedAt: 'startedAt-day', completedAt: 'completedAt-day' }), b);
    }
  }

  private async examinationPage(page: PageRequest, exam: Examination, errors: FormErrors | undefined, values: FormBody): Promise<PageResult> {
    const device = await this.devices.findOne(exam.deviceId);
    const found = await this.cases.findOne(device.caseId);
    const role = page.user!.role;
    return view(
      'examinations/views/show.njk',
      {
        title: `Examination of exhibit ${device.exhibitRef}`,
        exam: toExaminationResponse(exam, role),
        restricted: canSeeRestricted(role),
        canEdit: role === Role.Lab || role === Role.Admin,
        device,
        caseRecord: found,
        errors,
        values,
        codeCompliance: codeOptions(this.reference, 'code-compliance', field(values, 'codeCompliance'), 'Not assessed yet'),
      },
      errors?.status ?? 200,
    );
  }
}
