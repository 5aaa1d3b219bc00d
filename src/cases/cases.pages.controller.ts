import { Role } from '../auth/role.enum.js';
import { PreconditionFailedError } from '../common/errors.js';
import { DevicesQueries } from '../devices/devices.queries.js';
import { DeviceQueryDto } from '../devices/dto/device-query.dto.js';
import { formErrors, singleError, type FormErrors } from '../pages/form-errors.js';
import { dateParts, readDate } from '../pages/form-dates.js';
import { blanksAsNull, codeOptions, labelOf, pageNumber, pagination, validated, withoutBlanks } from '../pages/page-forms.js';
import { PageController, PageGet, PagePost } from '../pages/page.decorators.js';
import { actor, field, redirect, view, type FormBody, type PageRequest, type PageResult } from '../pages/page-request.js';
import { ReferenceDataService } from '../reference-data/reference-data.service.js';
import type { Case } from './case.entity.js';
import { CasesService } from './cases.service.js';
import { CaseQueryDto } from './dto/case-query.dto.js';
import { CreateCaseDto } from './dto/create-case.dto.js';
import { UpdateCaseDto } from './dto/update-case.dto.js';

export const CASE_LABELS: Record<string, string> = {
  reference: 'Reference',
  q: 'Reference, or part of it',
  kind: 'Crime or incident',
  offenceSubgroup: 'Offence',
  homeOfficeCode: 'Home Office offence code',
  incidentCategory: 'Incident category',
  policeOutcome: 'Police outcome',
  courtStage: 'Court stage',
  courtResult: 'Court result',
  courtResultAt: 'Date of the court result',
  policingArea: 'Policing area',
  reason: 'Reason',
};

const EDITABLE = [
  'offenceSubgroup',
  'homeOfficeCode',
  'incidentCategory',
  'policeOutcome',
  'courtStage',
  'courtResult',
  'courtResultAt',
  'policingArea',
] as const;

const READ_ROLES = [Role.ExhibitsOfficer, Role.Lab] as const;
const PAGE_SIZE = 25;
const DEVICE_PAGE_SIZE = 50;

@PageController()
export class CasesPagesController {
  constructor(
    private readonly cases: CasesService,
    private readonly devices: DevicesQueries,
    private readonly reference: ReferenceDataService,
  ) {}

  @PageGet('/cases', READ_ROLES)
  async list(page: PageRequest): Promise<PageResult> {
    // Part of a reference, any letter case: the API's GET /api/cases?q= through the same service.
    const filters = {
      q: field(page.query, 'q'),
      kind: field(page.query, 'kind'),
      offenceGroup: field(page.query, 'offenceGroup'),
      progressedToCourt: field(page.query, 'progressedToCourt'),
    };
    const number = pageNumber(field(page.query, 'page'));
    let errors: FormErrors | undefined;
    let result: { items: Case[]; total: number } = { items: [], total: 0 };
    try {
      const query = await validated(CaseQueryDto, {
        ...withoutBlanks(filters),
        limit: String(PAGE_SIZE),
        offset: String((number - 1) * PAGE_SIZE),
      });
      result = await this.cases.list(query);
    } catch (error) {
      errors = formErrors(error, CASE_LABELS);
    }
    return view('cases/views/list.njk', {
      title: 'Cases',
      filters,
      errors,
      rows: result.items,
      kinds: [
        { value: '', text: 'Any' },
        { value: 'CRIME', text: 'Crime', selected: filters.kind === 'CRIME' },
        { value: 'INCIDENT', text: 'Non-crime incident', selected: filters.kind === 'INCIDENT' },
      ],
      offenceGroups: codeOptions(this.reference, 'offence-groups', filters.offenceGroup, 'Any'),
      pages: pagination('/cases', withoutBlanks(filters) as Record<string, string>, result.total, PAGE_SIZE, (number - 1) * PAGE_SIZE),
    }, errors?.status ?? 200);
  }

