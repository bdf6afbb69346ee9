// A real SMTP server in-process for the mail tests (issue 17 §5): it accepts every message
// and keeps its raw text; SMTP_URL points at it until `close`.
import { SMTPServer } from 'smtp-server';

export interface TestSmtp {
	/** The raw messages received, soft line breaks of quoted-printable kept. */
	received: string[];
	close: () => Promise<void>;
}

export async function startSmtp(): Promise<TestSmtp> {
	const received: string[] = [];
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS'],
		onData(stream, _session, done) {
			let data = '';
			stream.on('data', (c: Buffer) => (data += c.toString('utf8')));
			stream.on('end', () => {
				received.push(data);
				done();
			});
		}
	});
	await new Promise<void>((ok) => server.listen(0, '127.0.0.1', () => ok()));
	const port = (server.server.address() as { port: number }).port;
	process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
	return {
		received,
		close: () =>
			new Promise<void>((ok) => {
				delete process.env.SMTP_URL;
				server.close(() => ok());
			})
	};
}
