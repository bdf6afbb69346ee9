// A separate process that keeps writing to a database until told to stop (for backup tests).
import Database from 'better-sqlite3';

const [file] = process.argv.slice(2);
const db = new Database(file);
db.pragma('journal_mode = WAL');
db.pragma('busy_timeout = 5000');
const insert = db.prepare(
	"insert into audit_entry (user_id, entity, entity_id, operation, after) values (null, 'load', ?, 'create', ?)"
);
const many = db.transaction((start) => {
	for (let i = 0; i < 20; i++)
		insert.run(String(start + i), JSON.stringify({ n: start + i, pad: 'x'.repeat(200) }));
});
let n = 0;
let stop = false;
process.on('message', (m) => {
	if (m === 'stop') stop = true;
});
process.send?.('ready');
while (!stop) {
	many(n);
	n += 20;
	await new Promise((r) => setImmediate(r));
}
db.close();
process.send?.({ written: n });
process.exit(0);
