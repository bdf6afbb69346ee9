// Share tokens cannot be guessed and are compared in constant time; unexpected errors are
// logged with a reference and their stack, and only the reference reaches the person.
import { describe, it, expect, vi, beforeEach, afterEach } from 'vitest';
import type { RequestEvent } from '@sveltejs/kit';

vi.mock('node:crypto', async (importOriginal) => {
	const crypto = await importOriginal<typeof import('node:crypto')>();
	return { ...crypto, default: crypto, timingSafeEqual: vi.fn(crypto.timingSafeEqual) };
});

import { timingSafeEqual } from 'node:crypto';
import { freshDb, type TestDb } from '../helpers/db';
import { cast } from '../helpers/cast';
import { setDb } from '../../src/lib/server/db';
import {
	createShareLink,
	hashToken,
	newToken,
	resolveShareToken
} from '../../src/lib/server/sharing/share-links';
import { handleError } from '../../src/hooks.server';

describe('share tokens', () => {
	it('are 256 random bits in 43 base64url characters, never repeated, without bias', () => {
		const tokens = Array.from({ length: 2000 }, () => newToken());
		expect(new Set(tokens).size).toBe(tokens.length);
		let ones = 0;
		for (const token of tokens) {
			expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
			const bytes = Buffer.from(token, 'base64url');
			expect(bytes.length).toBe(32);
			for (const b of bytes) for (let i = 0; i < 8; i++) ones += (b >> i) & 1;
		}
		// 512,000 bits: a fair source gives 50% ones ± 0.07% (one sigma); allow 1%.
		expect(Math.abs(ones / (tokens.length * 256) - 0.5)).toBeLessThan(0.01);
	});

	describe('resolution', () => {
		let t: TestDb;
		beforeEach(() => {
			t = freshDb();
			setDb(t.db);
		});
		afterEach(() => {
			setDb(undefined);
			t.close();
		});

		it('looks a token up by its hash and compares the hashes in constant time', () => {
			const { admin } = cast(t.db);
			const link = createShareLink(t.db, admin, {
				scopeType: 'article',
				scopeTarget: '3',
				label: 'Tokens',
				locale: 'en'
			});
			const stored = t.db.$client
				.prepare('select token_hash from share_link where id = ?')
				.get(link.id) as { token_hash: string };
			expect(stored.token_hash).toBe(hashToken(link.token));
			expect(stored.token_hash).not.toContain(link.token);

			vi.mocked(timingSafeEqual).mockClear();
			expect(resolveShareToken(t.db, link.token)?.id).toBe(link.id);
			expect(timingSafeEqual).toHaveBeenCalledTimes(1);
			const [a, b] = vi.mocked(timingSafeEqual).mock.calls[0];
			expect(Buffer.from(a as Uint8Array).toString('hex')).toBe(stored.token_hash);
			expect(Buffer.from(b as Uint8Array).toString('hex')).toBe(hashToken(link.token));

			// One character off, anywhere: nothing (the lookup is by hash, so a near miss
			// tells an attacker nothing about how near it was).
			for (const i of [0, 21, 42]) {
				const c = link.token[i] === 'A' ? 'B' : 'A';
				const near = link.token.slice(0, i) + c + link.token.slice(i + 1);
				expect(resolveShareToken(t.db, near)).toBeNull();
			}
			expect(resolveShareToken(t.db, link.token.slice(0, 42))).toBeNull();
			expect(resolveShareToken(t.db, `${link.token}A`)).toBeNull();
			expect(resolveShareToken(t.db, stored.token_hash)).toBeNull();
		});
	});
});

describe('unexpected errors', () => {
	it('are logged with a reference and the stack; the person gets the reference only', async () => {
		const lines: string[] = [];
		const spy = vi.spyOn(console, 'error').mockImplementation((...args) => {
			lines.push(args.map(String).join(' '));
		});
		try {
			const error = new Error('secret detail: SQLITE_CORRUPT at /var/lib/avance');
			const url = new URL('http://localhost/actions/5');
			const event = {
				request: new Request(url),
				url,
				locals: { actor: null, sessionId: null, share: null }
			} as unknown as RequestEvent;
			const shown = (await handleError({
				error,
				event,
				status: 500,
				message: 'Internal Error'
			})) as { message: string; reference: string };
			expect(shown.reference).toMatch(/^[0-9A-F]{8}$/);
			expect(shown.message).not.toMatch(/secret|SQLITE|\/var\/lib|at /);
			expect(JSON.stringify(shown)).not.toContain('secret');
			expect(lines).toHaveLength(1);
			expect(lines[0]).toContain(`[avance] error ${shown.reference} GET /actions/5`);
			expect(lines[0]).toContain('secret detail: SQLITE_CORRUPT');
			expect(lines[0]).toMatch(/\n\s+at /);

			// Each error its own reference.
			const again = (await handleError({ error, event, status: 500, message: '' })) as {
				reference: string;
			};
			expect(again.reference).not.toBe(shown.reference);

			// A page that does not exist, or a request SvelteKit refused (a body over its limit),
			// is not an error of ours: nothing logged, no reference.
			lines.length = 0;
			const missing = await handleError({ error, event, status: 404, message: 'Not Found' });
			expect(missing).toEqual({ message: 'Not found' });
			const tooBig = await handleError({
				error: Object.assign(new Error('Content-length of 9 exceeds limit of 8 bytes.'), {
					status: 413
				}),
				event,
				status: 413,
				message: 'Payload Too Large'
			});
			expect(tooBig).toEqual({ message: 'Payload Too Large' });
			expect(lines).toEqual([]);
		} finally {
			spy.mockRestore();
		}
	});
});
