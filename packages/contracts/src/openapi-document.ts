import * as z from 'zod/mini';
import { API_OPERATIONS, type ApiOperation } from './api-operations';
import { ID_TOKEN_HEADER } from './http-edge';
import { meResponseSchema } from './me';
import { openWindowsResponseSchema } from './open-windows';
import { policyViewSchema } from './policy-view';
import { PROBLEM_CONTENT_TYPE, problemSchema } from './problem';
import { requestPageSchema, requestSummarySchema, requestViewSchema } from './request-view';
import { federateResponseSchema } from './federation';

type JsonSchema = Record<string, unknown>;

// Requests are described as the client sends them (before coercion), answers as the server sends them.
const inputSchema = (schema: z.ZodMiniType): JsonSchema =>
  strip(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }));

/** Answers shared by several operations become components, so the document stays readable. */
const COMPONENTS = {
  Problem: problemSchema,
  Me: meResponseSchema,
  PolicyView: policyViewSchema,
  RequestSummary: requestSummarySchema,
  RequestView: requestViewSchema,
  RequestPage: requestPageSchema,
  OpenWindows: openWindowsResponseSchema,
  FederateResponse: federateResponseSchema,
} satisfies Record<string, z.ZodMiniType>;

const componentRef = `#/components/schemas/`;

function components(): JsonSchema {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(COMPONENTS)) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, {
    io: 'output',
    unrepresentable: 'any',
    uri: (id) => `${componentRef}${id}`,
  });
  return Object.fromEntries(
    Object.entries(schemas).map(([id, schema]) => [id, strip(schema as JsonSchema)]),
  );
}

function outputSchema(schema: z.ZodMiniType): JsonSchema {
  const id = Object.entries(COMPONENTS).find(([, component]) => component === schema)?.[0];
  return id === undefined
    ? strip(z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' }))
    : { $ref: `${componentRef}${id}` };
}

/** Each schema is embedded in the document, which names the dialect once and places components. */
function strip(schema: JsonSchema): JsonSchema {
  const { $schema: _dialect, $id: _id, ...rest } = schema;
  return rest;
}

function parametersOf(operation: ApiOperation): unknown[] {
  const parameters: unknown[] = [];
  if (operation.path.includes('{id}')) {
    parameters.push({ name: 'id', in: 'path', required: true, schema: { type: 'string' } });
  }
  if (operation.query !== undefined) {
    const schema = inputSchema(operation.query);
    const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
    const required = new Set((schema.required ?? []) as string[]);
    for (const [name, property] of Object.entries(properties)) {
      parameters.push({ name, in: 'query', required: required.has(name), schema: property });
    }
  }
  return parameters;
}

function responseOf(operation: ApiOperation): unknown {
  const { response } = operation;
  const content =
    'mediaType' in response
      ? { [response.mediaType]: { schema: { type: 'string' } } }
      : { 'application/json': { schema: outputSchema(response) } };
  return { description: operation.summary, content };
}

/**
 * The API's OpenAPI 3.1 document, generated from the operations table and the zod schemas. The API
 * serves it at `/openapi.json`; `apps/api/openapi.json` is the checked-in copy CI compares against.
 */
export const API_VERSION = '1.0.0';

export function buildOpenApiDocument(version: string = API_VERSION): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [operationId, operation] of Object.entries(API_OPERATIONS) as [
    string,
    ApiOperation,
  ][]) {
    const parameters = parametersOf(operation);
    paths[operation.path] = {
      ...paths[operation.path],
      [operation.method]: {
        operationId,
        summary: operation.summary,
        ...(operation.public ? { security: [] } : {}),
        ...(parameters.length > 0 ? { parameters } : {}),
        ...(operation.body === undefined
          ? {}
          : {
              requestBody: {
                required: true,
                content: { 'application/json': { schema: inputSchema(operation.body) } },
              },
            }),
        responses: {
          [String(operation.status)]: responseOf(operation),
          default: {
            description: 'RFC 9457 problem details with a stable `code`',
            content: { [PROBLEM_CONTENT_TYPE]: { schema: outputSchema(problemSchema) } },
          },
        },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Elevate API',
      version,
      description: `Temporary elevated access to AWS. Every operation but the public ones needs the OIDC access token as \`Authorization: Bearer\` and the ID token in \`${ID_TOKEN_HEADER}\`.`,
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    components: {
      schemas: components(),
      securitySchemes: {
        accessToken: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
        idToken: { type: 'apiKey', in: 'header', name: ID_TOKEN_HEADER },
      },
    },
    security: [{ accessToken: [], idToken: [] }],
    paths,
  };
}
