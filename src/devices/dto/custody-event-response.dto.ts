import type { CustodyEvent } from '../custody-event.entity.js';

export class CustodyEventResponseDto {
  id: string;
  deviceId: string;
  at: string;
  fromHolder: string | null;
  toHolder: string;
  toStatus: string;
  purpose: string | null;
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
    sealNumber: event.sealNumber,
    sealIntact: event.sealIntact === null ? null : Boolean(event.sealIntact),
    recordedBy: event.recordedBy,
    createdAt: event.createdAt,
    createdBy: event.createdBy,
  };
  // Names for answers only (the audit snapshot of an event has none).
  if (names) {
    response.recordedByName = names.get(event.recordedBy) ?? null;
    response.createdByName = names.get(event.createdBy) ?? null;
  }
  return response;
}
