// The canonical serialisation of an edition's snapshot (docs/editions.md): JSON with object
// keys sorted by code unit, no whitespace, undefined members left out, non-finite numbers as
// null, UTF-8 bytes; the edition's hash is the SHA-256 of those bytes.
import { createHash } from 'node:crypto';

function canonicalValue(v: unknown): string {
	if (v === null || v === undefined) return 'null';
	if (typeof v === 'number') return Number.isFinite(v) ? JSON.stringify(v) : 'null';
	if (typeof v === 'string' || typeof v === 'boolean') return JSON.stringify(v);
	if (v instanceof Date) return JSON.stringify(v.toISOString());
	if (Array.isArray(v)) return `[${v.map(canonicalValue).join(',')}]`;
	if (typeof v === 'object') {
		const entries = Object.entries(v as Record<string, unknown>)
			.filter(([, x]) => x !== undefined && typeof x !== 'function')
			.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
		return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${canonicalValue(x)}`).join(',')}}`;
	}
	return 'null';
}

/** The canonical JSON text of a value. */
export function canonicalJson(value: unknown): string {
	return canonicalValue(value);
}

/** SHA-256 (lower-case hex) of a text's UTF-8 bytes. */
export function sha256Hex(text: string): string {
	return createHash('sha256').update(Buffer.from(text, 'utf8')).digest('hex');
}
