// What the production server (scripts/serve.js) does to every request before the app sees it:
// - compression: HTML, JSON, CSV, JS, CSS, SVG… sent br or gzip as the client accepts (the
//   `compression` package; streamed answers stay streamed, flushed as zlib fills a block);
// - static files: `x-content-type-options: nosniff`, and the fingerprinted `_app/immutable/*`
//   cached for a year;
// - a body the app refuses part-way (too large: 413) is read to its end and dropped instead of
//   the connection being reset, so the client reads the JSON error; then the connection closes.
import compression from 'compression';

export const IMMUTABLE_CACHE = 'public, max-age=31536000, immutable';
/** How long a refused body may keep arriving before the connection is cut anyway. */
const LINGER_MS = 30_000;

const compress = compression({ threshold: 1024 });

/**
 * Runs `next` with the response compressed as negotiated. A compressed answer is another
 * representation than the plain one, so its strong ETag is made weak (`W/"…"`, as nginx does):
 * the app's If-None-Match checks compare weakly, so a revalidation still answers 304.
 */
export function compressed(req, res, next) {
	const writeHead = res.writeHead;
	// Wrapped before `compression` wraps it: its header step (Content-Encoding) runs first.
	res.writeHead = function (...args) {
		const etag = res.getHeader('etag');
		if (typeof etag === 'string' && etag.startsWith('"') && res.getHeader('content-encoding'))
			res.setHeader('etag', `W/${etag}`);
		return writeHead.apply(this, args);
	};
	compress(req, res, next);
}

/** Headers every answer gets here (the app sets its own on top for its pages). */
export function staticHeaders(req, res) {
	res.setHeader('x-content-type-options', 'nosniff');
	if (req.url?.startsWith('/_app/immutable/')) {
		// adapter-node sets its own spelling of the same on a 200; a 304 keeps ours.
		res.setHeader('cache-control', IMMUTABLE_CACHE);
	}
}

/**
 * adapter-node cancels a body stream the app stops reading (a 413 part-way) with
 * `req.destroy()`, which resets the connection before the answer can be sent: here the rest of
 * the body is read and dropped instead, the answer says `connection: close`, and once it is sent
 * the server closes its side while still reading (no reset), then lets the connection go when the
 * client has finished sending, or after LINGER_MS.
 */
export function lingerOnRefusedBody(req, res) {
	const socket = req.socket;
	const destroy = req.destroy.bind(req);
	let refused = false;
	req.destroy = (error) => {
		// The client went away, or the answer is already out: really destroy.
		if (socket.destroyed || res.writableFinished) return destroy(error);
		refused = true;
		req.resume();
		return req;
	};
	const writeHead = res.writeHead;
	res.writeHead = function (status, ...rest) {
		if ((refused || status === 413) && !req.complete) {
			res.setHeader('connection', 'close');
			// Node would destroy the socket after the answer (a reset while the client still
			// sends): end our side instead and keep reading what arrives.
			socket.destroySoon = () => {
				socket.end();
				req.resume();
				setTimeout(() => socket.destroy(), LINGER_MS).unref();
			};
		}
		return writeHead.call(this, status, ...rest);
	};
}
