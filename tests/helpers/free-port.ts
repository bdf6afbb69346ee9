// A port nobody listens on now, chosen by the kernel: for tests that start servers of their
// own beside the e2e servers (whose ports derive from E2E_PORT).
import { createServer } from 'node:net';

export async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const s = createServer();
		s.once('error', reject);
		s.listen(0, '127.0.0.1', () => {
			const { port } = s.address() as { port: number };
			s.close(() => resolve(port));
		});
	});
}