  @PageGet('/cases/new', [Role.ExhibitsOfficer])
  async newForm(): Promise<PageResult> {
    return this.caseForm({}, undefined);
  }

  @PagePost('/cases/new', [Role.ExhibitsOfficer])
  async create(page: PageRequest): Promise<PageResult> {
    try {
      const dto = await validated(CreateCaseDto, withoutBlanks(this.caseValues(page.body, true)));
      const created = await this.cases.create(dto, actor(page));
      return redirect(`/cases/${created.id}`, `Case ${created.reference} logged.`);
    } catch (error) {
      return this.caseForm(page.body, formErrors(error, CASE_LABELS, { courtResultAt: 'courtResultAt-day' }));
    }
  }

  @PageGet('/cases/:id', READ_ROLES)
  async show(page: PageRequest): Promise<PageResult> {
    const found = await this.cases.findOne(page.params.id);
    return this.casePage(page, found, undefined, undefined);
  }

  // Edit with the version read: a stale version shows what someone else changed meanwhile.
  @PagePost('/cases/:id', [Role.ExhibitsOfficer])
  async update(page: PageRequest): Promise<PageResult> {
    const id = page.params.id;
    try {
      const values = blanksAsNull(this.caseValues(page.body, false));
      const dto = await validated(UpdateCaseDto, values);
      await this.cases.update(id, dto, `"${field(page.body, 'version')}"`, actor(page));
      return redirect(`/cases/${id}`, 'Case saved.');
    } catch (error) {
      const current = await this.cases.findOne(id);
      const conflict = error instanceof PreconditionFailedError ? this.changesSince(page.body, current) : undefined;
      return this.casePage(page, current, formErrors(error, CASE_LABELS, { courtResultAt: 'courtResultAt-day' }), conflict ? { changes: conflict, submitted: page.body } : undefined);
    }
  }

  @PagePost('/cases/:id/void', [Role.ExhibitsOfficer])
  async void(page: PageRequest): Promise<PageResult> {
    const id = page.params.id;
    const reason = field(page.body, 'reason');
    if (!reason) {
      return this.casePage(page, await this.cases.findOne(id), singleError('reason', 'Enter why the case is being voided'), undefined);
    }
    try {
      await this.cases.void(id, reason, actor(page));
      return redirect(`/cases/${id}`, 'Case voided.');
    } catch (error) {
      return this.casePage(page, await this.cases.findOne(id), formErrors(error, CASE_LABELS), undefined);
    }
  }

  private caseValues(body: FormBody, creating: boolean): Record<string, unknown> {
    const values: Record<string, unknown> = {};
    if (creating) {
      values.reference = field(body, 'reference');
      values.kind = field(body, 'kind');
    }
    for (const key of EDITABLE) values[key] = key === 'courtResultAt' ? (readDate(body, key, CASE_LABELS[key]) ?? '') : field(body, key);
    if (!creating || values.kind !== 'INCIDENT') {
      if (values.kind === 'CRIME') values.incidentCategory = '';
    }
    if (values.kind === 'INCIDENT') {
      for (const key of ['offenceSubgroup', 'homeOfficeCode', 'policeOutcome', 'courtStage', 'courtResult', 'courtResultAt']) values[key] = '';
    }
    return values;
  }

  private options(values: Record<string, unknown>) {
    const v = (key: string) => (values[key] as string | undefined) ?? '';
    return {
      offenceSubgroups: codeOptions(this.reference, 'offence-subgroups', v('offenceSubgroup')),
      homeOfficeCodes: this.reference.items('home-office-offences').length <= 1000 ? codeOptions(this.reference, 'home-office-offences', v('homeOfficeCode')).map((item) => ({ ...item, text: item.value ? `${item.value}: ${item.text}` : item.text })) : [],
      incidentCategories: codeOptions(this.reference, 'incident-categories', v('incidentCategory')),
      policeOutcomes: codeOptions(this.reference, 'police-outcomes', v('policeOutcome')).map((item) => ({ ...item, text: item.value ? `${item.value}: ${item.text}` : item.text })),
      courtStages: codeOptions(this.reference, 'court-stages', v('courtStage')),
      courtResults: codeOptions(this.reference, 'court-results', v('courtResult')),
      policingAreas: codeOptions(this.reference, 'policing-areas', v('policingArea')),
    };
  }

