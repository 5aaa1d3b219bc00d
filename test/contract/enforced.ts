// The operations whose answers the e2e tests hold to the contract. 'all' holds every answer (an endpoint
// missing from the contract fails too); a set lists the operationIds swept so far. CONTRACT_ENFORCE=all
// holds every answer whatever this says.
const SWEPT: ReadonlySet<string> = new Set<string>(['HealthController_check']);

export const CONTRACT_ENFORCED: 'all' | ReadonlySet<string> = process.env.CONTRACT_ENFORCE === 'all' ? 'all' : SWEPT;
