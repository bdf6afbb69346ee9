// Editions (issue 18): making one (admins, audited, in one transaction), listing and reading
// them, and their data — the stored canonical JSON, served byte for byte, whose SHA-256 is the
// edition's hash. Rows are never updated (migration 0017 refuses it).
import { desc, eq } from 'drizzle-orm';
import type { Db } from '../db';
import { edition } from '../db/schema';
import { assert, type Actor } from '../auth/authz';
import { recordAudit } from '../audit/audit';
import { invalid, notFound } from '../http/errors';
import { isoToday } from '../declaration/articles';
import type { EditionCreate } from '$lib/schemas/editions';
import { canonicalJson, sha256Hex } from './canonical';
import { buildSnapshot } from './snapshot';
import type { EditionSnapshot } from './types';

/** An edition as the API answers it. */
export interface EditionSummary {
	slug: string;
	name: string;
	asOf: string;
	createdAt: string;
	hash: string;
}

type EditionRow = typeof edition.$inferSelect;

function summary(
	r: Pick<EditionRow, 'slug' | 'name' | 'asOf' | 'createdAt' | 'hash'>
): EditionSummary {
	return {
		slug: r.slug,
		name: r.name,
		asOf: r.asOf,
		createdAt: r.createdAt.toISOString(),
		hash: r.hash
	};
}

/** `ministerial-meeting-2026` from a name; empty names give `edition`. */
export function slugify(name: string): string {
	const s = name
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 60)
		.replace(/-+$/, '');
	return s || 'edition';
}

function freeSlug(db: Db, base: string): string {
	const taken = new Set(
		(
			db.$client
				.prepare(`select slug from edition where slug = ? or slug like ?`)
				.all(base, `${base}-%`) as {
				slug: string;
			}[]
		).map((r) => r.slug)
	);
	if (!taken.has(base)) return base;
	for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}

/** Makes an edition: the snapshot of what was validated at `asOf` (default today). */
export function createEdition(
	db: Db,
	actor: Actor | null,
	input: EditionCreate,
	now = new Date()
): EditionSummary {
	assert.makeEdition(actor);
	const today = isoToday();
	const asOf = input.asOf ?? today;
	if (asOf > today) {
		throw invalid('An edition cannot be dated in the future.', [
			{ path: 'asOf', message: `Use a day on or before ${today}.` }
		]);
	}
	return db.transaction((tx) => {
		// One connection (better-sqlite3 is synchronous): reads through `db` run inside the transaction.
		const slug = freeSlug(db, slugify(input.name));
		// Milliseconds are kept: createdAt in the snapshot and in the row are the same instant.
		const createdAt = new Date(Math.floor(now.getTime()));
		const snapshot = buildSnapshot(db, {
			slug,
			name: input.name,
			asOf,
			createdAt: createdAt.toISOString(),
			roundId: input.roundId ?? null
		});
		const data = canonicalJson(snapshot);
		const hash = sha256Hex(data);
		const row = tx
			.insert(edition)
			.values({
				slug,
				name: input.name,
				asOf,
				roundId: input.roundId ?? null,
				data,
				hash,
				createdBy: actor!.id,
				createdAt
			})
			.returning()
			.get();
		const out = summary(row);
		recordAudit(tx, {
			userId: actor!.id,
			entity: 'edition',
			entityId: row.id,
			operation: 'create',
			after: { ...out, roundId: row.roundId }
		});
		return out;
	});
}

/** Every edition, newest first (any signed-in reader). */
export function listEditions(db: Db, actor: Actor | null): EditionSummary[] {
	assert.signedIn(actor);
	return listEditionsUnchecked(db);
}

/** Every edition, newest first, for pages that have checked their reader already. */
export function listEditionsUnchecked(db: Db): EditionSummary[] {
	return db
		.select({
			slug: edition.slug,
			name: edition.name,
			asOf: edition.asOf,
			createdAt: edition.createdAt,
			hash: edition.hash
		})
		.from(edition)
		.orderBy(desc(edition.createdAt), desc(edition.id))
		.all()
		.map(summary);
}

function rowBySlug(db: Db, slug: string): EditionRow {
	const row = db.select().from(edition).where(eq(edition.slug, slug.toLowerCase())).get();
	if (!row) throw notFound(`There is no edition ${slug}.`);
	return row;
}

/** One edition's summary (any signed-in reader). */
export function getEdition(db: Db, actor: Actor | null, slug: string): EditionSummary {
	assert.signedIn(actor);
	return summary(rowBySlug(db, slug));
}

/** The canonical JSON of an edition (the bytes whose SHA-256 is its hash). */
export function editionDataText(db: Db, actor: Actor | null, slug: string): string {
	assert.signedIn(actor);
	return rowBySlug(db, slug).data;
}

const parsed = new Map<string, EditionSnapshot>();

/**
 * An edition's snapshot, parsed (kept in memory by hash: an edition never changes). No reader
 * check: pages and share links of an edition call it after their own.
 */
export function editionSnapshot(db: Db, slug: string): EditionSnapshot {
	const row = rowBySlug(db, slug);
	let s = parsed.get(row.hash);
	if (!s) {
		s = JSON.parse(row.data) as EditionSnapshot;
		if (parsed.size > 20) parsed.clear();
		parsed.set(row.hash, s);
	}
	return s;
}

/** The edition with this id, for share links that point to one. */
export function editionSlugById(db: Db, id: number): string | null {
	return (
		db.select({ slug: edition.slug }).from(edition).where(eq(edition.id, id)).get()?.slug ?? null
	);
}

/** One edition's summary, for share links of an edition (the link is the reader's right). */
export function editionSummaryUnchecked(db: Db, slug: string): EditionSummary {
	return summary(rowBySlug(db, slug));
}
