import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { freshDb, snapshot, type TestDb } from '../../../../tests/helpers/db';
import { person } from '../../../../tests/helpers/people';
import { action, actionIndicator, auditEntry, framework, indicator } from '../db/schema';
import {
	createIndicator,
	getIndicator,
	listIndicatorActions,
	listIndicators,
	updateIndicator
} from './catalogue';
import { indicatorCreateSchema, indicatorUpdateSchema } from '$lib/schemas/indicators';

let t: TestDb;
beforeEach(() => {
	t = freshDb();
});
afterEach(() => t.close());

describe('the indicator catalogue', () => {
	it('holds the starter catalogue of DESIGN §7 with articles and references', () => {
		const viewer = person(t.db, 'viewer');
		const all = listIndicators(t.db, viewer);
		expect(all.map((i) => i.code)).toEqual([
			'8.8.1',
			'8.8.2',
			'10.7.2',
			'10.7.3',
			'10.7.4',
			'10.c.1',
			'16.2.2',
			'17.3.2'
		]);
		const rpw = getIndicator(t.db, viewer, '10.C.1', { locale: 'es' });
		expect(rpw).toMatchObject({
			code: '10.c.1',
			unit: 'percent',
			direction: 'decrease',
			targetYear: 2030,
			targetValue: 3,
			ceiling: 5,
			articles: [2, 14],
			sdg: ['10.c', '10.c.1'],
			nameTranslated: true
		});
		expect(rpw.gcm.sort()).toEqual([19, 20]);
		expect(rpw.name).toBe('Costo de las remesas en proporción a las sumas remitidas');
	});

	it('admins create and edit indicators (audited, version checked); others may not', () => {
		const admin = person(t.db, 'admin');
		const coord = person(t.db, 'coordinator', ['MEX']);
		const input = indicatorCreateSchema.parse({
			code: 'RCM-11.1',
			name: 'Labour inspections of recruitment agencies',
			unit: 'count',
			direction: 'increase',
			baselineYear: 2020,
			baselineValue: 12,
			targetYear: 2030,
			targetValue: 40,
			articles: [11],
			sdg: ['8.8'],
			gcm: [6],
			translations: { es: { name: 'Inspecciones laborales de agencias de reclutamiento' } }
		});
		expect(() => createIndicator(t.db, coord, input)).toThrow(
			expect.objectContaining({ status: 403 })
		);
		const created = createIndicator(t.db, admin, input);
		expect(created).toMatchObject({
			code: 'RCM-11.1',
			version: 1,
			articles: [11],
			sdg: ['8.8'],
			gcm: [6]
		});
		expect(() => createIndicator(t.db, admin, input)).toThrow(
			expect.objectContaining({ status: 409 })
		);
		const updated = updateIndicator(
			t.db,
			admin,
			'RCM-11.1',
			indicatorUpdateSchema.parse({ version: 1, targetValue: 50, articles: [11, 3] })
		);
		expect(updated).toMatchObject({ version: 2, targetValue: 50, articles: [3, 11], sdg: ['8.8'] });
		const before = snapshot(t.db);
		expect(() =>
			updateIndicator(
				t.db,
				admin,
				'RCM-11.1',
				indicatorUpdateSchema.parse({ version: 1, name: 'x' })
			)
		).toThrow(expect.objectContaining({ status: 409 }));
		expect(() =>
			updateIndicator(
				t.db,
				admin,
				'RCM-11.1',
				indicatorUpdateSchema.parse({ version: 2, targetYear: 2019 })
			)
		).toThrow(expect.objectContaining({ status: 422 }));
		expect(snapshot(t.db)).toEqual(before);
		const ops = t.db
			.select()
			.from(auditEntry)
			.where(eq(auditEntry.entity, 'indicator'))
			.all()
			.map((a) => a.operation);
		expect(ops).toEqual(['create', 'update']);
		expect(getIndicator(t.db, admin, 'RCM-11.1', { locale: 'es' }).name).toBe(
			'Inspecciones laborales de agencias de reclutamiento'
		);
	});

	it('schemas refuse unknown fields and bad codes', () => {
		expect(
			indicatorCreateSchema.safeParse({
				code: '10.c.1',
				name: 'x',
				unit: 'percent',
				direction: 'up'
			}).success
		).toBe(false);
		expect(
			indicatorCreateSchema.safeParse({
				code: 'not a code',
				name: 'x',
				unit: 'percent',
				direction: 'increase'
			}).success
		).toBe(false);
		expect(
			indicatorCreateSchema.safeParse({
				code: '1.1.1',
				name: 'x',
				unit: 'percent',
				direction: 'increase',
				colour: 'red'
			}).success
		).toBe(false);
	});

	it('lists the actions linked to an indicator, validated only where drafts are not readable', () => {
		const admin = person(t.db, 'admin');
		const gtm = person(t.db, 'coordinator', ['GTM']);
		const fw = t.db.select().from(framework).get()!;
		const ind = t.db.select().from(indicator).where(eq(indicator.code, '10.c.1')).get()!;
		const mk = (title: string, country: string, reviewState: 'draft' | 'validated') => {
			const a = t.db
				.insert(action)
				.values({
					frameworkId: fw.id,
					countryIso3: country,
					title,
					reviewState,
					status: 'in_progress'
				})
				.returning()
				.get();
			t.db.insert(actionIndicator).values({ actionId: a.id, indicatorId: ind.id }).run();
		};
		mk('Cheaper transfers', 'MEX', 'validated');
		mk('Draft idea', 'MEX', 'draft');
		expect(listIndicatorActions(t.db, admin, '10.c.1').map((a) => a.title)).toEqual([
			'Cheaper transfers',
			'Draft idea'
		]);
		expect(listIndicatorActions(t.db, gtm, '10.c.1').map((a) => a.title)).toEqual([
			'Cheaper transfers'
		]);
		expect(
			listIndicatorActions(t.db, null, '10.c.1', { validatedOnly: true }).map((a) => a.countryName)
		).toEqual(['Mexico']);
		expect(() => listIndicatorActions(t.db, null, '10.c.1')).toThrow(
			expect.objectContaining({ status: 401 })
		);
	});
});
