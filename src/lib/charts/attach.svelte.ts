// The ONE Chart.js attachment: `<canvas {@attach chart(() => config)}>` creates the chart once,
// updates it in place when the configuration it reads changes, and destroys it on teardown.
import { untrack } from 'svelte';
import type { Attachment } from 'svelte/attachments';
import type { ChartConfiguration, ChartType } from 'chart.js';
import { registerCharts, type Chart } from './register';

/**
 * What the chart holds, as data attributes of the canvas (series drawn and their points), so
 * end-to-end tests can compare the drawing with its table.
 */
function describe(
	canvas: HTMLCanvasElement,
	instance: { data: { datasets: { data: unknown[]; hidden?: boolean }[] } }
) {
	const shown = instance.data.datasets.filter((d) => !d.hidden);
	canvas.dataset.series = String(shown.length);
	canvas.dataset.points = String(shown.reduce((n, d) => n + d.data.length, 0));
}

export function chart<T extends ChartType>(
	getConfig: () => ChartConfiguration<T>,
	onChart?: (instance: Chart<T> | null) => void
): Attachment<HTMLCanvasElement> {
	return (canvas) => {
		const ChartJs = registerCharts();
		let instance: Chart<T> | null = null;
		$effect(() => {
			const config = getConfig();
			untrack(() => {
				if (!instance) {
					instance = new ChartJs(canvas, config) as unknown as Chart<T>;
					onChart?.(instance);
				} else {
					instance.data = config.data;
					if (config.options) instance.options = config.options;
					instance.update();
				}
				describe(canvas, instance);
			});
		});
		return () => {
			instance?.destroy();
			instance = null;
			onChart?.(null);
		};
	};
}
