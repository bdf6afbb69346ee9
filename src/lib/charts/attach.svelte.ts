// The ONE Chart.js attachment: `<canvas {@attach chart(() => config)}>` creates the chart once,
// updates it in place when the configuration it reads changes, and destroys it on teardown.
import { untrack } from 'svelte';
import type { Attachment } from 'svelte/attachments';
import type { ChartConfiguration, ChartType } from 'chart.js';
import { registerCharts, type Chart } from './register';

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
			});
		});
		return () => {
			instance?.destroy();
			instance = null;
			onChart?.(null);
		};
	};
}