  private caseForm(body: FormBody, errors: FormErrors | undefined): PageResult {
    const values = { ...body } as Record<string, unknown>;
    return view(
      'cases/views/new.njk',
      { title: 'Log a new case', values, errors, ...this.options(values), courtResultAt: { day: field(body, 'courtResultAt-day'), month: field(body, 'courtResultAt-month'), year: field(body, 'courtResultAt-year') } },
      errors?.status ?? 200,
    );
  }

  private async casePage(
    page: PageRequest,
    found: Case,
    errors: FormErrors | undefined,
    conflict: { changes: { label: string; was: string; now: string }[]; submitted: FormBody } | undefined,
  ): Promise<PageResult> {
    // A case's devices, a page at a time (a large seizure can hold hundreds of exhibits).
    const number = page.request.method === 'GET' ? pageNumber(field(page.query, 'page')) : 1;
    const devices = await this.devices.list(
      await validated(DeviceQueryDto, { caseId: found.id, limit: String(DEVICE_PAGE_SIZE), offset: String((number - 1) * DEVICE_PAGE_SIZE), includeVoided: 'true' }),
    );
    const values: Record<string, unknown> = { ...found };
    const canEdit = page.user!.role !== Role.Lab && !found.voidedAt;
    return view(
      'cases/views/show.njk',
      {
        title: `Case ${found.reference}`,
        found,
        devices: devices.items,
        devicePages: pagination(`/cases/${found.id}`, {}, devices.total, DEVICE_PAGE_SIZE, devices.offset),
        errors,
        conflict,
        canEdit,
        values,
        read: Object.fromEntries(EDITABLE.map((key) => [key, found[key] ?? ''])),
        courtResultAt: dateParts(found.courtResultAt, 'UTC'),
        labels: {
          offence: labelOf(this.reference, 'offence-subgroups', found.offenceSubgroup),
          offenceGroup: labelOf(this.reference, 'offence-groups', found.offenceGroup),
          homeOffice: labelOf(this.reference, 'home-office-offences', found.homeOfficeCode),
          incident: labelOf(this.reference, 'incident-categories', found.incidentCategory),
          policeOutcome: labelOf(this.reference, 'police-outcomes', found.policeOutcome),
          courtStage: labelOf(this.reference, 'court-stages', found.courtStage),
          courtResult: labelOf(this.reference, 'court-results', found.courtResult),
          policingArea: labelOf(this.reference, 'policing-areas', found.policingArea),
        },
        ...this.options(values),
      },
      errors?.status ?? 200,
    );
  }

  // What differs between the values the user read (hidden read-* fields) and the case now.
  private changesSince(body: FormBody, current: Case): { label: string; was: string; now: string }[] {
    const lists: Record<string, string> = {
      offenceSubgroup: 'offence-subgroups',
      homeOfficeCode: 'home-office-offences',
      incidentCategory: 'incident-categories',
      policeOutcome: 'police-outcomes',
      courtStage: 'court-stages',
      courtResult: 'court-results',
      policingArea: 'policing-areas',
    };
    const shown = (key: string, code: string) => (lists[key] ? labelOf(this.reference, lists[key], code) : code) || 'Not recorded';
    return EDITABLE.filter((key) => field(body, `read-${key}`) !== (current[key] ?? '')).map((key) => ({
      label: CASE_LABELS[key],
      was: shown(key, field(body, `read-${key}`)),
      now: shown(key, current[key] ?? ''),
    }));
  }
}
