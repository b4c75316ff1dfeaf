import { useEffect, useRef } from 'react';
import {
  AreaSeries,
  ColorType,
  createChart,
  createSeriesMarkers,
  LineSeries,
  type IChartApi,
  type SeriesMarker,
  type Time,
} from 'lightweight-charts';
import { axisPrice } from './format';

export interface ChartLine {
  name: string;
  color: string;
  points: { time: string; value: number }[];
  area?: boolean;
}

export interface ChartMarker {
  time: string;
  kind: 'buy' | 'sell';
  text: string;
}

const palette = ['#2563eb', '#dc2626', '#16a34a', '#9333ea', '#ea580c', '#0891b2', '#94a3b8', '#be185d', '#65a30d', '#0f766e', '#e2e8f0'];

export function colorAt(index: number): string {
  return palette[index % palette.length]!;
}

/** The date part of an ISO timestamp, the day key lightweight-charts plots daily bars on. */
export function day(iso: string): string {
  return iso.slice(0, 10);
}

/** A time-series chart (lightweight-charts) of one or more lines, optionally with buy/sell markers on the first. */
export function TimeChart({ lines, markers, height = 280, label, percent = false }: {
  lines: ChartLine[];
  markers?: ChartMarker[];
  height?: number;
  label: string;
  percent?: boolean;
}) {
  const container = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    let chart: IChartApi;
    try {
      chart = createChart(element, {
        height,
        autoSize: true,
        layout: { background: { type: ColorType.Solid, color: 'transparent' }, textColor: '#8b98b4' },
        grid: { vertLines: { color: '#1b2742' }, horzLines: { color: '#1b2742' } },
        rightPriceScale: { borderVisible: false },
        // 20 years of daily points must fit the width: the default minimum of 0.5 px per bar left fitContent showing only
        // the last ~2,000 bars (2012 onwards), as if the backtest started there.
        timeScale: { borderVisible: false, minBarSpacing: 0.05 },
        localization: { priceFormatter: percent ? (v: number) => `${(v * 100).toFixed(1)}%` : (v: number) => axisPrice(v) },
      });
    } catch {
      return; // no canvas (tests)
    }

    lines.forEach((line, i) => {
      const data = line.points.map((p) => ({ time: p.time as Time, value: p.value }));
      const series = line.area
        ? chart.addSeries(AreaSeries, { lineColor: line.color, topColor: `${line.color}55`, bottomColor: `${line.color}08`, lineWidth: 2 })
        : chart.addSeries(LineSeries, { color: line.color, lineWidth: 2, title: lines.length > 1 ? line.name : '' });
      series.setData(data);
      if (i === 0 && markers && markers.length > 0) {
        const sorted: SeriesMarker<Time>[] = [...markers]
          .sort((a, b) => a.time.localeCompare(b.time))
          .map((m) => ({
            time: m.time as Time,
            position: m.kind === 'buy' ? 'belowBar' : 'aboveBar',
            color: m.kind === 'buy' ? '#16a34a' : '#dc2626',
            shape: m.kind === 'buy' ? 'arrowUp' : 'arrowDown',
            text: m.text,
          }));
        createSeriesMarkers(series, sorted);
      }
    });
    chart.timeScale().fitContent();
    return () => chart.remove();
  }, [lines, markers, height, percent]);

  return (
    <figure className="bt-chart" aria-label={label}>
      <div ref={container} className="bt-chart__canvas" style={{ height }} data-testid={`chart-${label}`} data-points={lines[0]?.points.length ?? 0} />
      {lines.length > 1 ? (
        <figcaption className="bt-legend">
          {lines.map((line) => (
            <span key={line.name}>
              <span className="bt-legend__swatch" style={{ background: line.color }} />
              {line.name}
            </span>
          ))}
        </figcaption>
      ) : null}
    </figure>
  );
}
