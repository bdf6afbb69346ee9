// The error codes the API answers with (DESIGN §4 error shape), each with its status and
// meaning: documented in the OpenAPI description and the only values `error.code` may take
// there (the API tests check every error they receive against it).
export const ERROR_CODES: Record<string, { status: number; meaning: string }> = {
	bad_request: {
		status: 400,
		meaning: 'The request is malformed: not JSON, a bad path or query parameter.'
	},
	unauthorized: { status: 401, meaning: 'No session and no API key: sign in or send a key.' },
	invalid_api_key: {
		status: 401,
		meaning:
			'The API key is unknown, revoked or expired, or its user has been deactivated (or the key is malformed).'
	},
	forbidden: { status: 403, meaning: 'Signed in, but your role or countries do not allow this.' },
	not_found: { status: 404, meaning: 'No such record (or no such endpoint).' },
	conflict: {
		status: 409,
		meaning:
			'The `version` you sent is stale (someone changed the record since you read it: `details` holds the current one), or the record already exists.'
	},
	payload_too_large: { status: 413, meaning: 'The body or the file is too large.' },
	unsupported_media_type: {
		status: 415,
		meaning: 'Wrong content type: send application/json (imports: text/csv or multipart).'
	},
	invalid: {
		status: 422,
		meaning: 'Some fields are not valid; `issues` names each field and what is wrong with it.'
	},
	import_rejected: {
		status: 422,
		meaning:
			'An import had rejected rows, so nothing was written; `details` holds the full report. Fix the rows or send validOnly=true.'
	},
	rate_limited: {
		status: 429,
		meaning: 'Too many requests with this API key; wait for the seconds in Retry-After.'
	},
	storage_full: {
		status: 507,
		meaning: 'The server’s disk is full: nothing was written; try again later.'
	},
	busy: {
		status: 503,
		meaning: 'The database is locked for a moment: nothing was written; retry after Retry-After.'
	},
	read_only: {
		status: 503,
		meaning: 'The database is read-only (maintenance): nothing was written.'
	},
	internal: {
		status: 500,
		meaning: 'A fault on our side (never expected); the message carries a reference for the log.'
	}
};

export const STATUS_TEXT: Record<number, string> = {
	400: 'Malformed request',
	401: 'Not signed in, or an invalid API key',
	403: 'Not allowed',
	404: 'Not found',
	409: 'Stale version or duplicate',
	413: 'Too large',
	415: 'Unsupported content type',
	422: 'Invalid fields',
	429: 'Too many requests',
	503: 'Storage busy or read-only',
	507: 'Storage full'
};

/** The error codes answered with a status. */
export const codesOf = (status: number) =>
	Object.entries(ERROR_CODES)
		.filter(([, v]) => v.status === status)
		.map(([k]) => k);
