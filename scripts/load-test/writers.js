// The five writers of `npm run test:load`, each as one person writes: new actions (MEX),
// progress updates (GTM), multi-row observations (SLV), edits and evidence on one action (HND)
// and 200-row imports (the secretariat). Every write answered 2xx goes into `acked`, which the
// store check (check-store.js) looks for in the file afterwards.
import { request } from '../../tests/load/client.js';

/**
 * The writers, sharing the run's sessions, clock and bookkeeping.
 * @param {object} ctx
 * @param {string} ctx.origin the server
 * @param {string} ctx.admin the secretariat's session cookie
 * @param {Record<string, string>} ctx.writerSessions a coordinator's session cookie by country
 * @param {() => boolean} ctx.running whether the run goes on
 * @param {(kind: string, res: any, what: string) => boolean} ctx.note records an answer; true when 2xx
 * @param {(message: string) => void} ctx.fail reports a problem
 * @param {any} ctx.acked the acknowledged writes
 * @param {string} ctx.RUN the run's tag
 * @param {string} ctx.OBS_INDICATOR the indicator the values go to
 * @param {number} ctx.IMPORT_ROWS rows per import
 */
export function writers({
	origin,
	admin,
	writerSessions,
	running,
	note,
	fail,
	acked,
	RUN,
	OBS_INDICATOR,
	IMPORT_ROWS
}) {
	const today = new Date().toISOString().slice(0, 10);

	/** Coordinator of MEX: new actions. */
	async function actionWriter() {
		const cookie = writerSessions.MEX;
		for (let n = 0; running(); n++) {
			const title = `Load ${RUN} action ${n}`;
			const res = await request(origin, 'POST', '/api/v1/actions', {
				cookie,
				json: { title, country: 'MEX', articles: [1 + (n % 18)], status: 'in_progress' }
			});
			if (note('write', res, `POST /api/v1/actions #${n}`))
				acked.actions.push({ id: res.body.id, title });
		}
	}

	/** Coordinator of GTM: progress updates on one of its actions. */
	async function updateWriter() {
		const cookie = writerSessions.GTM;
		const made = await request(origin, 'POST', '/api/v1/actions', {
			cookie,
			json: { title: `Load ${RUN} timeline`, country: 'GTM', articles: [4] }
		});
		if (made.status !== 201) throw new Error(`creating the GTM action: ${made.text}`);
		for (let n = 0; running(); n++) {
			const text = `Load ${RUN} update ${n}`;
			const res = await request(origin, 'POST', `/api/v1/actions/${made.body.id}/updates`, {
				cookie,
				json: { date: today, note: text, percentComplete: n % 100 }
			});
			if (note('write', res, `POST /api/v1/actions/${made.body.id}/updates #${n}`))
				acked.updates.push({ id: res.body.id, actionId: made.body.id, note: text });
		}
	}

	/** Coordinator of SLV: three observations per request (a multi-row change). */
	async function observationWriter() {
		const cookie = writerSessions.SLV;
		for (let n = 0; running(); n++) {
			const rows = [0, 1, 2].map((k) => ({
				country: 'SLV',
				period: '2024',
				disaggregation: { load: `${RUN}-o${n}-${k}` },
				value: n * 10 + k,
				note: `Load ${RUN}`
			}));
			const res = await request(
				origin,
				'POST',
				`/api/v1/indicators/${OBS_INDICATOR}/observations`,
				{
					cookie,
					json: { observations: rows }
				}
			);
			if (note('write', res, `POST /api/v1/indicators/${OBS_INDICATOR}/observations #${n}`))
				for (const r of rows)
					acked.observations.push({ key: r.disaggregation.load, value: r.value });
		}
	}

	/** Coordinator of HND: edits one action (optimistic concurrency) and adds evidence to it. */
	async function editWriter() {
		const cookie = writerSessions.HND;
		const made = await request(origin, 'POST', '/api/v1/actions', {
			cookie,
			json: { title: `Load ${RUN} edited`, country: 'HND', articles: [7] }
		});
		if (made.status !== 201) throw new Error(`creating the HND action: ${made.text}`);
		let version = made.body.version;
		acked.patches.id = made.body.id;
		acked.patches.version = version;
		for (let n = 0; running(); n++) {
			if (n % 2 === 0) {
				const res = await request(origin, 'PATCH', `/api/v1/actions/${made.body.id}`, {
					cookie,
					json: { version, leadAgency: `Agency ${n}` }
				});
				if (note('write', res, `PATCH /api/v1/actions/${made.body.id} #${n}`)) {
					version = res.body.version;
					acked.patches.count++;
					acked.patches.version = version;
				}
			} else {
				const title = `Load ${RUN} evidence ${n}`;
				const res = await request(origin, 'POST', '/api/v1/evidence', {
					cookie,
					json: {
						url: `https://example.org/load/${RUN}/${n}`,
						title,
						kind: 'report',
						target: { type: 'action', id: made.body.id }
					}
				});
				if (note('write', res, `POST /api/v1/evidence #${n}`))
					acked.evidence.push({ id: res.body.id, title });
			}
		}
	}

	/** The secretariat: template imports of 200 rows each. */
	async function importWriter() {
		for (let n = 0; running(); n++) {
			const lines = ['indicator,country,period,disaggregation,value,status,source,note'];
			const keys = [];
			for (let i = 0; i < IMPORT_ROWS; i++) {
				const key = `${RUN}-i${n}-${i}`;
				keys.push(key);
				lines.push(`${OBS_INDICATOR},CRI,2023,load=${key},${i},final,Load test,Import ${n}`);
			}
			const res = await request(
				origin,
				'POST',
				`/api/v1/imports?format=template&fileName=load-${RUN}-${n}.csv`,
				{ cookie: admin, csv: lines.join('\n') + '\n' }
			);
			if (note('write', res, `POST /api/v1/imports #${n}`)) {
				if (!res.body.committed || res.body.rowsImported !== IMPORT_ROWS)
					fail(`import #${n} answered 2xx but reports ${JSON.stringify(res.body).slice(0, 300)}`);
				acked.imports.push({ id: res.body.importRunId, keys });
			}
		}
	}

	return { actionWriter, updateWriter, observationWriter, editWriter, importWriter };
}
