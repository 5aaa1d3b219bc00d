import type { CustodyEvent } from '../custody-event.entity.js';

export class CustodyEventResponseDto {
  id: string;
  deviceId: string;
  at: string;
  fromHolder: string | null;
  toHolder: string;
  toStatus: string;
  /** A code from /api/reference/custody-purposes. */
  purpose: string | null;
  notes: string | null;
  sealNumber: string | null;
  sealIntact: boolean | null;
  recordedBy: string;
  createdAt: string;
  createdBy: string;
  /** Set when the event was entered in error: it stays in the trail, and no longer counts. */
  voidedAt: string | null;
  voidedBy: string | null;
  voidReason: string | null;
}

export class CustodyEventPageDto {
  items: CustodyEventResponseDto[];
  total: number;
  limit: number;
  offset: number;
}

export function toCustodyEventResponse(event: CustodyEvent): CustodyEventResponseDto {
  return {
    id: event.id,
    deviceId: event.deviceId,
    at: event.at,
    fromHolder: event.fromHolder,
    toHolder: event.toHolder,
    toStatus: event.toStatus,
    purpose: event.purpose,
    notes: event.notes ?? null,
    sealNumber: event.sealNumber,
    sealIntact: event.sealIntact === null ? null : Boolean(event.sealIntact),
    recordedBy: event.recordedBy,
    createdAt: event.createdAt,
    createdBy: event.createdBy,
    voidedAt: event.voidedAt ?? null,
    voidedBy: event.voidedBy ?? null,
    voidReason: event.voidReason ?? null,
  };
}

/** The device's custody once the event is voided: recomputed from the events that remain. */
export class DeviceCustodyDto {
  id: string;
  custodyStatus: string;
  /** The latest remaining event's toHolder, or the seizing officer when none remains. */
  custodyHolder: string;
  version: number;
}

export class VoidedCustodyEventResponseDto extends CustodyEventResponseDto {
  device: DeviceCustodyDto;
}
