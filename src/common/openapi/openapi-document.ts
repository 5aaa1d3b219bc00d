import { STATUS_CODES } from 'node:http';
import type { INestApplication, Type } from '@nestjs/common';
import { PATH_METADATA } from '@nestjs/common/constants.js';
import { ModulesContainer, Reflector } from '@nestjs/core';
import {
  DocumentBuilder,
  getSchemaPath,
  SwaggerModule,
  type OpenAPIObject,
  type OperationObject,
  type ParameterObject,
  type ReferenceObject,
  type ResponseObject,
  type SchemaObject,
} from '@nestjs/swagger';
import { IS_PUBLIC, ROLES } from '../../auth/auth-user.js';
import { Role } from '../../auth/role.enum.js';
import { PROBLEM_EXTENSION, problemResponse, type ProblemStatus } from './api-problems.decorator.js';
import { FOI_REPORT_QUERY_EXAMPLE } from './examples.js';
import { FieldErrorDto, ProblemDto } from './problem.dto.js';

/** Who may call a handler, read from the same @Public/@Roles metadata the AuthGuard reads. */
export interface HandlerAccess {
  public: boolean;
  /** Roles allowed, admin included (admin may do everything). */
  roles: Role[];
}

// Examples for query parameters, by operationId (request bodies carry theirs in @ApiBody).
const QUERY_EXAMPLES: Record<string, Record<string, string>> = {
  FoiReportsController_report: FOI_REPORT_QUERY_EXAMPLE,
  FoiReportsController_workbook: FOI_REPORT_QUERY_EXAMPLE,
};

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
const ALL_ROLES = Object.values(Role);

// operationId (SwaggerModule's default "<Controller>_<method>") → the handler's access, worked out as
// AuthGuard does (handler metadata first, then the controller's; no @Roles means admin only).
export function handlerAccess(app: INestApplication): Map<string, HandlerAccess> {
  const reflector = app.get(Reflector);
  const access = new Map<string, HandlerAccess>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Type<unknown> | null;
      if (!controller?.prototype) continue;
      const prototype = controller.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(prototype)) {
        const handler = prototype[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        if (Reflect.getMetadata(PATH_METADATA, handler) === undefined) continue;
        const targets = [handler as (...args: unknown[]) => unknown, controller];
        const isPublic = reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets) ?? false;
        const roles = reflector.getAllAndOverride<Role[]>(ROLES, targets) ?? [];
        access.set(`${controller.name}_${name}`, {
          public: isPublic,
          roles: isPublic
            ? ALL_ROLES
            : ALL_ROLES.filter((role) => role === Role.Admin || roles.includes(role)),
        });
      }
    }
  }
  return access;
}

export function documentConfig(): Omit<OpenAPIObject, 'paths'> {
  return new DocumentBuilder()
    .setTitle('Seizure register')
    .setDescription(
      [
        'Seized IoT devices, their cases, custody, lab examinations, the ISO/IEC 17025 scope register, and',
        'FOI answers from the data. Every endpoint but /health and the docs needs `Authorization: Bearer <token>`;',
        'each operation names the roles allowed (admin may do everything). Every error is an RFC 9457 problem',
        '(`application/problem+json`). Updates are PATCH with `If-Match: "<version>"` from the ETag.',
      ].join(' '),
    )
    .setVersion('1.0')
    .setLicense('Proprietary: for the force and its partners', '')
    .addServer('/', 'This register: the host that serves this document')
    .addBearerAuth({
      type: 'http',
      scheme: 'bearer',
      description: 'A token issued by an admin (shown once).',
    })
    .build();
}

/** The published contract: what SwaggerModule reads from the decorators, completed from the routes' shape. */
export function createOpenApiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(app, documentConfig(), {
    extraModels: [ProblemDto, FieldErrorDto],
  });
  return completeDocument(document, handlerAccess(app));
}

// The answers every operation can give because of its shape, so no operation has to list them and none
// can forget them: 401/429 without a valid token, 403 for roles, 400/404 for path ids, 400 for query and
// body, 400/413/415 for writes, 503 for writes (SQLite busy), 500 anywhere (logged, never details);
// ETag on records carrying a version.
export function completeDocument(document: OpenAPIObject, access: Map<string, HandlerAccess>): OpenAPIObject {
  for (const schema of Object.values(document.components?.schemas ?? {})) collapseSingleAllOf(schema);
  for (const pathItem of Object.values(document.paths)) {
    for (const method of METHODS) {
      const operation = pathItem[method];
      if (!operation) continue;
      completeOperation(document, operation, method, access.get(operation.operationId ?? ''));
    }
  }
  return document;
}

