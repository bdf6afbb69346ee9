// What the admin pages warn about (a banner under the header): a disk that is getting full,
// a last backup older than 36 hours or missing. Read from the health report, at most every
// two seconds.
import { getDb } from '../db';
import { healthReport } from './report';

export type AdminNotice =
	| { kind: 'disk'; state: 'warning' | 'critical'; freeBytes: number; freePercent: number }
	| { kind: 'backup'; ageHours: number | null };

const TTL_MS = 2_000;
let cached: { at: number; notices: AdminNotice[] } | null = null;

export async function adminNotices(now = Date.now()): Promise<AdminNotice[]> {
	if (cached && now - cached.at < TTL_MS) return cached.notices;
	const report = await healthReport(getDb());
	const notices: AdminNotice[] = [];
	if (report.disk && report.disk.state !== 'ok') {
		notices.push({
			kind: 'disk',
			state: report.disk.state,
			freeBytes: report.disk.freeBytes,
			freePercent: report.disk.freePercent
		});
	}
	if (report.backup?.stale) notices.push({ kind: 'backup', ageHours: report.backup.ageHours });
	cached = { at: now, notices };
	return notices;
}

/** A short key of the notices, for the cache of rendered pages (they show the banner). */
export function noticesKey(notices: AdminNotice[]): string {
	return notices
		.map((n) =>
			n.kind === 'disk'
				? `disk:${n.state}:${Math.round(n.freePercent)}`
				: `backup:${n.ageHours === null ? 'none' : Math.floor(n.ageHours)}`
		)
		.join(',');
}

/** Forgets the cached notices (tests). */
export function resetAdminNotices(): void {
	cached = null;
}
