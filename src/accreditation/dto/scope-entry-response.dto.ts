import { ScopeEntry } from '../scope-entry.entity.js';

export class ScopeEntryResponseDto {
  id: string;
  deviceType: string;
  activity: string | null;
  standard: string;
  accreditationBody: string;
  scheduleReference: string | null;
  fsaCode: string | null;
  scopeType: string | null;
  status: string;
  effectiveFrom: string;
  notes: string | null;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  version: number;
  voidedAt: string | null;
  voidedBy: string | null;
  voidReason: string | null;
}

export function toScopeEntryResponse(entry: ScopeEntry): ScopeEntryResponseDto {
  return {
    id: entry.id,
    deviceType: entry.deviceType,
    activity: entry.activity,
    standard: entry.standard,
    accreditationBody: entry.accreditationBody,
    scheduleReference: entry.scheduleReference,
    fsaCode: entry.fsaCode,
    scopeType: entry.scopeType,
    status: entry.status,
    effectiveFrom: entry.effectiveFrom,
    notes: entry.notes,
    createdAt: entry.createdAt,
    createdBy: entry.createdBy,
    updatedAt: entry.updatedAt,
    version: entry.version,
    voidedAt: entry.voidedAt,
    voidedBy: entry.voidedBy,
    voidReason: entry.voidReason,
  };
}

export class ScopeEntryPageDto {
  items: ScopeEntryResponseDto[];
  total: number;
  limit: number;
  offset: number;
}
