import type { EntityManager } from 'typeorm';
import { nowInstant } from '../common/columns.js';
import { ConflictError, NotFoundError, PreconditionFailedError } from '../common/errors.js';
import { requireVersion } from '../common/if-match.js';
import { Device } from './device.entity.js';

export interface DeviceChange {
  /** The device as read (for the audit's "before"). */
  before: Device;
  /** The device as stored after the change (the one read when nothing changed). */
  after: Device;
  changed: boolean;
}

// A change to a device under If-Match (PATCH and move alike), inside the caller's transaction: 404 when
// there is no such device, 428/412 on the version (common/if-match.ts), 409 when it is voided; then
// `decide` checks the change against the register and returns the columns to write (null: nothing to
// change), written only if the device is still at the version read (412 otherwise), its version moved on.
export async function changeDeviceAtVersion(
  manager: EntityManager,
  id: string,
  ifMatch: string | undefined,
  verb: 'changed' | 'moved',
  decide: (current: Device) => Promise<Partial<Device> | null>,
): Promise<DeviceChange> {
  const repo = manager.getRepository(Device);
  const current = await repo.findOneBy({ id });
  if (!current) throw new NotFoundError('DEVICE_NOT_FOUND', 'No device has this id.');
  const expected = requireVersion(ifMatch, current.version);
  if (current.voidedAt)
    throw new ConflictError('DEVICE_VOIDED', `This device is voided and cannot be ${verb}.`);
  const changes = await decide(current);
  if (!changes) return { before: current, after: current, changed: false };
  const result = await manager
    .createQueryBuilder()
    .update(Device)
    .set({ ...changes, updatedAt: nowInstant(), version: () => 'version + 1' })
    .where('id = :id AND version = :expected', { id, expected })
    .execute();
  if (result.affected !== 1)
    throw new PreconditionFailedError('VERSION_STALE', 'The device changed meanwhile.');
  return { before: current, after: await repo.findOneByOrFail({ id }), changed: true };
}
