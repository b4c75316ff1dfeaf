import { useEffect, useRef } from 'react';
import {
  AreaSeries,
  BaselineSeries,
  ColorType,
  createChart,
  type AutoscaleInfo,
  type IChartApi,
  type ISeriesApi,
  type Time,
} from 'lightweight-charts';
import type { EquitySeries } from './chartData';

const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** Drawdown axis labels; a hair below zero is still 0.00%. */
const percent = (v: number) => `${Math.abs(v) < 0.00005 ? '0.00' : (v * 100).toFixed(2)}%`;

interface Chart {
  chart: IChartApi;
  equity: ISeriesApi<'Area'>;
  drawdown: ISeriesApi<'Baseline'>;
}

/**
 * Equity (top pane) and drawdown from peak (bottom pane, below zero) on one time axis. The chart is created once;
 * new data, including each live point, only replaces the series and refits the view to the whole range.
 */
export function EquityChart({ series, fitKey, height = 300 }: { series: EquitySeries; fitKey: string; height?: number }) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<Chart | null>(null);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    try {
      const created = createChart(element, {
        height,
        autoSize: true,
        layout: { background: { type: ColorType.Solid, color: 'transparent' }, textColor: '#8b98b4', attributionLogo: false },
        grid: { vertLines: { color: '#1b2742' }, horzLines: { color: '#1b2742' } },
        rightPriceScale: { borderVisible: false },
        timeScale: { borderVisible: false, timeVisible: true, secondsVisible: false },
      });
      const equity = created.addSeries(AreaSeries, {
        lineColor: '#3b82f6',
        topColor: 'rgba(59, 130, 246, 0.35)',
        bottomColor: 'rgba(59, 130, 246, 0.02)',
        lineWidth: 2,
        priceFormat: { type: 'custom', formatter: (v: number) => usd.format(v), minMove: 0.01 },
      });
      // Drawdown hangs below a zero baseline: the fill shows how far below the peak, and nothing while at it.
      const drawdown = created.addSeries(
        BaselineSeries,
        {
          baseValue: { type: 'price', price: 0 },
          topLineColor: '#ef4444',
          topFillColor1: 'rgba(0, 0, 0, 0)',
          topFillColor2: 'rgba(0, 0, 0, 0)',
          bottomLineColor: '#ef4444',
          bottomFillColor1: 'rgba(239, 68, 68, 0.08)',
          bottomFillColor2: 'rgba(239, 68, 68, 0.4)',
          lineWidth: 1,
          priceFormat: { type: 'custom', formatter: percent, minMove: 0.0001 },
          // At least 0 to −1% in view, so a drawdown of a few cents does not fill the pane.
          autoscaleInfoProvider: (original: () => AutoscaleInfo | null) => {
            const info = original();
            return info ? { ...info, priceRange: { minValue: Math.min(info.priceRange?.minValue ?? 0, -0.01), maxValue: 0 } } : info;
          },
        },
        1,
      );
      created.panes()[0]?.setStretchFactor(3);
      created.panes()[1]?.setStretchFactor(1);
      chart.current = { chart: created, equity, drawdown };
    } catch {
      return; // no canvas (unit tests)
    }
    return () => {
      chart.current?.chart.remove();
      chart.current = null;
    };
  }, [height]);

  useEffect(() => {
    const c = chart.current;
    if (!c) return;
    c.equity.setData(series.equity.map((p) => ({ time: p.time as Time, value: p.value })));
    c.drawdown.setData(series.drawdown.map((p) => ({ time: p.time as Time, value: p.value })));
    // Keep the whole range in view as live points arrive; otherwise the chart scrolls and clips the start.
    c.chart.timeScale().fitContent();
  }, [series, fitKey]);

  return (
    <div
      ref={container}
      className="equity-chart"
      style={{ height }}
      data-testid="equity-chart"
      data-points={series.equity.length}
      aria-label="Equity and drawdown chart"
      role="img"
    />
  );
}
