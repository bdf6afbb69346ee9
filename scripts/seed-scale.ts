// `npm run seed:scale -- --factor F --db FILE [--seed N]`: a realistic, deterministic data
// set at region scale in a throw-away database, for benchmarks and load tests. At factor 1:
// 11 member states × 18 articles × 50 actions (9,900) with about 10 updates each, 20,000
// evidence links, 60 indicators with quarterly values over 30 years for every member and,
// for eight of them, 7 disaggregates (about 150,000 observations); all validated, plus
// some drafts. Prints what it wrote. Never point it at a real database: it refuses to
// write into one that already has actions.
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { openDatabase, runMigrations } from '../src/lib/server/db';
import { seedDatabase } from '../src/lib/server/seed/seed';
import { createUserRecord } from '../src/lib/server/accounts/users';
import { periodSortKey } from '../src/lib/server/observations';
import { MEMBER_STATES } from '../seed/reference-data';

const { values } = parseArgs({
	options: {
		factor: { type: 'string', default: '1' },
		db: { type: 'string' },
		seed: { type: 'string', default: '42' }
	}
});
const factor = Number(values.factor);
if (!values.db || !Number.isFinite(factor) || factor <= 0) {
	console.error('Usage: npm run seed:scale -- --factor 1 --db /tmp/avance-scale.db [--seed 42]');
	process.exit(2);
}
const file = values.db;

/** Deterministic pseudo-random numbers (mulberry32). */
function prng(seed: number) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}
const rand = prng(Number(values.seed));
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));

const existed = existsSync(file);
const db = openDatabase(file);
runMigrations(db);
seedDatabase(db);
const sqlite = db.$client;
if (existed && (sqlite.prepare('select count(*) n from action').get() as { n: number }).n > 0) {
	console.error(`[scale] ${file} already holds actions; give a new file.`);
	process.exit(1);
}

const started = performance.now();
// A bulk load into a throw-away file: no fsync, a large page cache, temporary b-trees in memory.
// Everything below the accounts is one transaction over prepared statements.
sqlite.pragma('synchronous = OFF');
sqlite.pragma('cache_size = -262144');
sqlite.pragma('temp_store = MEMORY');
const admin = await createUserRecord(db, null, {
	email: process.env.BENCH_ADMIN_EMAIL ?? 'bench-admin@example.org',
	password: process.env.BENCH_ADMIN_PASSWORD ?? 'bench-admin-password',
	name: 'Bench Admin',
	role: 'admin'
});
const coordinators = new Map<string, string>();
for (const iso3 of MEMBER_STATES) {
	const u = await createUserRecord(db, null, {
		email: `coordinator.${iso3.toLowerCase()}@example.org`,
		password: 'bench-coordinator-password',
		name: `Coordinator ${iso3}`,
		role: 'coordinator',
		countries: [iso3]
	});
	coordinators.set(iso3, u.id);
}

const frameworkId = (
	sqlite.prepare("select id from framework where slug = 'rcm-gcm'").get() as { id: number }
).id;
const articleIds = new Map(
	(
		sqlite.prepare('select id, number from article where framework_id = ?').all(frameworkId) as {
			id: number;
			number: number;
		}[]
	).map((a) => [a.number, a.id])
);

const VERBS = [
	'Strengthen',
	'Expand',
	'Launch',
	'Review',
	'Pilot',
	'Train staff for',
	'Fund',
	'Coordinate',
	'Digitise',
	'Evaluate'
];
const OBJECTS = [
	'consular assistance for nationals abroad',
	'reception centres for returned migrants',
	'labour migration agreements',
	'remittance cost transparency',
	'search for missing migrants',
	'protection screening at the border',
	'birth registration of migrant children',
	'information campaigns on safe migration',
	'access to health services for migrants',
	'recognition of skills and qualifications',
	'anti-trafficking units',
	'migration statistics',
	'legal aid in migration proceedings',
	'shelters for women and girls at risk'
];
const AGENCIES = [
	'Ministry of Foreign Affairs',
	'Ministry of Labour',
	'National Migration Institute',
	'Ministry of Health',
	'National Statistics Office',
	'Ministry of Finance',
	'Attorney General'
];
const STATUSES = [
	'planned',
	'in_progress',
	'in_progress',
	'in_progress',
	'completed',
	'completed',
	'stalled',
	'cancelled'
] as const;
const NOTES = [
	'Meeting held with partner agencies.',
	'Budget approved for the next phase.',
	'Field visits completed in three provinces.',
	'Draft regulation sent for consultation.',
	'Training delivered to frontline staff.',
	'Report published on the ministry website.',
	'Delayed by procurement; new date agreed.'
];

