// Loaded into the bench's server process (`node --import ./tests/bench/probe.js …`): watches
// the event loop with perf_hooks.monitorEventLoopDelay and answers the bench over the IPC
// channel: 'reset' starts a new window, 'read' answers the longest block in it (ms) and the
// process's resident memory now and at its peak (MB). Only the bench loads it.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { readFileSync } from 'node:fs';

const RESOLUTION_MS = 10;
const histogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
histogram.enable();

/** Peak resident set size of this process (VmHWM), MB. */
function peakRssMb() {
	try {
		const kb = Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1]);
		if (kb) return Math.round(kb / 102.4) / 10;
	} catch {
		/* not Linux */
	}
	return Math.round(process.resourceUsage().maxRSS / 102.4) / 10;
}

if (process.send) {
	process.on('message', (message) => {
		if (message === 'reset') {
			histogram.reset();
			process.send?.({ reset: true });
		} else if (message === 'read') {
			process.send?.({
				// Each sample is how late a tick came: the longest is the longest block.
				maxBlockMs: Math.round(histogram.max / 1e5) / 10,
				rssMb: Math.round(process.memoryUsage.rss() / 104857.6) / 10,
				peakRssMb: peakRssMb()
			});
		}
	});
	process.channel?.unref();
}
