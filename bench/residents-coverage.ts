// BENCH_ONLY=coverage: coverage today for the province and for one district by street, and
// for a date 90 days ago (the past-date computation); `repeat` timed runs each, median kept.
import type { Sample } from './residents-data.ts';
import { PROVINCE } from './residents-fresh.ts';
import { getJson } from './residents-http.ts';
import { median, seq, timeOnce, type Figure } from './residents-report.ts';

export async function measureCoverage(
  base: string,
  cookie: string,
  sample: Sample[],
  repeat: number,
  log: (m: string) => void,
): Promise<Figure[]> {
  const figures: Figure[] = [];
  const past = new Date(Date.now() + 8 * 3600_000 - 90 * 86_400_000).toISOString().slice(0, 10);
  const district = sample[0]!.areaCode.slice(0, 6) + '000000';
  const cov = [
    { name: 'coverage today, province by street', path: `/api/v1/coverage?area=${PROVINCE}&by=street`, target: 1000 },
    { name: 'coverage today, one district by street', path: `/api/v1/coverage?area=${district}&by=street`, target: 200 },
    {
      name: `coverage ${past} (90 days ago), province by street`,
      path: `/api/v1/coverage?area=${PROVINCE}&by=street&date=${past}`,
      target: 5000,
    },
  ];
  for (const t of cov) {
    let rate = 0;
    const ms = await seq(repeat, () =>
      timeOnce(async () => {
        const b = await getJson(base, cookie, t.path);
        rate = (b.area as { rate: number }).rate;
      }),
    );
    figures.push({
      name: t.name,
      path: t.path,
      stat: 'median',
      value: median(ms),
      runs: ms,
      target: t.target,
      note: `coverage ${(rate * 100).toFixed(1)}%`,
    });
    log(`  ${t.name}: median ${median(ms).toFixed(0)} ms (${ms.map((x) => x.toFixed(0)).join(', ')}), rate ${rate}`);
  }
  return figures;
}
