import { describe, expect, it } from 'vitest';
import { decodeCsv, observationId, readImportRequest } from './http';

const url = (q = '') => new URL(`http://localhost/api/v1/imports${q}`);

describe('readImportRequest', () => {
	it('reads a text/csv body with its options from the query', async () => {
		const req = new Request(url('?format=template&dryRun=true&country=mex&fileName=a.csv'), {
			method: 'POST',
			headers: { 'content-type': 'text/csv; charset=utf-8' },
			body: '\ufeffindicator,country,period,value\n10.c.1,MEX,2020,4\n'
		});
		const input = await readImportRequest(
			req,
			url('?format=template&dryRun=true&country=mex&fileName=a.csv')
		);
		expect(input).toMatchObject({
			format: 'template',
			dryRun: true,
			validOnly: false,
			country: 'MEX',
			fileName: 'a.csv'
		});
		expect(input.text).toContain('10.c.1,MEX,2020,4');
	});

	it('reads the field "file" of a multipart form, with options as form fields', async () => {
		const form = new FormData();
		form.set(
			'file',
			new File(['Year,Value\n2023/I,3.5\n'], 'indicator_17-3-2.csv', { type: 'text/csv' })
		);
		form.set('country', 'MEX');
		form.set('dryRun', 'true');
		const req = new Request(url(), { method: 'POST', body: form });
		const input = await readImportRequest(req, url());
		expect(input).toMatchObject({ fileName: 'indicator_17-3-2.csv', country: 'MEX', dryRun: true });
		expect(input.text).toBe('Year,Value\n2023/I,3.5\n');
	});

	it('415 for other content types, 413 over 16 MB, 400 without a file or with bad options', async () => {
		const json = new Request(url(), {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: '{}'
		});
		await expect(readImportRequest(json, url())).rejects.toMatchObject({ status: 415 });
		const big = new Request(url(), {
			method: 'POST',
			headers: { 'content-type': 'text/csv', 'content-length': String(60 * 1024 * 1024) },
			body: 'a'
		});
		await expect(readImportRequest(big, url())).rejects.toMatchObject({ status: 413 });
		const chunk = new Uint8Array(1024 * 1024);
		let sent = 0;
		const streamed = new Request(url(), {
			method: 'POST',
			headers: { 'content-type': 'text/csv' },
			body: new ReadableStream({
				pull(controller) {
					sent++;
					if (sent > 60) controller.close();
					else controller.enqueue(chunk);
				}
			}),
			duplex: 'half'
		} as RequestInit);
		await expect(readImportRequest(streamed, url())).rejects.toMatchObject({ status: 413 });
		// The server's own body limit (adapter-node) errors the stream with status 413.
		const limited = {
			headers: new Headers({ 'content-type': 'text/csv' }),
			body: new ReadableStream({
				start(controller) {
					controller.error(
						Object.assign(new Error('Content-length exceeds limit'), { status: 413 })
					);
				}
			})
		} as unknown as Request;
		await expect(readImportRequest(limited, url())).rejects.toMatchObject({ status: 413 });
		const noFile = new Request(url(), { method: 'POST', body: new FormData() });
		await expect(readImportRequest(noFile, url())).rejects.toMatchObject({ status: 400 });
		const empty = new Request(url(), {
			method: 'POST',
			headers: { 'content-type': 'text/csv' },
			body: '  \n'
		});
		await expect(readImportRequest(empty, url())).rejects.toMatchObject({ status: 400 });
		const bad = new Request(url('?format=excel'), {
			method: 'POST',
			headers: { 'content-type': 'text/csv' },
			body: 'a,b\n'
		});
		await expect(readImportRequest(bad, url('?format=excel'))).rejects.toMatchObject({
			status: 400,
			issues: [expect.objectContaining({ path: 'format' })]
		});
	});

	it('decodes UTF-8, else Windows-1252', () => {
		expect(decodeCsv(new TextEncoder().encode('México'))).toBe('México');
		expect(decodeCsv(new Uint8Array([0x4d, 0xe9, 0x78, 0x69, 0x63, 0x6f]))).toBe('México');
	});

	it('observation ids: positive whole numbers, else 404', () => {
		expect(observationId('12')).toBe(12);
		for (const bad of ['0', '-1', 'abc', '1.5', undefined]) {
			expect(() => observationId(bad)).toThrow(expect.objectContaining({ status: 404 }));
		}
	});
});
