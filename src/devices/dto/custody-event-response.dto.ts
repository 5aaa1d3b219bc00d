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
  createdAt: string;
  createdBy: string;
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
    sealNumber: event.sealNumber,
    sealIntact: event.sealIntact === null ? null : Boolean(event.sealIntact),
    recordedBy: event.recordedBy,
    createdAt: event.createdAt,
    createdBy: event.createdBy,
  };
}
