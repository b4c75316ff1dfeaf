// Independent reference for the C# indicators: computes them with the npm package `technicalindicators` (version pinned
// in ../package.json) over an OHLCV CSV and prints JSON on stdout.
//
// Usage: node compute-indicators.js <path to CSV with date,open,high,low,close,...,volume columns>
//
// Output: { "bars": n, "series": [ { "name": "...", "offset": k, "values": [...] } ] } where values[i] belongs to bar
// k + i (the library omits the bars before an indicator is ready, so k = n - values.length).
//
// RSI: the library rounds RSI to two decimals (RSI.js: toFixed(2)). To compare at 1e-9 the script also reports the
// library's own Wilder averages (AverageGain / AverageLoss, unrounded) and the RSI formula applied to them
// ("rsi-exact"); the rounded library output is reported as "rsi-rounded".
'use strict';

const fs = require('fs');
const ti = require('technicalindicators');

const csvPath = process.argv[2];
if (!csvPath) {
  process.stderr.write('usage: node compute-indicators.js <csv>\n');
  process.exit(2);
}

const lines = fs.readFileSync(csvPath, 'utf8').split(/\r?\n/).filter((l) => l.trim().length > 0);
const header = lines[0].split(',').map((h) => h.trim().toLowerCase());
const column = (name) => {
  const index = header.indexOf(name);
  if (index < 0) throw new Error(`column ${name} missing`);
  return index;
};
const [iOpen, iHigh, iLow, iClose, iVolume] = ['open', 'high', 'low', 'close', 'volume'].map(column);
const rows = lines.slice(1).map((l) => l.split(','));
const open = rows.map((r) => parseFloat(r[iOpen]));
const high = rows.map((r) => parseFloat(r[iHigh]));
const low = rows.map((r) => parseFloat(r[iLow]));
const close = rows.map((r) => parseFloat(r[iClose]));
const volume = rows.map((r) => parseFloat(r[iVolume]));
const n = close.length;
if (open.some(isNaN) || high.some(isNaN) || low.some(isNaN) || close.some(isNaN) || volume.some(isNaN)) {
  throw new Error('non-numeric value in CSV');
}

const series = [];
const add = (name, values) => {
  const defined = values.filter((v) => v !== undefined);
  if (defined.length !== values.length && values.slice(values.length - defined.length).some((v) => v === undefined)) {
    throw new Error(`${name}: undefined values after the first defined one`);
  }
  series.push({ name, offset: n - defined.length, values: defined });
};
const pick = (objects, key) => objects.map((o) => o[key]);

for (const period of [10, 30, 200]) add(`sma(${period})`, ti.SMA.calculate({ period, values: close }));
for (const period of [12, 26, 200]) add(`ema(${period})`, ti.EMA.calculate({ period, values: close }));
for (const period of [10, 30]) add(`wma(${period})`, ti.WMA.calculate({ period, values: close }));

for (const period of [14, 2]) {
  const gains = ti.AverageGain.calculate({ period, values: close });
  const losses = ti.AverageLoss.calculate({ period, values: close });
  add(`rsi(${period}).averageGain`, gains);
  add(`rsi(${period}).averageLoss`, losses);
  add(`rsi(${period})-exact`, gains.map((g, i) => {
    const l = losses[i];
    if (l === 0) return 100;
    if (g === 0) return 0;
    return 100 - 100 / (1 + g / l);
  }));
  add(`rsi(${period})-rounded`, ti.RSI.calculate({ period, values: close }));
}

const macds = [
  { name: 'macd(12,26,9,ema,ema)', fastPeriod: 12, slowPeriod: 26, signalPeriod: 9, SimpleMAOscillator: false, SimpleMASignal: false },
  { name: 'macd(5,35,5,sma,sma)', fastPeriod: 5, slowPeriod: 35, signalPeriod: 5, SimpleMAOscillator: true, SimpleMASignal: true },
  { name: 'macd(12,26,9,ema,sma)', fastPeriod: 12, slowPeriod: 26, signalPeriod: 9, SimpleMAOscillator: false, SimpleMASignal: true },
];
for (const m of macds) {
  const result = ti.MACD.calculate({ ...m, values: close });
  add(`${m.name}.line`, pick(result, 'MACD'));
  add(`${m.name}.signal`, pick(result, 'signal'));
  add(`${m.name}.histogram`, pick(result, 'histogram'));
}

for (const [period, stdDev] of [[20, 2], [10, 1.5]]) {
  const result = ti.BollingerBands.calculate({ period, stdDev, values: close });
  for (const key of ['middle', 'upper', 'lower', 'pb']) add(`bollinger(${period},${stdDev}).${key}`, pick(result, key));
}

for (const period of [14, 5]) add(`atr(${period})`, ti.ATR.calculate({ period, high, low, close }));

for (const [period, signalPeriod] of [[14, 3], [5, 3]]) {
  const result = ti.Stochastic.calculate({ period, signalPeriod, high, low, close });
  add(`stochastic(${period},${signalPeriod}).k`, pick(result, 'k'));
  add(`stochastic(${period},${signalPeriod}).d`, pick(result, 'd'));
}

for (const period of [20, 55]) {
  add(`highest(${period})`, ti.Highest.calculate({ period, values: high }));
  add(`lowest(${period})`, ti.Lowest.calculate({ period, values: low }));
}

for (const period of [20, 50]) add(`volumeAverage(${period})`, ti.SMA.calculate({ period, values: volume }));

process.stdout.write(JSON.stringify({ library: `technicalindicators ${require('technicalindicators/package.json').version}`, bars: n, series }));
