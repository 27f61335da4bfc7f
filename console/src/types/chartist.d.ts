// Chartist 1.5's own declarations re-export their folders without file extensions, which NodeNext resolution (ours)
// cannot follow, so `chartist` would type as empty: what the console uses of it, as its documentation states it.
declare module 'chartist' {
  type AxisOptions = {
    offset?: number;
    showGrid?: boolean;
    onlyInteger?: boolean;
    scaleMinSpace?: number;
    labelInterpolationFnc?(label: unknown, index: number): string;
  };
  export type BarChartOptions = {
    height?: string;
    stackBars?: boolean;
    horizontalBars?: boolean;
    axisX?: AxisOptions;
    axisY?: AxisOptions;
    chartPadding?: { top?: number; right?: number; bottom?: number; left?: number };
  };
  export type BarChartData = { labels: string[]; series: { name: string; data: number[] }[] };
  type Axis = { stepLength: number };
  export type BarDrawEvent = {
    type: string;
    seriesIndex: number;
    axisX: Axis;
    axisY: Axis;
    element: { attr(attributes: Record<string, string>): unknown };
  };
  export class BarChart {
    constructor(element: Element, data: BarChartData, options?: BarChartOptions);
    on(event: 'draw', listener: (event: BarDrawEvent) => void): this;
    detach(): this;
  }
}
