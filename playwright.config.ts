import { defineConfig } from '@playwright/test';
import { chromiumPath, chromiumArgs } from './scripts/chromium.js';

// E2E_PORT lets a second checkout run its end-to-end tests beside this one.
const PORT = Number(process.env.E2E_PORT ?? 4173);
const FIRST_RUN_PORT = PORT + 1;
// The API documentation's examples write values (Mexico, 10.c.1) that other tests would see:
// they run against a server and database of their own.
const DOCS_PORT = PORT + 2;

export default defineConfig({
	testDir: 'tests/e2e',
	testMatch: /.*\.spec\.ts/,
	fullyParallel: false,
	workers: 1,
	retries: 0,
	timeout: 60_000,
	reporter: process.env.CI ? [['list']] : [['list']],
	use: {
		baseURL: `http://localhost:${PORT}`,
		launchOptions: { executablePath: chromiumPath(), args: chromiumArgs },
		trace: 'off'
	},
	projects: [
		{ name: 'app', testIgnore: /(first-run|api-docs)\.spec\.ts/ },
		{
			name: 'docs',
			testMatch: /api-docs\.spec\.ts/,
			use: { baseURL: `http://localhost:${DOCS_PORT}` }
		},
		{
			name: 'first-run',
			testMatch: /first-run\.spec\.ts/,
			use: { baseURL: `http://localhost:${FIRST_RUN_PORT}` }
		}
	],
	webServer: [
		{
			command: `node tests/e2e/serve.js ${PORT} app`,
			url: `http://localhost:${PORT}/api/v1/health`,
			reuseExistingServer: false,
			timeout: 180_000,
			stdout: 'pipe',
			stderr: 'pipe'
		},
		{
			command: `node tests/e2e/serve.js ${DOCS_PORT} docs`,
			url: `http://localhost:${DOCS_PORT}/api/v1/health`,
			reuseExistingServer: false,
			timeout: 180_000
		},
		{
			command: `node tests/e2e/serve.js ${FIRST_RUN_PORT} first-run`,
			url: `http://localhost:${FIRST_RUN_PORT}/api/v1/health`,
			reuseExistingServer: false,
			timeout: 180_000
		}
	]
});
