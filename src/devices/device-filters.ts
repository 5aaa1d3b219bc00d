import type { SelectQueryBuilder } from 'typeorm';
import { toInstant } from '../common/columns.js';
import { RuleViolationError, ValidationFailedError } from '../common/errors.js';
import type { Device } from './device.entity.js';
import type { DeviceQueryDto } from './dto/device-query.dto.js';
import { caseReferenceMatch, deviceTextMatch, requireSearchText } from '../cases/text-search.js';
import { dialectOf } from '../database/dialect.js';
import { exhibitKeySql, exhibitSearchKey } from './device-search-sql.js';
import { normaliseMacAddress } from './mac-address.js';

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
    qb.andWhere(`${exhibitKeySql('d."exhibitRef"')} = :exhibitKey`, {
      exhibitKey: exhibitSearchKey(query.exhibitRef),
    });
  }
  if (query.macAddress !== undefined)
    qb.andWhere('d.macAddress = :mac', { mac: macFilter(query.macAddress) });
  if (query.serialNumber !== undefined) {
    qb.andWhere('UPPER(d."serialNumber") = :serial', { serial: query.serialNumber.trim().toUpperCase() });
  }
  if (query.sealNumber !== undefined) {
    qb.andWhere(
      'd.id IN (SELECT c."deviceId" FROM "custody_events" c WHERE c."sealNumber" = :seal AND c."voidedAt" IS NULL)',
      { seal: query.sealNumber.trim() },
    );
  }
  if (query.q !== undefined) applyTextSearch(qb, query.q);
  return qb;
}

function macFilter(raw: string): string {
  const mac = normaliseMacAddress(raw);
  if (mac !== null) return mac;
  throw new ValidationFailedError([
    {
      field: 'macAddress',
      message: 'macAddress must be a MAC address such as A4:C1:38:12:34:56 (any common notation)',
    },
  ]);
}

// q: the device's own text, or its case's reference, contains the text (trigram indexes; see
// device-search-sql.ts). Each side is an index lookup; their union gives the device ids.
function applyTextSearch(qb: SelectQueryBuilder<Device>, raw: string): void {
  const q = requireSearchText(raw);
  const dialect = dialectOf(qb.connection);
  const own = deviceTextMatch(dialect, q);
  const cases = caseReferenceMatch(dialect, q);
  qb.andWhere(
    `d.id IN (${own.sql} UNION SELECT x."id" FROM "devices" x WHERE x."caseId" IN (${cases.sql}))`,
    {
      ...own.params,
      ...cases.params,
    },
  );
}
