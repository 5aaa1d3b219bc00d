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
  /** The user's name when recordedBy is a user of the register (it defaults to the one recording);
   * in answers, not in the audit trail. */
  recordedByName?: string | null;
  createdAt: string;
  createdBy: string;
  /** The name of the user who recorded the event. */
  createdByName?: string | null;
  /** Set when the event was entered in error: it stays in the trail, and no longer counts. */
  voidedAt: string | null;
  voidedBy: string | null;
  voidReason: string | null;
  /** The name of the user who voided it. */
  voidedByName?: string | null;
}

export class CustodyEventPageDto {
  items: CustodyEventResponseDto[];
  total: number;
  limit: number;
  offset: number;
}

export function toCustodyEventResponse(
  event: CustodyEvent,
  names?: ReadonlyMap<string, string>,
): CustodyEventResponseDto {
  const response: CustodyEventResponseDto = {
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
  // Names for answers only (the audit snapshot of an event has none).
  if (names) {
    response.recordedByName = names.get(event.recordedBy) ?? null;
    response.createdByName = names.get(event.createdBy) ?? null;
    response.voidedByName = event.voidedBy ? (names.get(event.voidedBy) ?? null) : null;
  }
  return response;
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
