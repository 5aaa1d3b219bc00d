// The operations whose answers the e2e tests hold to the contract. 'all' holds every answer (an endpoint
// missing from the contract fails too); a set lists the operationIds swept so far.
export const CONTRACT_ENFORCED: 'all' | ReadonlySet<string> = new Set<string>([
  'HealthController_check',
]);
