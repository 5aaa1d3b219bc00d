import type { ConfigType } from '@nestjs/config';
import { Inject } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditQueryService } from '../audit/audit-query.service.js';
import { Role } from '../auth/role.enum.js';
import { CasesService } from '../cases/cases.service.js';
import { appConfig } from '../config/app.config.js';
import { ExaminationsService } from '../examinations/examinations.service.js';
import { ExaminationQueryDto } from '../examinations/dto/examination-query.dto.js';
import { formErrors, singleError, type FormErrors } from '../pages/form-errors.js';
import { readDateTime } from '../pages/form-dates.js';
import { historyInWords } from '../pages/history-words.js';
import { codeOptions, validated, withoutBlanks } from '../pages/page-forms.js';
import { PageController, PageGet, PagePost } from '../pages/page.decorators.js';
import { actor, field, redirect, view, type FormBody, type PageRequest, type PageResult } from '../pages/page-request.js';
import { ReferenceDataService } from '../reference-data/reference-data.service.js';
import { CustodyService } from './custody.service.js';
import type { Device } from './device.entity.js';
import { DevicesService } from './devices.service.js';
import { CreateCustodyEventDto } from './dto/create-custody-event.dto.js';
import { CreateDeviceDto } from './dto/create-device.dto.js';
import { toDeviceResponse } from './dto/device-response.dto.js';

export const DEVICE_LABELS: Record<string, string> = {
  caseId: 'Case',
  exhibitRef: 'Exhibit reference',
  deviceType: 'Device type',
  make: 'Make',
  model: 'Model',
  serialNumber: 'Serial number',
  macAddress: 'MAC address',
  firmwareVersion: 'Firmware version',
  seizedAt: 'Date and time seized',
  seizedBy: 'Seized by',
  seizureLocation: 'Where it was seized',
  powerStateAtSeizure: 'Power when seized',
  photographedInSitu: 'Photographed where found',
  networkIsolated: 'Isolated from networks',
  companionApp: 'Companion app',
  cloudAccountIdentifier: 'Cloud account',
  evidentialUse: 'Evidential use',
  custodyStatus: 'Custody status',
  reason: 'Reason',
};

export const CUSTODY_LABELS: Record<string, string> = {
  at: 'Date and time',
  fromHolder: 'From',
  toHolder: 'To',
  toStatus: 'New custody status',
  purpose: 'Purpose',
  notes: 'Notes',
  sealNumber: 'Seal number',
  sealIntact: 'Seal intact',
  recordedBy: 'Recorded by',
};

const WRITE = [Role.ExhibitsOfficer] as const;
const READ = [Role.ExhibitsOfficer, Role.Lab] as const;
const yesNo = (value: string) => (value === 'yes' ? true : value === 'no' ? false : '');

@PageController()
export class DevicesPagesController {
  constructor(
    private readonly devices: DevicesService,
    private readonly custody: CustodyService,
    private readonly cases: CasesService,
    private readonly examinations: ExaminationsService,
    private readonly audit: AuditQueryService,
    private readonly reference: ReferenceDataService,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(appConfig.KEY) private readonly app: ConfigType<typeof appConfig>,
  ) {}

  @PageGet('/cases/:id/devices/new', WRITE)
  async newForm(page: PageRequest): Promise<PageResult> {
    const found = await this.cases.findOne(page.params.id);
    return this.deviceForm(found.id, found.reference, {}, undefined);
  }

  @PagePost('/cases/:id/devices/new', WRITE)
  async create(page: PageRequest): Promise<PageResult> {
    const found = await this.cases.findOne(page.params.id);
    const b = page.body;
    try {
      const seizedAt = readDateTime(b, 'seizedAt', this.app.timeZone, DEVICE_LABELS.seizedAt);
      const dto = await validated(
        CreateDeviceDto,
        withoutBlanks({
          caseId: found.id,
          exhibitRef: field(b, 'exhibitRef'),
          deviceType: field(b, 'deviceType'),
          make: field(b, 'make'),
          model: field(b, 'model'),
          serialNumber: field(b, 'serialNumber'),
          macAddress: field(b, 'macAddress'),
          firmwareVersion: field(b, 'firmwareVersion'),
          seizedAt: seizedAt ?? '',
          seizedBy: field(b, 'seizedBy'),
          seizureLocation: field(b, 'seizureLocation'),
          powerStateAtSeizure: field(b, 'powerStateAtSeizure'),
          photographedInSitu: yesNo(field(b, 'photographedInSitu')),
          networkIsolated: yesNo(field(b, 'networkIsolated')),
          companionApp: field(b, 'companionApp'),
        }),
      );
      const created = await this.devices.create(dto, actor(page));
      return redirect(`/devices/${created.id}`, `Device ${created.exhibitRef} added.`);
    } catch (error) {
      return this.deviceForm(found.id, found.reference, b, formErrors(error, DEVICE_LABELS, { seizedAt: 'seizedAt-day' }));
    }
  }

