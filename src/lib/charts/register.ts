// Chart.js, registered piece by piece (never chart.js/auto): the controllers, elements,
// scales and plugins Avance's charts use, the annotation plugin (target and ceiling lines)
// and the date-fns adapter (time axes). Importing this module registers them once.
import {
	BarController,
	BarElement,
	CategoryScale,
	Chart,
	Filler,
	Legend,
	LinearScale,
	LineController,
	LineElement,
	PointElement,
	TimeScale,
	Tooltip,
	type Plugin
} from 'chart.js';
import annotationPlugin from 'chartjs-plugin-annotation';
import 'chartjs-adapter-date-fns';

/** Paints a white background so that PNG downloads are not transparent. */
const whiteBackground: Plugin = {
	id: 'avanceWhiteBackground',
	beforeDraw(chart) {
		const { ctx, width, height } = chart;
		ctx.save();
		ctx.globalCompositeOperation = 'destination-over';
		ctx.fillStyle = '#ffffff';
		ctx.fillRect(0, 0, width, height);
		ctx.restore();
	}
};

let registered = false;

export function registerCharts(): typeof Chart {
	if (!registered) {
		Chart.register(
			LineController,
			LineElement,
			PointElement,
			BarController,
			BarElement,
			LinearScale,
			CategoryScale,
			TimeScale,
			Legend,
			Tooltip,
			Filler,
			annotationPlugin,
			whiteBackground
		);
		Chart.defaults.font.family =
			"system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Helvetica Neue', Arial, sans-serif";
		Chart.defaults.color = '#1b1f24';
		registered = true;
	}
	return Chart;
}

export { Chart };
