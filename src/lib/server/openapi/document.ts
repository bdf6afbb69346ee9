// The OpenAPI 3.1 description of /api/v1, generated from the operations list and the zod
// schemas with zod's own JSON Schema output (z.toJSONSchema): never a hand-kept copy.
import { z, type ZodType } from 'zod';
import { APP_VERSION } from '../runtime/config';
import { OPERATIONS, type Operation } from './operations';
import { PATH_PARAMS } from './operation';
import { ERROR_CODES, STATUS_TEXT, codesOf } from './errors';
import { errorResponse } from '$lib/schemas/api-responses';

type Json = Record<string, unknown>;

/** A zod schema as JSON Schema 2020-12 (OpenAPI 3.1's dialect); `input` for what is sent. */
export function jsonSchema(schema: ZodType, io: 'input' | 'output'): Json {
	const out = z.toJSONSchema(schema, {
		target: 'draft-2020-12',
		io,
		unrepresentable: 'any'
	}) as Json;
	delete out.$schema;
	return out;
}

function errorSchema(): Json {
	const s = jsonSchema(errorResponse, 'output');
	const error = (s.properties as Json).error as Json;
	const props = error.properties as Json;
	props.code = {
		type: 'string',
		enum: Object.keys(ERROR_CODES),
		description: 'See the table of error codes in the introduction.'
	};
	return s;
}

function errorResponses(): Json {
	const out: Json = {};
	for (const [status, text] of Object.entries(STATUS_TEXT)) {
		const codes = codesOf(Number(status));
		out[`E${status}`] = {
			description: `${text}: ${codes.map((c) => `\`${c}\``).join(', ')}`,
			...(status === '429' || status === '503'
				? {
						headers: {
							'Retry-After': {
								description: 'Seconds to wait before the next request.',
								schema: { type: 'integer' }
							}
						}
					}
				: {}),
			content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } }
		};
	}
	return out;
}

function parameters(op: Operation): Json[] {
	const params: Json[] = [];
	for (const [, name] of op.path.matchAll(/\{(\w+)\}/g)) {
		const p = PATH_PARAMS[name];
		params.push({
			name,
			in: 'path',
			required: true,
			description: p?.description,
			schema: p ? jsonSchema(p.schema, 'input') : { type: 'string' }
		});
	}
	if (op.query) {
		const q = jsonSchema(op.query, 'input');
		const required = new Set((q.required as string[] | undefined) ?? []);
		for (const [name, schema] of Object.entries((q.properties as Json | undefined) ?? {})) {
			params.push({ name, in: 'query', required: required.has(name), schema });
		}
	}
	return params;
}

function requestBody(op: Operation): Json | undefined {
	if (op.csvBody) {
		return {
			required: true,
			description:
				'The file: a CSV body, an Excel workbook (.xlsx, known by its bytes; `sheet` picks the sheet, else the first), or a multipart form with the file in `file`.',
			content: {
				'text/csv': { schema: { type: 'string' } },
				'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
					schema: { type: 'string', contentEncoding: 'binary' }
				},
				'multipart/form-data': {
					schema: {
						type: 'object',
						properties: { file: { type: 'string', contentMediaType: 'text/csv' } },
						required: ['file']
					}
				}
			}
		};
	}
	if (!op.body) return undefined;
	const media: Json = { schema: jsonSchema(op.body, 'input') };
	if (op.example?.request !== undefined) media.example = op.example.request;
	return { required: !op.bodyOptional, content: { 'application/json': media } };
}

function responses(op: Operation): Json {
	const out: Json = {};
	for (const [status, res] of Object.entries(op.responses)) {
		if (res.schema === null || res.schema === undefined) {
			out[status] = { description: res.description };
		} else if (res.schema === 'csv') {
			out[status] = {
				description: res.description,
				content: { 'text/csv': { schema: { type: 'string' } } }
			};
		} else {
			const content: Json = { 'application/json': { schema: jsonSchema(res.schema, 'output') } };
			if (op.path.endsWith('/observations') && op.method === 'get') {
				content['text/csv'] = { schema: { type: 'string' } };
			}
			out[status] = { description: res.description, content };
		}
	}
	const errors = new Set([400, ...(op.public ? [] : [401, 403]), ...(op.errors ?? [])]);
	if (!op.public) errors.add(429);
	if (op.path !== '/health' && op.path !== '/openapi.json') errors.add(503);
	if (op.method !== 'get') errors.add(507);
	// Any request with a body may be over the limits (1 MB of JSON, 16 MB for imports).
	if (op.body || op.csvBody) errors.add(413);
	for (const status of [...errors].sort()) {
		out[String(status)] = { $ref: `#/components/responses/E${status}` };
	}
	return out;
}

