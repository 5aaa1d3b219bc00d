import { In, type DataSource } from 'typeorm';
import type { AuditEvent } from '../audit/audit-event.entity.js';
import { User } from '../auth/user.entity.js';

// A record's audit events as sentences a person reads ("PC Smith changed Make from TP-Link to Tapo"),
// with user names instead of ids. Field names become labels; restricted values stay as the audit shows them.
export interface HistoryLine {
  at: string;
  who: string;
  text: string;
}

const VERBS: Record<string, string> = {
  create: 'created',
  update: 'changed',
  void: 'voided',
  record: 'recorded',
  move: 'moved',
};

export async function historyInWords(
  dataSource: DataSource,
  events: AuditEvent[],
  labels: Record<string, string>,
): Promise<HistoryLine[]> {
  const ids = [...new Set(events.map((e) => e.actorId).filter((id): id is string => !!id))];
  const users = ids.length ? await dataSource.getRepository(User).findBy({ id: In(ids) }) : [];
  const names = new Map(users.map((u) => [u.id, u.name]));
  return events.map((event) => {
    const who = event.actorId ? (names.get(event.actorId) ?? 'Unknown user') : 'The system';
    return { at: event.at, who, text: sentence(event, labels) };
  });
}

function shown(value: unknown): string {
  if (value === null || value === undefined || value === '') return 'nothing';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return String(value);
}

function sentence(event: AuditEvent, labels: Record<string, string>): string {
  const [entity, verb] = event.action.split('.');
  const thing = entity === 'custody' ? 'a custody event' : `the ${entity.replace(/_/g, ' ')}`;
  let changes: { before?: Record<string, unknown> | null; after?: Record<string, unknown> | null } = {};
  try {
    changes = JSON.parse(event.changes) as typeof changes;
  } catch {
    changes = {};
  }
  const after = changes.after ?? {};
  const before = changes.before ?? {};
  if (verb === 'void') return `voided ${thing}: ${shown(after.voidReason ?? '')}`;
  if (entity === 'custody' && verb === 'record') {
    const to = after.toHolder ? ` to ${shown(after.toHolder)}` : '';
    const status = after.toStatus ? ` (${shown(after.toStatus)})` : '';
    return `recorded a custody event${to}${status}`;
  }
  if (verb === 'update' && changes.before) {
    const parts = Object.keys(after)
      .filter((key) => !['version', 'updatedAt'].includes(key))
      .map((key) => `${labels[key] ?? key} from ${shown(before[key])} to ${shown(after[key])}`);
    return parts.length ? `changed ${parts.join('; ')}` : `changed ${thing}`;
  }
  return `${VERBS[verb] ?? verb} ${thing}`;
}
