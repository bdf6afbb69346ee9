// Checks answers of the API against its own OpenAPI description (GET /api/v1/openapi.json)
// with ajv: the status must be documented for that path and method, and a JSON body must
// match the documented schema. So the description cannot drift from what the code answers.
import { expect, type APIRequestContext, type APIResponse } from '@playwright/test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { ValidateFunction } from 'ajv';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => void;

export class OpenApiCheck {
	private ajv = new Ajv2020({ strict: false, allErrors: true });
	private compiled = new Map<string, ValidateFunction>();
	private routes: { method: string; path: string; pattern: RegExp }[] = [];
	/** Every (method path status) checked, for coverage assertions. */
	readonly seen = new Set<string>();

	constructor(readonly doc: Json) {
		addFormats(this.ajv);
		this.ajv.addSchema(doc.components.schemas.Error, 'Error');
		for (const [path, ops] of Object.entries(doc.paths as Json)) {
			const pattern = new RegExp(
				'^' + path.replace(/[.]/g, '\\.').replace(/\{\w+\}/g, '[^/]+') + '$'
			);
			for (const method of Object.keys(ops)) this.routes.push({ method, path, pattern });
		}
	}

	static async load(request: APIRequestContext): Promise<OpenApiCheck> {
		const res = await request.get('/api/v1/openapi.json', { headers: { authorization: '' } });
		expect(res.status()).toBe(200);
		return new OpenApiCheck(await res.json());
	}

	private schemaFor(method: string, path: string, status: number): Json | null {
		const op = this.doc.paths[path][method];
		let res = op.responses[String(status)];
		expect(res, `${method.toUpperCase()} ${path} does not document ${status}`).toBeTruthy();
		if (res.$ref) res = this.doc.components.responses[res.$ref.split('/').pop()];
		const schema = res.content?.['application/json']?.schema;
		if (!schema) return null;
		return schema.$ref === '#/components/schemas/Error' ? { $ref: 'Error' } : schema;
	}

	/** True when the description has this method on a path matching `pathname` (under /api/v1). */
	knows(method: string, pathname: string): boolean {
		const path = pathname.replace(/^\/api\/v1/, '');
		return this.routes.some((r) => r.method === method.toLowerCase() && r.pattern.test(path));
	}

	/** Checks one answer; `url` is the request's path and query (or a full URL). */
	async check(method: string, url: string, res: APIResponse): Promise<void> {
		const pathname = new URL(url, 'http://x').pathname.replace(/^\/api\/v1/, '');
		const m = method.toLowerCase();
		const route = this.routes.find((r) => r.method === m && r.pattern.test(pathname));
		expect(route, `${method} ${pathname} is not in the OpenAPI description`).toBeTruthy();
		const key = `${m} ${route!.path} ${res.status()}`;
		this.seen.add(key);
		const schema = this.schemaFor(m, route!.path, res.status());
		const type = res.headers()['content-type'] ?? '';
		if (!schema || !type.includes('application/json')) return;
		let validate = this.compiled.get(key);
		if (!validate) {
			validate = this.ajv.compile(schema);
			this.compiled.set(key, validate);
		}
		const body = await res.json();
		const ok = validate(body);
		expect(
			ok,
			`${key}: ${this.ajv.errorsText(validate.errors)}\n${JSON.stringify(body).slice(0, 500)}`
		).toBe(true);
	}
}