const iso = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (s: string, n: number) =>
	iso(new Date(Date.parse(s + 'T00:00:00Z') + n * 86_400_000));
const now = Date.now();

const insAction = sqlite.prepare(
	`insert into action (framework_id, country_iso3, title, description, lead_agency, status, percent_complete, start_date, due_date, completed_on, language, review_state, validated, validated_at, version, created_by, updated_by, created_at, updated_at)
	 values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'en', ?, ?, ?, 1, ?, ?, ?, ?)`
);
const insActionArticle = sqlite.prepare(
	'insert or ignore into action_article (action_id, article_id) values (?, ?)'
);
const insUpdate = sqlite.prepare(
	'insert into action_update (action_id, date, note, status, percent_complete, language, author_id, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)'
);
// The triggers of the action tables already index each new action; this adds its update notes.
const insFts = sqlite.prepare(
	'insert or replace into action_fts (rowid, title, description, lead_agency, notes) values (?, ?, ?, ?, ?)'
);
const insEvidence = sqlite.prepare(
	`insert into evidence (url, url_normalized, title, kind, published_on, target_type, target_id, country_iso3, created_by, created_at) values (?, ?, ?, ?, ?, 'action', ?, ?, ?, ?)`
);

const loadStarted = performance.now();
sqlite.exec('begin');
let actions = 0;
let updates = 0;
let drafts = 0;
const actionIds: { id: number; country: string }[] = [];
const perCell = Math.max(1, Math.round(50 * factor));
{
	for (const iso3 of MEMBER_STATES) {
		const author = coordinators.get(iso3)!;
		for (let n = 1; n <= 18; n++) {
			for (let k = 0; k < perCell; k++) {
				const title = `${pick(VERBS)} ${pick(OBJECTS)} (${iso3} ${n}.${k + 1})`;
				const description = `Scale data: ${pick(OBJECTS)} and ${pick(OBJECTS)}, with ${pick(AGENCIES).toLowerCase()}.`;
				const lead = pick(AGENCIES);
				const start = iso(new Date(Date.UTC(2019 + int(0, 5), int(0, 11), int(1, 28))));
				const due = addDays(start, int(180, 1200));
				const nUpdates = int(5, 15);
				const status = pick(STATUSES);
				const percent = status === 'completed' ? 100 : status === 'planned' ? 0 : int(5, 95);
				const completedOn = status === 'completed' ? addDays(start, nUpdates * 30) : null;
				const isDraft = rand() < 0.03;
				const articles = rand() < 0.3 ? [n, int(1, 18)] : [n];
				const snapshot = {
					title,
					description,
					country: iso3,
					articles: [...new Set(articles)].sort((a, b) => a - b),
					leadAgency: lead,
					status,
					percentComplete: percent,
					startDate: start,
					dueDate: due,
					completedOn,
					indicators: [],
					language: 'en'
				};
				const ts = now - int(0, 700) * 86_400_000;
				const id = Number(
					insAction.run(
						frameworkId,
						iso3,
						title,
						description,
						lead,
						status,
						percent,
						start,
						due,
						completedOn,
						isDraft ? 'draft' : 'validated',
						isDraft ? null : JSON.stringify(snapshot),
						isDraft ? null : ts,
						author,
						author,
						ts,
						ts
					).lastInsertRowid
				);
				if (isDraft) drafts++;
				for (const a of snapshot.articles) insActionArticle.run(id, articleIds.get(a)!);
				const notes: string[] = [];
				for (let u = 0; u < nUpdates; u++) {
					const last = u === nUpdates - 1;
					const st = last ? status : u === 0 ? 'planned' : 'in_progress';
					const pct = last ? percent : Math.round((percent * u) / nUpdates);
					const note = pick(NOTES);
					notes.push(note);
					insUpdate.run(id, addDays(start, u * 30), note, st, pct, 'en', author, ts);
					updates++;
				}
				insFts.run(id, title, description, lead, notes.join('\n'));
				actionIds.push({ id, country: iso3 });
				actions++;
			}
		}
	}
}

