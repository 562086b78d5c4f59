// BENCH_ONLY=search: the floor (one SELECT by key, no session), search by a name fragment, by
// pinyin initials and by exact ID number, and the resident profile; REQUESTS sequential
// requests each, every answer checked.
import type { Sample } from './residents-data.ts';
import { loop, REQUESTS } from './residents-http.ts';
import { pct, type Figure } from './residents-report.ts';

export async function measureSearch(base: string, cookie: string, sample: Sample[]): Promise<Figure[]> {
  const figures: Figure[] = [];
  const floorMs = await loop(base, '', ['/api/v1/_bench/floor'], () => undefined);
  figures.push({
    name: 'floor (one SELECT by key)',
    path: '/api/v1/_bench/floor',
    stat: 'p95',
    value: pct(floorMs, 95),
    p50: pct(floorMs, 50),
  });

  const q = (s: string) => `/api/v1/residents?q=${encodeURIComponent(s)}`;
  const fragments = ['建国', '秀英', '志红', '丽芳', '明华', '桂兰', '海燕', '德福'];
  const hits = (b: Record<string, unknown>) => (b.items as unknown[]).length;
  let found = 0;
  const nameMs = await loop(base, cookie, fragments.map(q), (b) => (found += hits(b)));
  figures.push({
    name: 'search: name fragment (2 characters)',
    path: q('建国'),
    stat: 'p95',
    value: pct(nameMs, 95),
    p50: pct(nameMs, 50),
    target: 50,
    note: `${fragments.length} fragments cycled, ${(found / REQUESTS).toFixed(1)} rows per page on average`,
  });
  const initials = sample.filter((s) => s.initials.length === 3);
  const iniMs = await loop(
    base,
    cookie,
    initials.map((s) => q(s.initials)),
    (b, i) => {
      if (!(b.items as { id: string }[]).length) throw new Error(`initials ${initials[i]!.initials} found nothing`);
    },
  );
  figures.push({
    name: 'search: pinyin initials (3 letters)',
    path: q(initials[0]!.initials),
    stat: 'p95',
    value: pct(iniMs, 95),
    p50: pct(iniMs, 50),
    target: 50,
  });
  const idMs = await loop(
    base,
    cookie,
    sample.map((s) => q(s.idNumber)),
    (b, i) => {
      const items = b.items as { id: string }[];
      if (items.length !== 1 || items[0]!.id !== sample[i]!.id)
        throw new Error(`ID search for sample ${i} did not find exactly that resident`);
    },
  );
  figures.push({
    name: 'search: exact ID number',
    path: '/api/v1/residents?q=<18-digit ID>',
    stat: 'p95',
    value: pct(idMs, 95),
    p50: pct(idMs, 50),
    target: 50,
  });
  const profMs = await loop(
    base,
    cookie,
    sample.map((s) => `/api/v1/residents/${s.id}`),
    (b, i) => {
      if (b.id !== sample[i]!.id) throw new Error('the profile is not the resident asked for');
    },
  );
  figures.push({
    name: 'resident profile',
    path: '/api/v1/residents/:id',
    stat: 'p95',
    value: pct(profMs, 95),
    p50: pct(profMs, 50),
    target: 30,
  });
  return figures;
}
