// Where the real data files of ../shared/data are: AVANCE_SHARED_DATA, else the shared/
// folder beside this checkout (as CI lays it out), else the workspace's /work/shared/data.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const candidates = [
	process.env.AVANCE_SHARED_DATA,
	resolve(process.cwd(), '../shared/data'),
	'/work/shared/data'
];

export const SHARED_DATA: string =
	candidates.find((p): p is string => !!p && existsSync(p)) ??
	resolve(process.cwd(), '../shared/data');

/** The folder as a file: URL ending in '/', for `new URL(name, SHARED_DATA_URL)`. */
export const SHARED_DATA_URL: URL = pathToFileURL(SHARED_DATA + '/');

export function sharedFile(name: string): string {
	return join(SHARED_DATA, name);
}