function operationId(op: Operation): string {
	const words = op.path
		.replace(/\.json$/, '')
		.split('/')
		.filter(Boolean)
		.map((w) => (w.startsWith('{') ? 'By' + w.slice(1, -1) : w))
		.map((w) => w.replace(/-(\w)/g, (_, c: string) => c.toUpperCase()))
		.map((w) => w[0].toUpperCase() + w.slice(1));
	return op.method + words.join('');
}

const INTRO = `Avance's HTTP API: every page's data, for scripts, national systems and tests.

**Signing in.** Either a session cookie (\`POST /api/auth/sign-in/email\` with \`{"email", "password"}\`), or an API key made on your account page or with \`POST /api/v1/api-keys\`, sent as \`Authorization: Bearer <key>\`. A key acts as its user with their role and countries as they are at the time of each request; revoking it or deactivating the user stops it at once. Requests with a key need no Origin header and no cookie; each key may make ${600} requests a minute (429 with Retry-After beyond).

**Shapes.** Lists answer \`{"items": [...]}\` (with \`nextCursor\` when paged); a create answers 201 with the object; an update answers the object with its new \`version\`. Dates are ISO 8601; periods are \`2023\`, \`2023-Q2\`, \`2023-05\` or \`2016/2021\`.

**Errors** answer \`{"error": {"code", "message", "issues": [{"path", "message"}]}}\`; each issue names its field and what is wrong with its value. The codes:

| code | status | meaning |
|---|---|---|
${Object.entries(ERROR_CODES)
	.map(([code, v]) => `| \`${code}\` | ${v.status} | ${v.meaning} |`)
	.join('\n')}

A ten-minute start with curl and Python is in docs/api.md.`;

let cached: Json | undefined;

/** The description (built once per process). */
export function openApiDocument(): Json {
	if (cached) return cached;
	const paths: Record<string, Json> = {};
	const tags = [...new Set(OPERATIONS.map((o) => o.tag))];
	for (const op of OPERATIONS) {
		const params = parameters(op);
		const body = requestBody(op);
		(paths[op.path] ??= {})[op.method] = {
			operationId: operationId(op),
			tags: [op.tag],
			summary: op.summary,
			...(op.description ? { description: op.description } : {}),
			...(op.public ? { security: [] } : {}),
			...(params.length ? { parameters: params } : {}),
			...(body ? { requestBody: body } : {}),
			responses: responses(op)
		};
	}
	cached = {
		openapi: '3.1.0',
		info: {
			title: 'Avance API',
			version: APP_VERSION,
			description: INTRO,
			license: { name: 'Proprietary', identifier: 'LicenseRef-Avance' }
		},
		servers: [{ url: '/api/v1' }],
		tags: tags.map((name) => ({ name })),
		security: [{ apiKey: [] }, { session: [] }],
		paths,
		components: {
			securitySchemes: {
				apiKey: {
					type: 'http',
					scheme: 'bearer',
					description: 'An API key from your account page: `Authorization: Bearer avk_…`.'
				},
				session: {
					type: 'apiKey',
					in: 'cookie',
					name: 'better-auth.session_token',
					description: 'The session cookie set by POST /api/auth/sign-in/email.'
				}
			},
			schemas: { Error: errorSchema() },
			responses: errorResponses()
		}
	};
	return cached;
}
