// The store check of `npm run test:load`: once the server has stopped, the SQLite file is opened
// directly and must be intact (integrity_check), hold every write that was answered 2xx exactly
// once (with its audit entry), and nothing written that was not acknowledged.
import Database from 'better-sqlite3';

/**
 * Checks the store against the acknowledged writes; reports each problem through `fail` and
 * returns the result of integrity_check.
 */
export function checkStore({ dbFile, acked, RUN, OBS_INDICATOR, IMPORT_ROWS, fail }) {
	const db = new Database(dbFile);
	const one = (sql, ...args) => db.prepare(sql).get(...args);
	const integrity = one('pragma integrity_check').integrity_check;
	if (integrity !== 'ok') fail(`integrity_check: ${integrity}`);

	for (const a of acked.actions) {
		const n = one('select count(*) n from action where title = ?', a.title).n;
		const row = one('select title from action where id = ?', a.id);
		const audit = one(
			"select count(*) n from audit_entry where entity = 'action' and entity_id = ? and operation = 'create'",
			String(a.id)
		).n;
		if (n !== 1 || row?.title !== a.title || audit !== 1)
			fail(`action ${a.id} "${a.title}": ${n} rows, ${audit} audit entries`);
	}
	for (const u of acked.updates) {
		const n = one('select count(*) n from action_update where note = ?', u.note).n;
		const row = one('select action_id a from action_update where id = ?', u.id);
		if (n !== 1 || row?.a !== u.actionId) fail(`update ${u.id} "${u.note}": ${n} rows`);
	}
	// Every load-test observation by its key, read once (a query per key scanned the indicator's
	// values again each time: minutes once the writers acknowledge tens of thousands of rows).
	const byKey = new Map(
		db
			.prepare(
				`select json_extract(o.disaggregation, '$.load') k, count(*) n, max(o.value) v
				 from observation o join indicator i on i.id = o.indicator_id
				 where i.code = ? and json_extract(o.disaggregation, '$.load') is not null group by k`
			)
			.all(OBS_INDICATOR)
			.map((r) => [r.k, r])
	);
	const loaded = (key) => byKey.get(key) ?? { n: 0, v: null };
	for (const o of acked.observations) {
		const r = loaded(o.key);
		if (r.n !== 1 || r.v !== o.value) fail(`observation ${o.key}: ${r.n} rows, value ${r.v}`);
	}
	for (const e of acked.evidence) {
		const n = one('select count(*) n from evidence where title = ?', e.title).n;
		if (n !== 1 || one('select title t from evidence where id = ?', e.id)?.t !== e.title)
			fail(`evidence ${e.id} "${e.title}": ${n} rows`);
	}
	if (acked.patches.id) {
		const row = one('select version from action where id = ?', acked.patches.id);
		const audits = one(
			"select count(*) n from audit_entry where entity = 'action' and entity_id = ? and operation = 'update'",
			String(acked.patches.id)
		).n;
		if (row.version !== acked.patches.version || audits !== acked.patches.count)
			fail(
				`edited action ${acked.patches.id}: version ${row.version} (answered ${acked.patches.version}), ${audits} audit entries for ${acked.patches.count} edits`
			);
	}
	for (const imp of acked.imports) {
		const runRow = one('select rows_imported r from import_run where id = ?', imp.id);
		const rows = one('select count(*) n from observation where import_run_id = ?', imp.id).n;
		const audit = one(
			"select count(*) n from audit_entry where entity = 'import_run' and entity_id = ? and operation = 'import'",
			String(imp.id)
		).n;
		const keyed = imp.keys.filter((k) => loaded(k).n === 1).length;
		if (runRow?.r !== IMPORT_ROWS || rows !== IMPORT_ROWS || audit !== 1 || keyed !== IMPORT_ROWS)
			fail(
				`import ${imp.id}: run row ${JSON.stringify(runRow)}, ${rows} observations, ${keyed} keys found once, ${audit} audit entries`
			);
	}
	// Nothing written twice and nothing written that was not acknowledged (no failed request).
	const count = (sql, ...a) => one(sql, ...a).n;
	const totals = {
		actions: count('select count(*) n from action where title like ?', `Load ${RUN} action %`),
		updates: count(
			'select count(*) n from action_update where note like ?',
			`Load ${RUN} update %`
		),
		observations: count(
			"select count(*) n from observation where json_extract(disaggregation, '$.load') like ?",
			`${RUN}-o%`
		),
		evidence: count('select count(*) n from evidence where title like ?', `Load ${RUN} evidence %`),
		imports: count('select count(*) n from import_run where file_name like ?', `load-${RUN}-%`)
	};
	for (const [k, n] of Object.entries(totals)) {
		if (n !== acked[k].length) fail(`${k}: ${n} in the store, ${acked[k].length} acknowledged`);
	}
	db.close();
	return integrity;
}
