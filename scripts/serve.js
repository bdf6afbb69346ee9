// The production HTTP server: adapter-node's request handler behind a plain Node server that
// first offers each request to the shared site's fast path (src/lib/server/sharing/shared-fast.ts), so
// a shared page already rendered for the current data is answered without entering SvelteKit.
// Every answer (the fast path's too) is compressed as negotiated, static files get their cache
// and nosniff headers, and a refused body is drained rather than reset (scripts/serve-edge.js).
// usage: node scripts/serve.js [BUILD_DIR], or serve(buildDir) from another script (default
// build/; PORT, HOST, KEEP_ALIVE_TIMEOUT, HEADERS_TIMEOUT and SHUTDOWN_TIMEOUT as adapter-node
// reads them)
import { createServer } from 'node:http';
import net from 'node:net';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { compressed, lingerOnRefusedBody, staticHeaders } from './serve-edge.js';

/** Set by this server from the connection (never from the client) when ORIGIN is unset. */
const CONNECTION_PROTOCOL_HEADER = 'x-avance-connection-protocol';

/** Starts the server on the app built into `buildDir`. */
export async function serve(buildDir = 'build') {
	const dir = resolve(buildDir);
	// Without ORIGIN, adapter-node would take every request to be https:// and SvelteKit's
	// same-origin check would then refuse the forms of a browser on http://localhost:3000. The
	// protocol is taken from the connection itself (a client-sent header of that name is
	// overwritten), so the origin is the address the browser actually used. Behind a proxy,
	// ORIGIN (or PROTOCOL_HEADER) says what the public address is.
	const ownProtocol = !process.env.ORIGIN && !process.env.PROTOCOL_HEADER;
	if (ownProtocol) process.env.PROTOCOL_HEADER = CONNECTION_PROTOCOL_HEADER;
	const { handler } = await import(pathToFileURL(join(dir, 'handler.js')).href);
	const fastPath = () => globalThis[Symbol.for('avance.sharedFastPath')];

	const server = createServer((req, res) => {
		if (ownProtocol) {
			req.headers[CONNECTION_PROTOCOL_HEADER] = /** @type {any} */ (req.socket).encrypted
				? 'https'
				: 'http';
		}
		lingerOnRefusedBody(req, res);
		staticHeaders(req, res);
		compressed(req, res, () => {
			const hit = fastPath()?.(req);
			if (!hit) return handler(req, res);
			res.writeHead(hit.status, hit.headers);
			res.end(hit.body);
		});
	});
	const seconds = (name) => (process.env[name] ? Number(process.env[name]) * 1000 : undefined);
	server.keepAliveTimeout = seconds('KEEP_ALIVE_TIMEOUT') ?? server.keepAliveTimeout;
	server.headersTimeout = seconds('HEADERS_TIMEOUT') ?? server.headersTimeout;

	const host = process.env.HOST || '0.0.0.0';
	const port = Number(process.env.PORT || 3000);
	server.listen(port, host, () => console.log(`Listening on http://${host}:${port}`));

	// Graceful stop (SIGTERM, SIGINT): no new connection is accepted; every request already
	// received, or still arriving on a connection that is open, is answered (with `Connection:
	// close`, so the client opens no more); once the last connection has closed, the app
	// checkpoints the WAL and closes the database ('sveltekit:shutdown', hooks.server.ts) and
	// the process exits 0. Requests still running after SHUTDOWN_TIMEOUT seconds (default 30)
	// are cut off. Idle keep-alive connections end by the server's keep-alive timeout (a few
	// seconds): closing them at once could cut a request the client is sending meanwhile.
	let closing = false;
	/** @type {Set<import('node:http').ServerResponse>} */
	const inFlight = new Set();
	server.prependListener('request', (req, res) => {
		if (closing) res.setHeader('connection', 'close');
		inFlight.add(res);
		res.on('close', () => inFlight.delete(res));
	});
	function shutdown(reason) {
		if (closing) return;
		closing = true;
		console.log(`[avance] ${reason}: finishing ${inFlight.size} request(s) in flight`);
		for (const res of inFlight) if (!res.headersSent) res.setHeader('connection', 'close');
		const finish = () => {
			process.emit('sveltekit:shutdown', reason);
			process.exit(0);
		};
		// net.Server's close: stops listening and waits for the open connections (http.Server's
		// own close would also drop the idle ones at once). A moment later, not at once: the
		// connections the kernel accepted while the process was busy (say, committing a large
		// import) are taken and answered first, not reset.
		setTimeout(() => net.Server.prototype.close.call(server, finish), 50);
		setTimeout(
			() => server.closeAllConnections(),
			(Number(process.env.SHUTDOWN_TIMEOUT) || 30) * 1000
		).unref();
	}
	process.on('SIGTERM', () => shutdown('SIGTERM'));
	process.on('SIGINT', () => shutdown('SIGINT'));
	return server;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
	await serve(process.argv[2]);
}
