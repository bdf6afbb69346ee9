// Body limits and content types at every JSON endpoint of /api/v1 that reads a body: 415 for
// another content type, 413 over 1 MB (declared, streamed, or cut by the server's own limit).
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { callEndpoint, expectApiAnswer, requestEvent } from './fuzz-helpers';
import { fuzzWorld, guard, who, type Endpoint } from './fuzz-api-world';
import { ENDPOINTS } from './fuzz-api-endpoints';

fuzzWorld();

describe('body limits and content types at every endpoint that reads JSON', () => {
	const withBody = ENDPOINTS.filter((ep) => ep.body && ep.name !== 'POST /unknown');
	const paramsOf = (ep: Endpoint) =>
		ep.params ? fc.sample(fc.record(ep.params()), { numRuns: 1, seed: 1 })[0] : {};
	const send = (ep: Endpoint, init: RequestInit & { duplex?: 'half' }) => {
		const url = new URL(`http://localhost${ep.path}`);
		const event = {
			...requestEvent({ method: ep.method, path: ep.path, actor: who.admin }),
			request: new Request(url, { method: ep.method, ...init }),
			params: paramsOf(ep)
		};
		return callEndpoint(ep.handler, event);
	};
	const big = JSON.stringify({ title: 'x'.repeat(1024 * 1024) });

	for (const ep of withBody) {
		it(`${ep.name}: 415 for another content type, 413 over 1 MB, 413 when the server's own limit cuts the body`, async () => {
			const wrongType = await send(ep, {
				headers: { 'content-type': 'text/plain' },
				body: JSON.stringify(ep.body!())
			});
			expect(wrongType.status).toBe(415);
			expectApiAnswer(wrongType, ep.name);

			const declared = await send(ep, {
				headers: { 'content-type': 'application/json', 'content-length': String(big.length) },
				body: big
			});
			expect(declared.status).toBe(413);
			expectApiAnswer(declared, ep.name);

			// Streamed without a length: counted while read.
			const streamed = await send(ep, {
				headers: { 'content-type': 'application/json' },
				body: new Blob([big]).stream(),
				duplex: 'half'
			});
			expect(streamed.status).toBe(413);

			// adapter-node errors the stream past BODY_SIZE_LIMIT (a SvelteKitError with status 413).
			const cut = await send(ep, {
				headers: { 'content-type': 'application/json' },
				body: new ReadableStream({
					start: (c) =>
						c.error(Object.assign(new Error('Content-length exceeds limit'), { status: 413 }))
				}),
				duplex: 'half'
			});
			expect(cut.status, cut.text).toBe(413);
			expectApiAnswer(cut, ep.name);
			guard.check(false, ep.name);
		});
	}
});
