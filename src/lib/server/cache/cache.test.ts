import { describe, it, expect, afterEach } from 'vitest';
import { freshDb, type TestDb } from '../../../../tests/helpers/db';
import { readThrough, readerKey, clearReadCache } from './index';

let t: TestDb | undefined;
afterEach(() => {
	t?.close();
	clearReadCache();
});

describe('read-through cache', () => {
	it('computes once per data version, and again after any change a page can show', () => {
		t = freshDb();
		let calls = 0;
		const read = () =>
			readThrough(t!.db, null, 'k', () => {
				calls++;
				return t!.db.$client.prepare('select count(*) n from indicator_translation').get();
			});
		const first = read();
		expect(read()).toEqual(first);
		expect(calls).toBe(1);
		t.db.$client.exec('delete from indicator_translation where rowid = 1');
		expect(read()).not.toEqual(first);
		expect(calls).toBe(2);
	});

	it('keeps readers with different rights apart', () => {
		expect(readerKey(null)).toBe('anonymous');
		expect(readerKey({ id: 'a', name: 'a', email: 'a', role: 'admin', countries: [] })).toBe(
			'admin'
		);
		expect(readerKey({ id: 'v', name: 'v', email: 'v', role: 'viewer', countries: [] })).toBe(
			'viewer'
		);
		expect(
			readerKey({ id: 'c', name: 'c', email: 'c', role: 'coordinator', countries: ['MEX', 'GTM'] })
		).toBe('coordinator:GTM,MEX');
	});
});
