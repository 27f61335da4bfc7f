import { tr } from '../i18n/i18n.js';

export type Series = { key: string; label: string; color: string };
export type Bar = { label: string; values: Record<string, number> };

const HEIGHT = 180;
const GAP = 4;

/**
 * Vertical stacked bars drawn as SVG: the figures are few and their shape fixed, which a chart library would only
 * add weight to. The same figures are in a table for screen readers and for whoever wants the numbers.
 */
export function StackedBars({ title, series, bars }: { title: string; series: Series[]; bars: Bar[] }) {
  const max = Math.max(1, ...bars.map((bar) => series.reduce((sum, s) => sum + (bar.values[s.key] ?? 0), 0)));
  const width = Math.max(bars.length * 22, 300);
  const step = width / Math.max(bars.length, 1);
  return (
    <figure class="chart">
      <figcaption class="chart-title">{title}</figcaption>
      <ul class="legend" aria-hidden="true">
        {series.map((s) => (
          <li key={s.key}>
            <span class="swatch" style={{ background: s.color }} />
            {s.label}
          </li>
        ))}
      </ul>
      <svg class="bars" viewBox={`0 0 ${width} ${HEIGHT + 18}`} preserveAspectRatio="none" aria-hidden="true" focusable="false">
        <line x1="0" x2={width} y1={HEIGHT} y2={HEIGHT} class="axis" />
        {bars.map((bar, index) => {
          let top = HEIGHT;
          return (
            <g key={bar.label}>
              <title>{`${bar.label}: ${series.map((s) => `${s.label} ${bar.values[s.key] ?? 0}`).join(', ')}`}</title>
              {series.map((s) => {
                const h = ((bar.values[s.key] ?? 0) / max) * (HEIGHT - 8);
                top -= h;
                return h > 0 ? <rect key={s.key} x={index * step + GAP / 2} width={Math.max(step - GAP, 1)} y={top} height={h} fill={s.color} /> : null;
              })}
            </g>
          );
        })}
      </svg>
      <p class="chart-range muted" aria-hidden="true">
        <span>{bars[0]?.label}</span>
        <span>{tr('console.analytics.chartMax', { count: max })}</span>
        <span>{bars[bars.length - 1]?.label}</span>
      </p>
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
