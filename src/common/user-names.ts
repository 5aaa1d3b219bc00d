import type { DataSource } from 'typeorm';

// Users' names by id, for answers that show who did something (histories, custody): names, never
// tokens. Ids that are not users (free text, the command line's null) are simply not in the map.
export async function userNames(
  dataSource: DataSource,
  ids: Iterable<string | null | undefined>,
): Promise<Map<string, string>> {
  const wanted = [
    ...new Set([...ids].filter((id): id is string => typeof id === 'string' && id.length === 36)),
  ];
  if (wanted.length === 0) return new Map();
  const rows = await dataSource
    .createQueryBuilder()
    .select(['u.id AS "id"', 'u.name AS "name"'])
    .from('users', 'u')
    .where('u.id IN (:...ids)', { ids: wanted })
    .getRawMany<{ id: string; name: string }>();
  return new Map(rows.map((r) => [r.id, r.name]));
}
