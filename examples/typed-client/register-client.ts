// A typed client for the seizure register, built on the types openapi-typescript generates from the
// published contract (README "A typed client"):
//   npx openapi-typescript http://localhost:3000/docs-json -o examples/typed-client/register-api.d.ts
//   npx tsc --noEmit -p examples/typed-client
// It logs a case and a smart plug seized in it, then reads the FOI report. Node 20+ (global fetch).
import type { components, paths } from './register-api.js';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;

export type CaseToCreate = Json<paths['/api/cases']['post']['requestBody']>;
export type Case = Json<paths['/api/cases']['post']['responses']['201']>;
export type DeviceToCreate = Json<paths['/api/devices']['post']['requestBody']>;
export type Device = Json<paths['/api/devices']['post']['responses']['201']>;
export type FoiQuery = NonNullable<paths['/api/foi/report']['get']['parameters']['query']>;
export type FoiReport = Json<paths['/api/foi/report']['get']['responses']['200']>;
export type Problem = components['schemas']['ProblemDto'];

export class RegisterError extends Error {
  constructor(readonly problem: Problem) {
    super(`${problem.status} ${problem.title}: ${problem.detail}`);
  }
}

export function registerClient(baseUrl: string, token: string) {
  async function call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    const response = await fetch(new URL(path, baseUrl), {
      method,
      headers: {
        Authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const answer: unknown = await response.json();
    if (!response.ok) throw new RegisterError(answer as Problem);
    return answer as T;
  }
  return {
    createCase: (body: CaseToCreate) => call<Case>('POST', '/api/cases', body),
    createDevice: (body: DeviceToCreate) => call<Device>('POST', '/api/devices', body),
    foiReport: (query: FoiQuery) => {
      const search = new URLSearchParams();
      for (const [name, value] of Object.entries(query)) {
        for (const one of Array.isArray(value) ? value : [value]) search.append(name, String(one));
      }
      return call<FoiReport>('GET', `/api/foi/report?${search.toString()}`);
    },
  };
}

/** An exhibits officer logs a case and a smart plug; the FOI team reads the answer for that month. */
export async function logSeizureAndAskFoi(
  baseUrl: string,
  officerToken: string,
  foiToken: string,
  caseReference = 'CR/12345/25',
  suppressBelow?: string,
): Promise<{ caseId: string; deviceId: string; smartPlugsSeized: number | string }> {
  const officer = registerClient(baseUrl, officerToken);
  const created = await officer.createCase({
    reference: caseReference,
    kind: 'CRIME',
    homeOfficeCode: '92A',
  });
  const device = await officer.createDevice({
    caseId: created.id,
    exhibitRef: 'JD/1',
    deviceType: 'SMART_PLUG',
    macAddress: 'a4-c1-38-12-34-56',
    seizedAt: '2025-03-01T10:15:00+00:00',
    seizedBy: 'PC 1234',
    powerStateAtSeizure: 'ON',
  });
  const foi = registerClient(baseUrl, foiToken);
  const report = await foi.foiReport({
    deviceType: ['SMART_PLUG'],
    from: '2025-03-01',
    to: '2025-04-01',
    ...(suppressBelow === undefined ? {} : { suppressBelow }),
  });
  return { caseId: created.id, deviceId: device.id, smartPlugsSeized: report.q1.total };
}