function completeOperation(
  document: OpenAPIObject,
  operation: OperationObject,
  method: (typeof METHODS)[number],
  access: HandlerAccess | undefined,
): void {
  const responses = operation.responses;
  const add = (status: ProblemStatus) => {
    responses[status] ??= problemResponse(status);
  };
  const parameters = (operation.parameters ?? []) as ParameterObject[];
  const examples = QUERY_EXAMPLES[operation.operationId ?? ''] ?? {};
  for (const parameter of parameters) {
    const example = examples[parameter.name];
    if (parameter.in !== 'query' || example === undefined) continue;
    const isArray = (parameter.schema as SchemaObject | undefined)?.type === 'array';
    parameter.example = isArray ? [example] : example;
  }
  const extensions = operation as unknown as Record<string, unknown>;
  for (const key of Object.keys(extensions)) {
    const status = PROBLEM_EXTENSION.exec(key)?.[1];
    if (!status) continue;
    const { description } = extensions[key] as { description: string };
    responses[status] ??= problemResponse(Number(status) as ProblemStatus, description);
    delete extensions[key];
  }
  if (!access || access.public) {
    operation.security = [];
    appendDescription(operation, 'No token needed.');
  } else {
    operation.security = [{ bearer: [] }];
    responses[401] ??= {
      ...problemResponse(401),
      headers: {
        'WWW-Authenticate': { description: 'Bearer realm="seizure-register"', schema: { type: 'string' } },
      },
    };
    add(429);
    if (access.roles.length < ALL_ROLES.length) add(403);
    extensions['x-roles'] = access.roles;
    appendDescription(operation, `Roles allowed: ${access.roles.map((role) => `\`${role}\``).join(', ')}.`);
  }
  if (parameters.some((parameter) => parameter.in === 'path')) {
    add(400);
    add(404);
  }
  if (parameters.some((parameter) => parameter.in === 'query' || parameter.in === 'header')) add(400);
  // Fastify reads a body sent with any write, declared or not: bad JSON 400, too large 413, an unknown
  // Content-Type 415.
  if (operation.requestBody || (method !== 'get' && method !== 'head')) {
    add(400);
    add(413);
    add(415);
  }
  if (method !== 'get' && method !== 'head') add(503);
  add(500);
  for (const [status, response] of Object.entries(responses)) {
    const answer = response as ResponseObject;
    if (Number(status) >= 400 && !answer.content) {
      Object.assign(
        answer,
        problemResponse(Number(status) as ProblemStatus, answer.description || undefined),
      );
    }
    if (Number(status) >= 200 && Number(status) < 300) {
      // The plugin leaves a 2xx read from the return type with an empty description: its phrase, at least.
      if (!answer.description) answer.description = STATUS_CODES[status] ?? 'Success';
      addEtag(document, answer);
    }
  }
  operation.responses = sortedResponses(responses);
}

// The ETag hook (common/etag.ts) sends ETag: "<version>" for any JSON answer with a numeric version.
function addEtag(document: OpenAPIObject, response: ResponseObject): void {
  const schema = response.content?.['application/json']?.schema;
  if (!schema || !hasTopLevelVersion(document, schema)) return;
  response.headers = {
    ...response.headers,
    ETag: {
      description: 'The record\'s version as a strong entity tag ("3"); send it back in If-Match to update.',
      required: true,
      schema: { type: 'string', pattern: '^"[0-9]+"$' },
    },
  };
}

function hasTopLevelVersion(document: OpenAPIObject, schema: SchemaObject | ReferenceObject): boolean {
  const resolved =
    '$ref' in schema
      ? document.components?.schemas?.[schema.$ref.replace('#/components/schemas/', '')]
      : (schema as SchemaObject);
  return !!resolved && !('$ref' in resolved) && !!resolved.properties?.version;
}

// SwaggerModule writes an enum reference as { allOf: [{ $ref }] }: the reference alone says the same.
function collapseSingleAllOf(node: unknown): void {
  if (!node || typeof node !== 'object') return;
  for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
    const child = value as { allOf?: unknown[] } | null;
    if (child && Array.isArray(child.allOf) && child.allOf.length === 1 && Object.keys(child).length === 1) {
      (node as Record<string, unknown>)[key] = child.allOf[0];
    } else {
      collapseSingleAllOf(value);
    }
  }
}

function appendDescription(operation: OperationObject, text: string): void {
  if (operation.description?.includes(text)) return;
  operation.description = operation.description ? `${operation.description}\n\n${text}` : text;
}

function sortedResponses(responses: OperationObject['responses']): OperationObject['responses'] {
  return Object.fromEntries(Object.entries(responses).sort(([a], [b]) => a.localeCompare(b)));
}

export const PROBLEM_SCHEMA_REF = getSchemaPath(ProblemDto);
