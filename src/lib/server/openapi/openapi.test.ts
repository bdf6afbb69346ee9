import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import SwaggerParser from '@apidevtools/swagger-parser';
import { openApiDocument } from './document';

const ROUTES = 'src/routes/api/v1';

/** Every +server.ts under /api/v1 as [OpenAPI path, methods it exports]. */
function routeFiles(dir = ROUTES): [string, string[]][] {
	const out: [string, string[]][] = [];
	for (const name of readdirSync(dir)) {
		const full = join(dir, name);
		if (statSync(full).isDirectory()) out.push(...routeFiles(full));
		else if (name === '+server.ts') {
			const route = relative(ROUTES, dir).split('/').filter(Boolean);
			if (route.some((s) => s.startsWith('[...'))) continue; // the 404 for unknown paths
			const path = '/' + route.map((s) => s.replace(/^\[(\w+)\]$/, '{$1}')).join('/');
			const methods = [
				...readFileSync(full, 'utf8').matchAll(
					/export const (GET|POST|PUT|PATCH|DELETE)\b|export (?:async )?function (GET|POST|PUT|PATCH|DELETE)\b/g
				)
			].map((m) => (m[1] ?? m[2]).toLowerCase());
			out.push([path, methods]);
		}
	}
	return out;
}

describe('OpenAPI description', () => {
	it('passes a real OpenAPI 3.1 validator', async () => {
		const doc = structuredClone(openApiDocument());
		const api = await SwaggerParser.validate(doc as never);
		expect((api as { openapi: string }).openapi).toBe('3.1.0');
		// The validator is not a formality: a broken copy is refused.
		// eslint-disable-next-line @typescript-eslint/no-explicit-any
		const broken = structuredClone(openApiDocument()) as any;
		broken.paths['/actions'].get.responses = 'none';
		await expect(SwaggerParser.validate(broken)).rejects.toThrow();
	});

	it('covers every path and method of every +server.ts under /api/v1', () => {
		const doc = openApiDocument() as { paths: Record<string, Record<string, unknown>> };
		const files = routeFiles();
		expect(files.length).toBeGreaterThan(25);
		const missing: string[] = [];
		for (const [path, methods] of files) {
			expect(methods.length, path).toBeGreaterThan(0);
			for (const m of methods)
				if (!doc.paths[path]?.[m]) missing.push(`${m.toUpperCase()} ${path}`);
		}
		expect(missing).toEqual([]);
		// …and documents nothing that does not exist.
		const known = new Set(files.flatMap(([p, ms]) => ms.map((m) => `${m} ${p}`)));
		const extra = Object.entries(doc.paths).flatMap(([p, ops]) =>
			Object.keys(ops)
				.map((m) => `${m} ${p}`)
				.filter((k) => !known.has(k))
		);
		expect(extra).toEqual([]);
	});

	it('documents request bodies from the zod schemas the endpoints validate with', () => {
		// eslint-disable-next-line @typescript-eslint/no-explicit-any
		const doc = openApiDocument() as any;
		const patch = doc.paths['/actions/{id}'].patch.requestBody.content['application/json'].schema;
		expect(patch.required).toEqual(['version']);
		expect(patch.properties.status.enum).toContain('in_progress');
		expect(patch.additionalProperties).toBe(false);
		const key = doc.paths['/api-keys'].post;
		expect(key.requestBody.content['application/json'].schema.required).toEqual(['name']);
		expect(key.responses['201'].content['application/json'].schema.required).toContain('key');
		expect(doc.paths['/health'].get.security).toEqual([]);
		expect(doc.components.securitySchemes.apiKey.scheme).toBe('bearer');
		expect(doc.components.schemas.Error.properties.error.properties.code.enum).toContain(
			'invalid_api_key'
		);
		for (const code of doc.components.schemas.Error.properties.error.properties.code.enum) {
			expect(doc.info.description).toContain(`\`${code}\``);
		}
	});
});
