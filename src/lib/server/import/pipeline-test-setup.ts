// Shared setup of the import pipeline tests (pipeline*.test.ts): the real files of the shared
// data folder by name, a fresh database and admin for every test, the observations of an
// indicator, and the report of a rejected import.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach } from 'vitest';
import { eq } from 'drizzle-orm';
import { freshDb, type TestDb } from '../../../../tests/helpers/db';
import { person } from '../../../../tests/helpers/people';
import { indicator, observation } from '../db/schema';
import type { Actor } from '../auth/authz';
import { type ImportReport } from './pipeline';
import { AppError } from '../http/errors';
import { SHARED_DATA } from '../../../../tests/helpers/shared-data';

const DATA = SHARED_DATA + '/';
export const RPW = 'worldbank-rpw__36d1ed87-9a2d-41da-8eac-c1c25d45fa65_Data.csv';
export const DDF_1073 =
	'unsdg-ddf__ddf--datapoints--sm_dth_migr--by--geo_area--nature--units--year.csv';
export const DDF_1072 =
	'unsdg-ddf__ddf--datapoints--sg_cpa_migrs--by--geo_area--nature--policy_domains--units--year.csv';
export const DDF_881 =
	'unsdg-ddf__ddf--datapoints--sl_emp_ftlinjur--by--geo_area--migratory_status--nature--sex--units--year.csv';
export const CANADA = 'canada-opensdg__indicator_10-7-4.csv';
export const MEXICO = 'mexico-opensdg__indicator_17-3-2.csv';

export const load = (name: string) => readFileSync(DATA + name, 'utf8');

export let t: TestDb;
export let admin: Actor;

/** Gives every test of the calling file a fresh database (`t`) and an admin (`admin`). */
export function freshDbPerTest() {
	beforeEach(async () => {
		t = freshDb();
		admin = person(t.db, 'admin');
	});
	afterEach(() => t.close());
}

export function obsOf(code: string) {
	const ind = t.db.select().from(indicator).where(eq(indicator.code, code)).get()!;
	return t.db.select().from(observation).where(eq(observation.indicatorId, ind.id)).all();
}

export function rejected(fn: () => unknown): { error: AppError; report: ImportReport } {
	try {
		fn();
	} catch (e) {
		if (e instanceof AppError) return { error: e, report: e.details as ImportReport };
		throw e;
	}
	throw new Error('expected the import to be rejected');
}
