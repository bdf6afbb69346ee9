// The name of a role (DESIGN §3) in the reader's language, for every page that shows one.
import { m } from '$lib/paraglide/messages';

export function roleLabel(role: string): string {
	if (role === 'admin') return m.role_admin();
	if (role === 'coordinator') return m.role_coordinator();
	if (role === 'focal_point') return m.role_focal_point();
	return m.role_viewer();
}
