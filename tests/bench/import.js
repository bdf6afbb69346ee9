// The import figure: a generated template CSV of 16 MB (decimal, under the 16 MiB limit and the
// 300,000-value limit) posted to `POST /api/v1/imports?format=template` on a server started for
// it alone (so its peak memory is the import's), with the event loop watched from inside the
// server (probe.js): rows/s over the whole request, the longest event-loop block, peak RSS.
const COUNTRIES = ['BLZ', 'CAN', 'CRI', 'DOM', 'SLV', 'GTM', 'HND', 'MEX', 'NIC', 'PAN', 'USA'];

/** A template CSV of about `bytes` bytes: indicator RCM-60, 11 countries × quarters × groups. */
export function templateCsv(bytes = 16_000_000, indicator = 'RCM-60') {
	const lines = ['indicator,country,period,disaggregation,value,status,source,note'];
	let size = lines[0].length + 1;
	let rows = 0;
	outer: for (let g = 1; ; g++) {
		for (const c of COUNTRIES) {
			for (let y = 1995; y <= 2024; y++) {
				for (let q = 1; q <= 4; q++) {
					const line = `${indicator},${c},${y}-Q${q},group=b${g},${(1 + ((rows * 7919) % 1000) / 100).toFixed(2)},final,Bench,Imported by the bench`;
					if (size + line.length + 1 > bytes) break outer;
					lines.push(line);
					size += line.length + 1;
					rows++;
				}
			}
		}
	}
	return { csv: lines.join('\n') + '\n', rows };
}

/** Asks the probe in `child` (a server started with an IPC channel) and waits for its answer. */
export function ask(child, message) {
	return new Promise((resolve, reject) => {
		const t = setTimeout(() => reject(new Error(`the probe did not answer ${message}`)), 10_000);
		child.once('message', (m) => {
			clearTimeout(t);
			resolve(m);
		});
		child.send(message);
	});
}

/** Posts the file; answers `{ rowsPerSec, eventLoopMaxBlockMs, peakRssMb, … }`. */
export async function measureImport(base, cookie, child) {
	const { csv, rows } = templateCsv();
	await ask(child, 'reset');
	const t = performance.now();
	const res = await fetch(`${base}/api/v1/imports?format=template`, {
		method: 'POST',
		headers: { 'content-type': 'text/csv', origin: base, cookie },
		body: csv
	});
	const report = await res.json().catch(() => ({}));
	const secs = (performance.now() - t) / 1000;
	const probe = await ask(child, 'read');
	return {
		rowsPerSec: Math.round(rows / secs),
		eventLoopMaxBlockMs: probe.maxBlockMs,
		peakRssMb: probe.peakRssMb,
		rows,
		bytes: Buffer.byteLength(csv),
		seconds: Math.round(secs * 100) / 100,
		status: res.status,
		rowsImported: report.rowsImported ?? report.error?.details?.rowsImported ?? null
	};
}
