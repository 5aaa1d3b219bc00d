import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

// Holds the server to its published contract: every answer an e2e test receives through createTestApp's
// http() is checked against /docs-json (status documented, media type documented, JSON body valid against
// the schema, ETag / Location / Retry-After documented where sent and sent where documented as required).
// In the tests an object schema that lists its properties allows no others, so an undocumented field fails.

type Json = Record<string, unknown>;
export interface Answer {
  method: string;
  url: string;
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
  text?: string;
}

const CHECKED_HEADERS = ['etag', 'location', 'retry-after'];
// The contract is the API's: /api/… and /health. The pages (HTML), their assets and the docs themselves
// are not operations of it.
const API = /^\/(api\/|health$)/;

// ajv-formats is CommonJS: its function is the default export's default under ESM.
const formats = addFormatsModule as unknown as { default?: (ajv: Ajv) => Ajv };
const addFormats = formats.default ?? (addFormatsModule as unknown as (ajv: Ajv) => Ajv);

interface Route {
  template: string;
  pattern: RegExp;
  statics: number;
  operations: Record<string, Json>;
}

export class ResponseContract {
  private readonly ajv: Ajv;
  private readonly routes: Route[];
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(
    private readonly document: Json,
    /** Operation ids held to the contract; 'all' = every answer (undocumented routes included). */
    private readonly enforced: 'all' | ReadonlySet<string> = 'all',
    /** Operation ids left out whatever `enforced` says (test/contract/enforced.ts gives each its reason). */
    private readonly notYet: ReadonlyMap<string, string> = new Map(),
  ) {
    this.ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
    addFormats(this.ajv);
    const components = strictCopy(
      openApi30ToJsonSchema((document.components as Json | undefined) ?? {}),
    ) as Json;
    this.ajv.addSchema({ $id: 'openapi.json', components });
    this.routes = Object.entries(document.paths as Record<string, Record<string, Json>>)
      .map(([template, item]) => ({
        template,
        pattern: new RegExp(`^${template.replace(/[.]/g, '\\.').replace(/\{[^}]+\}/g, '[^/]+')}$`),
        statics: template.split('/').filter((segment) => segment && !segment.startsWith('{')).length,
        operations: item,
      }))
      // Static segments win over parameters (/api/devices.csv before /api/devices/{id}), as in Fastify.
      .sort((a, b) => b.statics - a.statics);
  }

  /** What is wrong with the answer (empty when it conforms or is not held to the contract). */
  check(answer: Answer): string[] {
    const path = new URL(answer.url, 'http://localhost').pathname;
    if (!API.test(path)) return [];
    const method = answer.method.toLowerCase();
    const route = this.routes.find((candidate) => candidate.pattern.test(path));
    const operation = route?.operations[method];
    const where = `${answer.method.toUpperCase()} ${path} → ${answer.status}`;
    if (!route || !operation) {
      if (this.enforced !== 'all') return [];
      // The server's answer for a route it does not have (404) is a problem body too.
      if (answer.status === 404) return this.checkBody(where, 'problem', problemSchema(), answer);
      return [`${where}: no operation in the contract for ${answer.method.toUpperCase()} ${path}`];
    }
    const operationId = String(operation.operationId);
    if (this.notYet.has(operationId)) return [];
    if (this.enforced !== 'all' && !this.enforced.has(operationId)) return [];
    const responses = operation.responses as Record<string, Json>;
    const response = responses[String(answer.status)] ?? responses[`${String(answer.status)[0]}XX`];
    if (!response) {
      return [`${where}: status ${answer.status} is not documented for ${operationId} (${route.template})`];
    }
    const problems: string[] = [];
    const documentedHeaders = Object.fromEntries(
      Object.entries((response.headers as Json | undefined) ?? {}).map(([name, header]) => [
        name.toLowerCase(),
        header as Json,
      ]),
    );
    for (const name of CHECKED_HEADERS) {
      const sent = answer.headers[name] !== undefined;
      if (sent && !documentedHeaders[name])
        problems.push(`${where}: sends ${name} but the contract does not say so`);
      if (!sent && documentedHeaders[name]?.required)
        problems.push(`${where}: the contract promises ${name}`);
    }
    const content = response.content as Record<string, Json> | undefined;
    const sentType = String(answer.headers['content-type'] ?? '')
      .split(';')[0]
      .trim()
      .toLowerCase();
    if (!content || Object.keys(content).length === 0) {
      if (sentType && hasBody(answer))
        problems.push(`${where}: answers ${sentType} but no content is documented`);
      return problems;
    }
    const media = content[sentType];
    if (!media) {
      problems.push(
        `${where}: answers ${sentType || 'no content type'}; documented: ${Object.keys(content).join(', ')}`,
      );
      return problems;
    }
    if (sentType.endsWith('json') && media.schema) {
      problems.push(
        ...this.checkBody(where, `${operationId} ${answer.status} ${sentType}`, media.schema as Json, answer),
      );
    }
    return problems;
  }

