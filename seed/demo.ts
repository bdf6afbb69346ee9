// The demonstration data set (`npm run db:seed -- --demo`): plausible but fictional
// actions, updates, evidence and observations, every title marked "Demo", and a flag
// that makes every page show a demo banner. Deterministic: the same data every run.
import { eq } from 'drizzle-orm';
import type { Db } from '../src/lib/server/db';
import {
	action,
	actionArticle,
	actionIndicator,
	actionUpdate,
	appMeta,
	article,
	evidence,
	indicator,
	observation,
	type ActionStatus
} from '../src/lib/server/db/schema';
import { getFramework } from '../src/lib/server/declaration/articles';
import { recordAudit } from '../src/lib/server/audit/audit';
import { observationsInserted, periodSortKey } from '../src/lib/server/observations';

export function isDemoData(db: Db): boolean {
	return db.select().from(appMeta).where(eq(appMeta.key, 'demo')).get()?.value === 'true';
}

interface DemoAction {
	country: string | null;
	articles: number[];
	title: string;
	description: string;
	lead: string;
	indicators?: string[];
	/** Status path over time: [months after 2024-12-01, status, percent]. */
	path: [number, ActionStatus, number][];
	dueMonths: number;
	language?: 'en' | 'es' | 'fr';
}

const DEMO_ACTIONS: DemoAction[] = [
	{
		country: 'MEX',
		articles: [2, 14],
		title: 'Lower-cost remittance channel through the national savings bank',
		description:
			'Agreement with the development bank to offer transfers from the United States at a capped fee, with financial education for receiving households.',
		lead: 'Ministry of Finance',
		indicators: ['10.c.1'],
		path: [
			[0, 'planned', 0],
			[3, 'in_progress', 20],
			[9, 'in_progress', 55],
			[18, 'in_progress', 80]
		],
		dueMonths: 26
	},
	{
		country: 'MEX',
		articles: [1, 4],
		title: 'Search and identification protocol for missing migrants',
		description:
			'Shared forensic database and protocol with civil society search committees along the northern and southern borders.',
		lead: 'National Search Commission',
		indicators: ['10.7.3'],
		path: [
			[1, 'planned', 0],
			[4, 'in_progress', 30],
			[14, 'completed', 100]
		],
		dueMonths: 14
	},
	{
		country: 'GTM',
		articles: [10, 18],
		title: 'Reception and reintegration centres for returned nationals',
		description:
			'Expanded reception at La Aurora airport with psychosocial support, skills certification and referral to employment services.',
		lead: 'Guatemalan Migration Institute',
		path: [
			[0, 'planned', 0],
			[2, 'in_progress', 25],
			[12, 'in_progress', 60],
			[20, 'completed', 100]
		],
		dueMonths: 20
	},
	{
		country: 'GTM',
		articles: [6, 9],
		// Written in Spanish, as a Guatemalan coordinator would (records keep their language).
		title: 'Campaña informativa sobre los riesgos de la migración irregular',
		description:
			'Campaña en radio y redes sociales en español y en cuatro idiomas mayas, con líderes comunitarios del altiplano occidental.',
		lead: 'Ministerio de Relaciones Exteriores',
		path: [
			[2, 'in_progress', 10],
			[8, 'stalled', 40]
		],
		dueMonths: 10,
		language: 'es'
	},
	{
		country: 'HND',
		articles: [11, 3],
		title: 'Fair recruitment registry for temporary workers abroad',
		description:
			'Public registry of licensed recruitment agencies and a complaint line for workers in temporary labour programmes.',
		lead: 'Ministry of Labour and Social Security',
		indicators: ['8.8.2'],
		path: [
			[0, 'planned', 0],
			[5, 'in_progress', 35],
			[16, 'in_progress', 70]
		],
		dueMonths: 18
	},
	{
		country: 'SLV',
		articles: [12, 16],
		title: 'Health and identity documents for returned children',
		description:
			'Fast-track birth registration and health cards for unaccompanied returned children.',
		lead: 'National Council for Children and Adolescents',
		path: [
			[1, 'in_progress', 15],
			[10, 'completed', 100]
		],
		dueMonths: 12
	},
	{
		country: 'CRI',
		articles: [15, 5],
		title: 'Humane reception standards at the northern border',
		description:
			'Minimum standards for shelters, water and medical care for people arriving in large movements.',
		lead: 'Directorate General of Migration',
		indicators: ['10.7.4'],
		path: [
			[0, 'planned', 0],
			[6, 'in_progress', 45]
		],
		dueMonths: 8
	},
	{
		country: 'PAN',
		articles: [15, 16],
		title: 'Migrant reception stations in Darién: protection screening',
		description:
			'Screening for people in vulnerable situations at the reception stations, with referral to asylum procedures.',
		lead: 'National Migration Service',
		path: [
			[0, 'in_progress', 20],
			[7, 'in_progress', 50],
			[19, 'completed', 100]
		],
		dueMonths: 18
	},
	{
		country: 'DOM',
		articles: [13],
		title: 'Migration statistics bulletin with comparable methods',
		description:
			'Quarterly bulletin using the UN recommendations on statistics of international migration.',
		lead: 'National Statistics Office',
		path: [
			[0, 'planned', 0],
			[4, 'in_progress', 30],
			[15, 'completed', 100]
		],
		dueMonths: 15
	},
	{
		country: 'CAN',
		articles: [3, 11],
		title: 'Pathway for temporary agricultural workers to permanent residence',
		description: 'Pilot that lets experienced seasonal workers apply for permanent residence.',
		lead: 'Immigration, Refugees and Citizenship Canada',
		path: [
			[0, 'in_progress', 40],
			[11, 'in_progress', 75],
			[21, 'completed', 100]
		],
		dueMonths: 22,
		language: 'en'
	},
	{
		country: 'USA',
		articles: [2],
		title: 'Consumer disclosure for international money transfers',
		description:
			'Guidance that remittance providers show total cost, exchange rate and fees before payment.',
		lead: 'Consumer Financial Protection Bureau',
		indicators: ['10.c.1'],
		path: [
			[0, 'planned', 0],
			[9, 'in_progress', 30]
		],
		dueMonths: 6
	},
	{
		country: 'BLZ',
		articles: [8, 12],
		title: 'Inclusion of migrants in the national health insurance',
		description:
			'Assessment and draft regulation to extend primary care coverage to documented migrants.',
		lead: 'Ministry of Health and Wellness',
		path: [
			[3, 'planned', 0],
			[12, 'in_progress', 20]
		],
		dueMonths: 30
	},
	{
		country: 'NIC',
		articles: [17],
		title: 'Interpreter roster for migration hearings',
		description: 'Roster of certified interpreters for administrative migration proceedings.',
		lead: 'Directorate General of Migration and Foreign Affairs',
		path: [
			[2, 'planned', 0],
			[8, 'cancelled', 0]
		],
		dueMonths: 12
	},
	{
		country: null,
		articles: [13, 14],
		title: 'Regional migration data working group',
		description: 'RCM working group to harmonise indicators and share data across member states.',
		lead: 'RCM Technical Secretariat',
		path: [
			[0, 'in_progress', 25],
			[12, 'in_progress', 60],
			[22, 'completed', 100]
		],
		dueMonths: 24
	},
	{
		country: null,
		articles: [9, 16],
		title: 'Regional guidelines on protection of migrant women and girls',
		description:
			'Guidelines for consular and border staff on gender-based violence and trafficking.',
		lead: 'RCM Liaison Officers Network',
		path: [
			[1, 'planned', 0],
			[6, 'in_progress', 50],
			[17, 'completed', 100]
		],
		dueMonths: 16
	}
];

