import { BarChart as Chartist, type BarChartOptions } from 'chartist';
import 'chartist/dist/index.css';
import { useEffect, useRef } from 'preact/hooks';
import { tr } from '../i18n/i18n.js';

export type Series = { key: string; label: string; color: string };
/** `axisLabel`: a shorter label for the axis where the full one does not fit ("7 Nov" for a day or a week from it). */
export type Bar = { label: string; axisLabel?: string; values: Record<string, number> };

export type BarChartProps = {
  title: string;
  series: Series[];
  bars: Bar[];
  /** Days along the bottom for a period, or one row a name (an action kind) read from the left. */
  orientation?: 'vertical' | 'horizontal';
  /** False where a table of the same figures is already on the page. */
  table?: boolean;
};

/** Room a label of the category axis takes; fewer than one in so many pixels and they would overlap. */
const LABEL_WIDTH = 64;
const ROW_HEIGHT = 34;

function options(props: BarChartProps, element: HTMLElement): BarChartOptions {
  const labels = props.bars.map((bar) => bar.axisLabel ?? bar.label);
  const every = () => Math.max(1, Math.ceil(labels.length / Math.max(1, Math.floor(element.clientWidth / LABEL_WIDTH))));
  const wholeNumbers = { onlyInteger: true, scaleMinSpace: 28 };
  return props.orientation === 'horizontal'
    ? {
        stackBars: true,
        horizontalBars: true,
        height: `${props.bars.length * ROW_HEIGHT + 30}px`,
        axisX: wholeNumbers,
        axisY: { offset: Math.min(160, Math.max(...labels.map((label) => label.length)) * 7 + 8), showGrid: false },
        chartPadding: { top: 8, right: 16, bottom: 0, left: 0 },
      }
    : {
        stackBars: true,
        height: '12rem',
        axisX: { showGrid: false, labelInterpolationFnc: (label, index) => (index % every() === 0 ? String(label) : '') },
        axisY: { ...wholeNumbers, offset: 32 },
        chartPadding: { top: 16, right: 8, bottom: 0, left: 0 },
      };
}

/**
 * Stacked bars drawn by Chartist as SVG, each series in its colour and the legend in the reader's language; the chart is
 * a picture for the eye, and the same figures are in a table for screen readers and for whoever wants the numbers.
 */
export function BarChart(props: BarChartProps) {
  const { title, series, bars, table = true } = props;
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = host.current;
    if (!element) return;
    // Chartist lays rows out from the bottom up: given in reverse, they read from the top in the table's order.
    const laid = props.orientation === 'horizontal' ? [...bars].reverse() : bars;
    const data = {
      labels: laid.map((bar) => bar.axisLabel ?? bar.label),
      series: series.map((s) => ({ name: s.label, data: laid.map((bar) => bar.values[s.key] ?? 0) })),
    };
    const chart = new Chartist(element, data, options(props, element));
    chart.on('draw', (event) => {
      if (event.type !== 'bar') return;
      const along = props.orientation === 'horizontal' ? event.axisY : event.axisX;
      // A bar fills most of its slot, whatever the width of the screen and the number of days.
      const thickness = Math.max(2, Math.min(36, along.stepLength * 0.7));
      event.element.attr({ style: `stroke: ${series[event.seriesIndex]?.color ?? 'currentColor'}; stroke-width: ${thickness}px` });
    });
    return () => {
      chart.detach();
      element.replaceChildren();
    };
  }, [bars, series, props.orientation]);
  return (
    <figure class={`chart chart-${props.orientation ?? 'vertical'}`}>
      <figcaption class="chart-title">{title}</figcaption>
      <ul class="legend" aria-hidden="true">
        {series.map((s) => (
          <li key={s.key}>
            <span class="swatch" style={{ background: s.color }} />
            {s.label}
          </li>
        ))}
      </ul>
      <div class="chart-plot" ref={host} aria-hidden="true" />
      {table && (
        <details class="chart-table">
          <summary>{tr('console.analytics.showTable')}</summary>
          <table class="list insight-table">
            <caption class="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{tr('console.analytics.bucket')}</th>
                {series.map((s) => (
                  <th key={s.key} scope="col">
                    {s.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {bars.map((bar) => (
                <tr key={bar.label}>
                  <th scope="row">{bar.label}</th>
                  {series.map((s) => (
                    <td key={s.key} class="num" data-label={s.label}>
                      {bar.values[s.key] ?? 0}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </figure>
  );
}

/** A row's share as a horizontal stacked bar beside its figures; the figures themselves are the text alternative. */
export function InlineBar({ series, values, max }: { series: Series[]; values: Record<string, number>; max: number }) {
  return (
    <span class="inline-bar" aria-hidden="true">
      {series.map((s) =>
        values[s.key] ? <span key={s.key} style={{ width: `${((values[s.key] ?? 0) / Math.max(max, 1)) * 100}%`, background: s.color }} /> : null,
      )}
    </span>
  );
}