const evidenceCount = Math.round(20_000 * factor);
const KINDS = ['law', 'policy', 'report', 'dataset', 'news', 'statement', 'other'];
{
	for (let i = 0; i < evidenceCount; i++) {
		const a = actionIds[i % actionIds.length];
		const url = `https://example.org/${a.country.toLowerCase()}/evidence/${i}`;
		insEvidence.run(
			url,
			url,
			`Evidence ${i} for action ${a.id}`,
			pick(KINDS),
			iso(new Date(Date.UTC(2020 + int(0, 5), int(0, 11), 1))),
			a.id,
			a.country,
			admin.id,
			now
		);
	}
}

// Indicators: the 8 starter ones plus generated RCM indicators up to 60.
const insIndicator = sqlite.prepare(
	`insert into indicator (code, name, description, unit, direction, target_year, target_value, custodian, source) values (?, ?, ?, ?, ?, ?, ?, 'RCM', 'Scale data')`
);
const insIndicatorArticle = sqlite.prepare(
	'insert or ignore into indicator_article (indicator_id, article_id) values (?, ?)'
);
{
	const have = (sqlite.prepare('select count(*) n from indicator').get() as { n: number }).n;
	for (let i = have + 1; i <= 60; i++) {
		const direction = rand() < 0.5 ? 'increase' : 'decrease';
		const id = Number(
			insIndicator.run(
				`RCM-${i}`,
				`Scale indicator ${i}`,
				'Generated for benchmarks.',
				pick(['percent', 'count', 'score', 'per_100k']),
				direction,
				rand() < 0.5 ? 2030 : null,
				rand() < 0.5 ? int(10, 90) : null
			).lastInsertRowid
		);
		insIndicatorArticle.run(id, articleIds.get(((i - 1) % 18) + 1)!);
		if (rand() < 0.4) insIndicatorArticle.run(id, articleIds.get(int(1, 18))!);
	}
}
const indicators = sqlite.prepare('select id, code from indicator order by id').all() as {
	id: number;
	code: string;
}[];
const disaggregated = new Set(indicators.slice(0, 8).map((i) => i.id));

const insObs = sqlite.prepare(
	`insert into observation (indicator_id, country_iso3, scope_key, period, year, period_sort, disaggregation, disagg_key, value, status, source, review_state, validated, validated_at, created_at, updated_at)
	 values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'Scale data', ?, ?, ?, ?, ?)`
);
const years = Math.max(2, Math.round(30 * factor));
const firstYear = 2024 - years + 1;
let observations = 0;
{
	for (const ind of indicators) {
		for (const iso3 of MEMBER_STATES) {
			const series: { key: string; disagg: Record<string, string> }[] = [{ key: '', disagg: {} }];
			if (disaggregated.has(ind.id)) {
				for (let d = 1; d <= 7; d++) {
					const sender = pick(['USA', 'CAN', 'ESP', 'ITA', 'MEX', 'CRI', 'PAN']);
					const disagg =
						ind.code === '10.c.1' ? { corridor: `${sender}${d}>${iso3}` } : { group: `g${d}` };
					series.push({
						key: Object.entries(disagg)
							.map(([k, v]) => `${k}=${v}`)
							.join(';'),
						disagg
					});
				}
			}
			for (const s of series) {
				let value = 2 + rand() * 10;
				for (let y = firstYear; y <= 2024; y++) {
					for (let q = 1; q <= 4; q++) {
						value = Math.max(0.1, value * (1 + (rand() - 0.55) * 0.05));
						const period = `${y}-Q${q}`;
						const status = y === 2024 && q === 4 ? 'provisional' : 'final';
						const draft = rand() < 0.01;
						const v = Math.round(value * 1000) / 1000;
						const snap = draft
							? null
							: JSON.stringify({ value: v, status, source: 'Scale data', note: null });
						insObs.run(
							ind.id,
							iso3,
							iso3,
							period,
							y,
							periodSortKey(period),
							JSON.stringify(s.disagg),
							s.key,
							v,
							status,
							draft ? 'draft' : 'validated',
							snap,
							draft ? null : now,
							now,
							now
						);
						observations++;
					}
				}
			}
		}
	}
}

sqlite.exec('commit');
const loadSecs = ((performance.now() - loadStarted) / 1000).toFixed(1);
sqlite.pragma('optimize');
db.$client.close();
const secs = ((performance.now() - started) / 1000).toFixed(1);
console.log(
	`[scale] ${file} (factor ${factor}): ${actions} actions (${drafts} drafts), ${updates} updates, ${evidenceCount} evidence links, ${indicators.length} indicators, ${observations} observations, ${MEMBER_STATES.length + 1} users in ${secs} s (rows in one transaction: ${loadSecs} s)`
);