  private checkBody(where: string, key: string, schema: Json, answer: Answer): string[] {
    let validate = this.validators.get(key);
    if (!validate) {
      const root = strictCopy(openApi30ToJsonSchema(schema)) as Json;
      validate = this.ajv.compile({ ...rebase(root) });
      this.validators.set(key, validate);
    }
    const body = jsonBody(answer);
    if (validate(body)) return [];
    const errors = (validate.errors ?? [])
      .slice(0, 8)
      .map((error) => `${error.instancePath || '(body)'} ${error.message ?? ''}${paramsOf(error.params)}`);
    return [`${where}: the body does not match the contract: ${errors.join('; ')}`];
  }
}

function hasBody(answer: Answer): boolean {
  return (answer.text ?? '').length > 0 || (Buffer.isBuffer(answer.body) && answer.body.length > 0);
}

function jsonBody(answer: Answer): unknown {
  if (Buffer.isBuffer(answer.body)) return JSON.parse(answer.body.toString('utf8'));
  return answer.text ? JSON.parse(answer.text) : answer.body;
}

function paramsOf(params: unknown): string {
  const record = params as { additionalProperty?: string; allowedValues?: unknown };
  if (record?.additionalProperty) return ` (${record.additionalProperty})`;
  if (record?.allowedValues) return ` (${JSON.stringify(record.allowedValues)})`;
  return '';
}

function problemSchema(): Json {
  return { $ref: '#/components/schemas/ProblemDto' };
}

// $refs in the document point into its components; compiled schemas resolve them in 'openapi.json'.
function rebase(schema: Json): Json {
  return JSON.parse(
    JSON.stringify(schema).replace(/"#\/components\//g, '"openapi.json#/components/'),
  ) as Json;
}

// OpenAPI 3.0 → JSON Schema: `nullable` beside $ref/allOf/enum without a type, or beside allOf/oneOf/anyOf
// (SwaggerModule writes a nullable DTO property as { type, nullable, allOf: [$ref] }), becomes
// anyOf [.., null]; with a type alone, Ajv reads `nullable` itself.
export function openApi30ToJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(openApi30ToJsonSchema);
  if (!node || typeof node !== 'object') return node;
  const out: Json = {};
  for (const [key, value] of Object.entries(node as Json)) out[key] = openApi30ToJsonSchema(value);
  if (out.nullable === true && (out.type === undefined || out.allOf || out.oneOf || out.anyOf)) {
    delete out.nullable;
    if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...(out.enum as unknown[]), null];
    else return { anyOf: [out, { type: 'null' }] };
  }
  return out;
}

// In the tests only: an object schema that lists its properties (and says nothing of others) allows no
// others, so a field the server sends but the contract does not name fails. Schemas combined with
// allOf/anyOf/oneOf are left as they are (additionalProperties would cut across the combination).
export function strictCopy(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(strictCopy);
  if (!node || typeof node !== 'object') return node;
  const out: Json = {};
  for (const [key, value] of Object.entries(node as Json)) {
    out[key] = key === 'properties' ? mapValues(value as Json, strictCopy) : strictCopy(value);
  }
  if (out.properties && out.additionalProperties === undefined && !out.allOf && !out.anyOf && !out.oneOf) {
    out.additionalProperties = false;
  }
  return out;
}

function mapValues(record: Json, fn: (value: unknown) => unknown): Json {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, fn(value)]));
}
