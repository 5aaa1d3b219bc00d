import type { SelectQueryBuilder } from 'typeorm';
import { toInstant } from '../common/columns.js';
import { RuleViolationError } from '../common/errors.js';
import type { Device } from './device.entity.js';
import type { DeviceQueryDto } from './dto/device-query.dto.js';
import { normaliseExhibitRef } from './exhibit-reference.js';

export type DeviceFilters = Omit<DeviceQueryDto, 'limit' | 'offset'>;

export interface SeizedWindow {
  from?: string;
  to?: string;
}

// The list's seizure window as instants (seizedFrom inclusive, seizedTo exclusive).
export function seizedWindow(query: DeviceFilters): SeizedWindow {
  const from = query.seizedFrom === undefined ? undefined : toInstant(query.seizedFrom);
  const to = query.seizedTo === undefined ? undefined : toInstant(query.seizedTo);
  if (from !== undefined && to !== undefined && from > to) {
    throw new RuleViolationError('WINDOW_REVERSED', 'seizedTo', 'seizedTo is before seizedFrom');
  }
  return { from, to };
}

// The device list's filters, shared by GET /api/devices and its spreadsheet export (alias `d`).
export function applyDeviceFilters(
  qb: SelectQueryBuilder<Device>,
  query: DeviceFilters,
  { from, to }: SeizedWindow,
): SelectQueryBuilder<Device> {
  if (!query.includeVoided) qb.andWhere('d.voidedAt IS NULL');
  if (query.caseId !== undefined) qb.andWhere('d.caseId = :caseId', { caseId: query.caseId });
  if (query.deviceType !== undefined) qb.andWhere('d.deviceType IN (:...types)', { types: query.deviceType });
  for (const field of ['custodyStatus', 'evidentialUse', 'propertyReference'] as const) {
    if (query[field] !== undefined) qb.andWhere(`d.${field} = :${field}`, { [field]: query[field] });
  }
  if (from !== undefined) qb.andWhere('d.seizedAt >= :from', { from });
  if (to !== undefined) qb.andWhere('d.seizedAt < :to', { to });
  if (query.exhibitRef !== undefined) {
    qb.andWhere('d.exhibitRef = :exhibitRef', { exhibitRef: normaliseExhibitRef(query.exhibitRef) });
  }
  return qb;
}
