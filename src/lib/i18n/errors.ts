// A service error (AppError: code + status) in words of the page's language, for form actions
// and pages: `fail(e.status, { values, message: appErrorMessage(e) })`. The API keeps the
// service's own English message, except for storage faults (a full disk, a locked or
// read-only database), which it answers in the reader's language (`locale`).
import { m } from '$lib/paraglide/messages';
import type { AppLocale } from './format';

export function appErrorMessage(e: { code?: string; status?: number }, locale?: AppLocale): string {
	const options = locale ? { locale } : undefined;
	switch (e.code ?? '') {
		case 'storage_full':
			return m.fault_storage_full({}, options);
		case 'busy':
			return m.fault_busy({}, options);
		case 'read_only':
			return m.fault_read_only({}, options);
		case 'conflict':
			return m.app_error_conflict();
		case 'forbidden':
			return m.app_error_forbidden();
		case 'not_found':
			return m.app_error_not_found();
		case 'invalid':
			return m.app_error_invalid();
		case 'unauthorized':
			return m.app_error_unauthorized();
		case 'payload_too_large':
			return m.app_error_too_large();
		case 'unsupported_media_type':
			return m.app_error_unsupported();
		case 'rate_limited':
			return m.app_error_rate_limited();
		case 'bad_request':
			return m.app_error_bad_request();
	}
	switch (e.status) {
		case 409:
			return m.app_error_conflict();
		case 403:
			return m.app_error_forbidden();
		case 404:
			return m.app_error_not_found();
		case 422:
			return m.app_error_invalid();
		case 401:
			return m.app_error_unauthorized();
		case 413:
			return m.app_error_too_large();
		case 415:
			return m.app_error_unsupported();
		case 429:
			return m.app_error_rate_limited();
		case 400:
			return m.app_error_bad_request();
		case 507:
			return m.fault_storage_full({}, options);
		default:
			return m.app_error_generic();
	}
}
