import { Role } from '../auth/role.enum.js';
import { formErrors, type FormErrors } from '../pages/form-errors.js';
import { readDate } from '../pages/form-dates.js';
import { codeOptions, validated, withoutBlanks } from '../pages/page-forms.js';
import { PageController, PageGet, PagePost } from '../pages/page.decorators.js';
import { actor, field, redirect, view, type FormBody, type PageRequest, type PageResult } from '../pages/page-request.js';
import { ReferenceDataService } from '../reference-data/reference-data.service.js';
import { AccreditationService } from './accreditation.service.js';
import { CreateScopeEntryDto } from './dto/create-scope-entry.dto.js';

export const SCOPE_LABELS: Record<string, string> = {
  deviceType: 'Device type',
  status: 'Status',
  scopeType: 'Scope type',
  scheduleReference: 'Schedule reference',
  fsaCode: 'Forensic science activity code',
  effectiveFrom: 'In force from',
  notes: 'Notes',
  on: 'Date',
};

// The scope register per device type as a timeline, a change recorded, and "status on a date".
@PageController()
export class AccreditationPagesController {
  constructor(
    private readonly accreditation: AccreditationService,
    private readonly reference: ReferenceDataService,
  ) {}

  @PageGet('/scope', [Role.Lab, Role.ExhibitsOfficer])
  async scope(page: PageRequest): Promise<PageResult> {
    let errors: FormErrors | undefined;
    let answer;
    const deviceType = field(page.query, 'deviceType') || 'SMART_PLUG';
    if (field(page.query, 'on-year') || field(page.query, 'on-day')) {
      try {
        const on = readDate(page.query, 'on', SCOPE_LABELS.on) ?? undefined;
        answer = await this.accreditation.statusOn(deviceType, on);
      } catch (error) {
        errors = formErrors(error, SCOPE_LABELS, { on: 'on-day' });
      }
    }
    return this.scopePage(page, deviceType, errors, answer, {});
  }

  @PagePost('/scope', [Role.Lab])
  async addChange(page: PageRequest): Promise<PageResult> {
    const b = page.body;
    const deviceType = field(b, 'deviceType') || 'SMART_PLUG';
    try {
      const dto = await validated(
        CreateScopeEntryDto,
        withoutBlanks({
          deviceType,
          status: field(b, 'status'),
          scopeType: field(b, 'scopeType'),
          scheduleReference: field(b, 'scheduleReference'),
          effectiveFrom: readDate(b, 'effectiveFrom', SCOPE_LABELS.effectiveFrom) ?? '',
          notes: field(b, 'notes'),
        }),
      );
      await this.accreditation.create(dto, actor(page).id);
      return redirect(`/scope?deviceType=${encodeURIComponent(deviceType)}`, 'Scope change recorded.');
    } catch (error) {
      return this.scopePage(page, deviceType, formErrors(error, SCOPE_LABELS, { effectiveFrom: 'effectiveFrom-day' }), undefined, b);
    }
  }

  private async scopePage(page: PageRequest, deviceType: string, errors: FormErrors | undefined, answer: unknown, values: FormBody): Promise<PageResult> {
    const history = await this.accreditation.history(deviceType).catch(() => []);
    return view(
      'accreditation/views/scope.njk',
      {
        title: 'Scope register',
        deviceType,
        deviceTypes: codeOptions(this.reference, 'device-types', deviceType, ''),
        statuses: codeOptions(this.reference, 'accreditation-statuses', field(values, 'status'), 'Choose a status'),
        timeline: [...history].reverse().map((item) => ({
          label: { text: this.label('accreditation-statuses', item.status) },
          text: [
            item.scopeType ? `Scope type: ${item.scopeType.toLowerCase()}` : '',
            item.scheduleReference ? `Schedule ${item.scheduleReference}` : '',
            `Examinations: ${this.label('scope-statuses', item.scopeStatus)}`,
            item.appliesVia !== deviceType ? `(from the ${this.label('device-types', item.appliesVia)} row)` : '',
          ].filter(Boolean).join('. '),
          datetime: { timestamp: item.effectiveFrom, type: 'date' },
        })),
        answer,
        canEdit: page.user!.role === Role.Lab || page.user!.role === Role.Admin,
        query: page.query,
        errors,
        values,
      },
      errors?.status ?? 200,
    );
  }

  private label(list: string, code: string | null): string {
    if (!code) return '';
    try {
      return this.reference.items(list).find((i) => i.code === code)?.label ?? code;
    } catch {
      return code;
    }
  }
}
