import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter({ out: 'build' }),
		alias: { $seed: 'seed' },
		// Cross-site writes are refused by our own check (src/lib/server/security/cross-site.ts),
		// which, unlike SvelteKit's, lets scripts that send no Origin (curl, API keys) post forms.
		csrf: { trustedOrigins: ['*'] },
		// Content-Security-Policy on every page: scripts only from us (SvelteKit adds the
		// hash of its own inline bootstrap; hashes, not nonces, so cached shared pages stay valid), no framing except the embeds (hooks.server.ts
		// relaxes frame-ancestors for /s/…/embed/… only).
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none']
			}
		}
	}
};

export default config;
