/** The bench's table: each figure's median, spread, floor and ratio against its budget, and the naive baseline's. */
import { figures, median } from './figures';

export function report() {
  const round = (n: number) => (Math.abs(n) >= 100 ? Math.round(n).toString() : n.toFixed(1));
  const rows = figures.map((f) => {
    const med = median(f.values);
    const naiveMed = f.naive ? median(f.naive) : null;
    const floorMed = f.floor?.length ? median(f.floor) : null;
    const ratio = floorMed !== null && floorMed > 0 ? med / floorMed : null;
    // A figure may have both: a ratio to its floor, and an absolute bound the user would feel on any machine.
    const checks = [
      ...(f.ratioBudget !== undefined ? [ratio !== null && ratio <= f.ratioBudget + 1e-9] : []),
      ...(f.budget !== undefined ? [med <= f.budget + 1e-9] : []),
    ];
    const ok = checks.length === 0 ? null : checks.every(Boolean);
    return {
      figure: f.name,
      unit: f.unit,
      median: med,
      min: Math.min(...f.values),
      max: Math.max(...f.values),
      /** Half the range, as a share of the median: how far one run strays. */
      spread: med > 0 ? (Math.max(...f.values) - Math.min(...f.values)) / 2 / med : 0,
      runs: f.values.length,
      floorMedian: floorMed,
      ratio,
      budget:
        [f.ratioBudget !== undefined ? `≤ ${f.ratioBudget}× floor` : null, f.budget !== undefined ? `≤ ${f.budget}` : null].filter(Boolean).join(', ') || null,
      ok,
      naiveMedian: naiveMed,
      naiveRatio: naiveMed !== null && med > 0 ? naiveMed / med : null,
    };
  });
  const header = ['figure', 'unit', 'median', 'spread', 'runs', 'floor', 'ratio', 'budget', 'naive', 'naive ÷ product', ''];
  const lines = rows.map((r) => [
    r.figure,
    r.unit,
    round(r.median),
    r.runs > 1 ? `±${Math.round(r.spread * 100)}%` : '',
    String(r.runs),
    r.floorMedian === null ? '' : round(r.floorMedian),
    r.ratio === null ? '' : `${r.ratio.toFixed(1)}×`,
    r.budget ?? '',
    r.naiveMedian === null ? '' : round(r.naiveMedian),
    r.naiveRatio === null ? (r.naiveMedian !== null && r.naiveMedian > 0 ? '∞' : '') : `${r.naiveRatio.toFixed(1)}×`,
    r.ok === null ? '' : r.ok ? 'ok' : 'MISSED',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const format = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(format(header));
  console.log(widths.map((w) => '─'.repeat(w)).join('  '));
  for (const line of lines) console.log(format(line));
  return rows;
}