function monthDate(offset: number, day = 15): string {
	const d = new Date(Date.UTC(2024, 11 + offset, day));
	return d.toISOString().slice(0, 10);
}

/** Writes the demo data set once; a second run changes nothing. */
export async function seedDemoData(db: Db): Promise<string> {
	if (isDemoData(db)) return 'already present, nothing changed';
	const fw = getFramework(db);
	const articleIds = new Map(
		db
			.select({ id: article.id, n: article.number })
			.from(article)
			.where(eq(article.frameworkId, fw.id))
			.all()
			.map((a) => [a.n, a.id])
	);
	const indicatorIds = new Map(
		db
			.select({ id: indicator.id, code: indicator.code })
			.from(indicator)
			.all()
			.map((i) => [i.code, i.id])
	);
	let actions = 0;
	let updates = 0;
	let observations = 0;
	db.transaction((tx) => {
		for (const a of DEMO_ACTIONS) {
			const last = a.path[a.path.length - 1];
			const status = last[1];
			const created = tx
				.insert(action)
				.values({
					frameworkId: fw.id,
					countryIso3: a.country,
					title: `Demo: ${a.title}`,
					description: a.description,
					leadAgency: a.lead,
					status,
					percentComplete: last[2],
					startDate: monthDate(a.path[0][0], 1),
					dueDate: monthDate(a.dueMonths, 28),
					completedOn: status === 'completed' ? monthDate(last[0]) : null,
					language: a.language ?? 'en',
					reviewState: 'validated',
					validatedAt: new Date()
				})
				.returning()
				.get();
			actions++;
			for (const n of a.articles)
				tx.insert(actionArticle)
					.values({ actionId: created.id, articleId: articleIds.get(n)! })
					.run();
			for (const code of a.indicators ?? []) {
				const id = indicatorIds.get(code);
				if (id) tx.insert(actionIndicator).values({ actionId: created.id, indicatorId: id }).run();
			}
			const notes: string[] = [];
			for (const [offset, st, pct] of a.path) {
				const note =
					st === 'planned'
						? 'Action registered and planned.'
						: st === 'completed'
							? 'Completed and reported to the secretariat.'
							: st === 'stalled'
								? 'Paused: waiting for budget approval.'
								: st === 'cancelled'
									? 'Cancelled: replaced by a regional initiative.'
									: `Work continues: ${pct}% of the planned activities done.`;
				notes.push(note);
				tx.insert(actionUpdate)
					.values({
						actionId: created.id,
						date: monthDate(offset),
						note,
						status: st,
						percentComplete: pct,
						language: 'en'
					})
					.run();
				updates++;
			}
			tx.insert(evidence)
				.values({
					url: `https://example.org/demo/${a.country?.toLowerCase() ?? 'rcm'}/${created.id}`,
					urlNormalized: `https://example.org/demo/${a.country?.toLowerCase() ?? 'rcm'}/${created.id}`,
					title: `Demo: ${a.lead}, announcement`,
					kind: 'statement',
					publishedOn: monthDate(a.path[0][0], 20),
					targetType: 'action',
					targetId: created.id,
					countryIso3: a.country
				})
				.run();
			// The search index follows by trigger (migration 0006).
			// The validated version that shared pages show (same shape as actions.ts snapshotOf).
			const snapshot = {
				title: created.title,
				description: created.description,
				country: created.countryIso3,
				articles: [...a.articles].sort((x, y) => x - y),
				leadAgency: created.leadAgency,
				status: created.status,
				percentComplete: created.percentComplete,
				startDate: created.startDate,
				dueDate: created.dueDate,
				completedOn: created.completedOn,
				indicators: (a.indicators ?? []).filter((c) => indicatorIds.has(c)),
				language: created.language
			};
			tx.update(action).set({ validated: snapshot }).where(eq(action.id, created.id)).run();
			recordAudit(tx, {
				userId: null,
				entity: 'action',
				entityId: created.id,
				operation: 'create',
				after: { ...created, validated: snapshot },
				note: 'demo data'
			});
		}
		// A few observations so charts have something to draw before any import.
		const labour = indicatorIds.get('8.8.2');
		if (labour) {
			const series: Record<string, number[]> = {
				HND: [6.1, 5.8, 5.2, 4.9],
				GTM: [6.8, 6.9, 6.4, 6.2],
				MEX: [4.2, 4.0, 3.9, 3.6]
			};
			for (const [iso3, values] of Object.entries(series)) {
				values.forEach((value, i) => {
					const year = 2021 + i;
					tx.insert(observation)
						.values({
							indicatorId: labour,
							countryIso3: iso3,
							scopeKey: iso3,
							period: String(year),
							year,
							periodSort: periodSortKey(String(year)),
							value,
							status: i === values.length - 1 ? 'provisional' : 'final',
							source: 'Demo: illustrative values',
							reviewState: 'validated',
							validated: { value, status: 'final' },
							validatedAt: new Date()
						})
						.run();
					observations++;
				});
			}
			observationsInserted(tx, labour);
		}
		tx.insert(appMeta)
			.values({ key: 'demo', value: 'true' })
			.onConflictDoUpdate({ target: appMeta.key, set: { value: 'true' } })
			.run();
	});
	return `${actions} actions, ${updates} updates, ${actions} evidence links, ${observations} observations`;
}
