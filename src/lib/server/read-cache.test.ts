import { describe, it, expect, afterEach } from 'vitest';
import { freshDb, type TestDb } from '../../../tests/helpers/db';
import { readThrough, readerKey, clearReadCache } from './read-cache';

let t: TestDb | undefined;
afterEach(() => {
	t?.close();
	clearReadCache();
});

describe('read-through cache', () => {
	it('computes once per state of the store, and again after any write', () => {
		t = freshDb();
		let calls = 0;
		const read = () =>
			readThrough(t!.db, 'k', () => {
				calls++;
				return t!.db.$client.prepare('select count(*) n from audit_entry').get();
			});
		expect(read()).toEqual({ n: 0 });
		expect(read()).toEqual({ n: 0 });
		expect(calls).toBe(1);
		t.db.$client.exec(
			"insert into audit_entry (entity, entity_id, operation) values ('x', '1', 'create')"
		);
		expect(read()).toEqual({ n: 1 });
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
