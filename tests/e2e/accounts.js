// Accounts the end-to-end tests sign in with (throw-away database only).
export const E2E_ADMIN = {
	email: 'secretariat@example.org',
	password: 'e2e-admin-password-1',
	name: 'Ana Secretariat'
};