  @PageGet('/devices/:id', READ)
  async show(page: PageRequest): Promise<PageResult> {
    return this.devicePage(page, await this.devices.findOne(page.params.id), undefined, {});
  }

  @PagePost('/devices/:id/custody-events', WRITE)
  async addCustodyEvent(page: PageRequest): Promise<PageResult> {
    const device = await this.devices.findOne(page.params.id);
    const b = page.body;
    try {
      const at = readDateTime(b, 'at', this.app.timeZone, CUSTODY_LABELS.at);
      const dto = await validated(
        CreateCustodyEventDto,
        withoutBlanks({
          at: at ?? '',
          fromHolder: field(b, 'fromHolder'),
          toHolder: field(b, 'toHolder'),
          toStatus: field(b, 'toStatus'),
          purpose: field(b, 'purpose'),
          notes: field(b, 'notes'),
          sealNumber: field(b, 'sealNumber'),
          sealIntact: yesNo(field(b, 'sealIntact')),
        }),
      );
      await this.custody.record(device.id, dto, actor(page));
      return redirect(`/devices/${device.id}#custody`, 'Custody event recorded.');
    } catch (error) {
      return this.devicePage(page, device, formErrors(error, CUSTODY_LABELS, { at: 'at-day' }), b);
    }
  }

  @PagePost('/devices/:id/void', WRITE)
  async void(page: PageRequest): Promise<PageResult> {
    const device = await this.devices.findOne(page.params.id);
    const reason = field(page.body, 'reason');
    if (!reason) return this.devicePage(page, device, singleError('reason', 'Enter why the device is being voided'), {});
    try {
      await this.devices.void(device.id, reason, actor(page));
      return redirect(`/devices/${device.id}`, 'Device voided.');
    } catch (error) {
      return this.devicePage(page, device, formErrors(error, DEVICE_LABELS), {});
    }
  }

  private deviceForm(caseId: string, caseReference: string, values: FormBody, errors: FormErrors | undefined): PageResult {
    return view(
      'devices/views/new.njk',
      {
        title: `Add a device to case ${caseReference}`,
        caseId,
        caseReference,
        values,
        errors,
        deviceTypes: codeOptions(this.reference, 'device-types', field(values, 'deviceType') || 'SMART_PLUG', ''),
      },
      errors?.status ?? 200,
    );
  }

  private async devicePage(page: PageRequest, device: Device, errors: FormErrors | undefined, values: FormBody): Promise<PageResult> {
    const [found, events, exams, history] = await Promise.all([
      this.cases.findOne(device.caseId),
      this.custody.list(device.id, 200, 0),
      this.examinations.list(await validated(ExaminationQueryDto, { deviceId: device.id, limit: '50', offset: '0' })),
      this.audit.history('device', device.id, 200, 0),
    ]);
    const lines = await historyInWords(this.dataSource, history.items, { ...DEVICE_LABELS, ...CUSTODY_LABELS });
    const canEdit = page.user!.role !== Role.Lab && !device.voidedAt;
    return view(
      'devices/views/show.njk',
      {
        title: `Exhibit ${device.exhibitRef}`,
        device: toDeviceResponse(device, page.user!.role),
        caseRecord: found,
        timeline: [...events.items].reverse().map((event) => ({
          label: { text: `${this.label('custody-statuses', event.toStatus)}` },
          text: [event.fromHolder ? `From ${event.fromHolder}` : '', `To ${event.toHolder}`, event.purpose ? `Purpose: ${this.label('custody-purposes', event.purpose)}` : '', event.notes ? `Notes: ${event.notes}` : '', event.voidedAt ? `Voided: ${event.voidReason ?? ''}` : '', event.sealNumber ? `Seal ${event.sealNumber}${event.sealIntact === false ? ' (not intact)' : ''}` : ''].filter(Boolean).join('. '),
          datetime: { timestamp: event.at, type: 'datetime' },
        })),
        examinations: exams.items,
        history: lines,
        canEdit,
        errors,
        values,
        statuses: codeOptions(this.reference, 'custody-statuses', field(values, 'toStatus'), 'Choose a status'),
        purposes: codeOptions(this.reference, 'custody-purposes', field(values, 'purpose'), 'Choose a purpose'),
      },
      errors?.status ?? 200,
    );
  }

  private label(list: string, code: string | null): string {
    return this.reference.items(list).find((i) => i.code === code)?.label ?? code ?? '';
  }
}
