// BENCH_ONLY=import: the 100,000-row .xlsx and .csv imports timed from upload to done through
// the API, and the .csv import's speed against its floor: the same rows prepared beforehand and
// COPYed into residents with all its indexes and RLS (residents-floor.ts), in the same run.
import { areaPrefix } from '@wushe/core';
import { stableId, type generateKeyFile } from '@wushe/db';
import { IMPORT_ROWS, importRows, toCsv, toXlsx } from './residents-files.ts';
import { preparedCopy, prepareFloorRows, removeByHash } from './residents-floor.ts';
import { PROVINCE } from './residents-fresh.ts';
import { importFile } from './residents-http.ts';
import { forgetImports } from './residents-kept.ts';
import { secs, type Figure } from './residents-report.ts';
import { machineCpuMs, processCpuMs } from './cpu.ts';

interface ImportBench {
  base: string;
  cookie: string;
  url: string;
  keyFile: ReturnType<typeof generateKeyFile>;
  importCommunities: string[];
  /** A kept database measured again: the imports of the last run are removed first. */
  reuse: boolean;
  /** The server process, for its CPU time. */
  serverPid: number;
  log: (m: string) => void;
}

export async function measureImport({
  base,
  cookie,
  url,
  keyFile,
  importCommunities,
  reuse,
  serverPid,
  log,
}: ImportBench): Promise<Figure[]> {
  const figures: Figure[] = [];
  if (reuse) await forgetImports(url, stableId('bench:user:province'), log);
  log(`Building the ${IMPORT_ROWS.toLocaleString()}-row import files…`);
  const csvRows = importRows(2, importCommunities);
  const csv = toCsv(csvRows);
  // BENCH_IMPORT_XLSX=0 leaves the .xlsx out (development runs of the CSV import and its floor).
  if (process.env.BENCH_IMPORT_XLSX !== '0') {
    const xlsx = await toXlsx(importRows(1, importCommunities));
    const xi = await importFile(
      base,
      cookie,
      `bench-${IMPORT_ROWS}.xlsx`,
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      xlsx,
    );
    figures.push({
      name: `import ${IMPORT_ROWS.toLocaleString()}-row .xlsx (upload to done)`,
      path: 'POST /api/v1/residents/import',
      stat: 'seconds',
      value: xi.seconds,
      target: 60,
      note: `${xi.accepted} accepted, ${xi.rejected} rejected; ${(xlsx.length / 2 ** 20).toFixed(1)} MiB`,
    });
  }
  const m0 = machineCpuMs();
  const s0 = processCpuMs(serverPid);
  const ci = await importFile(base, cookie, `bench-${IMPORT_ROWS}.csv`, 'text/csv', csv);
  const m1 = machineCpuMs();
  const serverCpu = (processCpuMs(serverPid) - s0) / 1000;
  const busy = (m1.busy - m0.busy) / 1000;
  const cpuNote = `CPU during the import: ${busy.toFixed(1)} s busy, ${((m1.idle - m0.idle) / 1000).toFixed(1)} s idle (all cores); server process ${serverCpu.toFixed(1)} s (its threads included), the rest (PostgreSQL, this client) ${(busy - serverCpu).toFixed(1)} s`;
  log(`  ${cpuNote}`);
  // The floor: the same rows prepared outside the clock, then COPYed into residents (residents-floor.ts).
  // The import's copy of them goes first (DELETE, VACUUM ANALYZE), so both insert the same people.
  let t0 = Date.now();
  const floorRows = await prepareFloorRows(url, keyFile, csvRows, stableId('bench:user:province'));
  const prepareSeconds = secs(t0);
  t0 = Date.now();
  const removed = await removeByHash(url, floorRows.hashes);
  log(
    `  floor rows prepared in ${prepareSeconds.toFixed(1)} s (one thread, not timed); ${removed} imported rows removed in ${secs(t0).toFixed(1)} s`,
  );
  const f0 = machineCpuMs();
  const floorSeconds = await preparedCopy(url, floorRows, areaPrefix(PROVINCE));
  const f1 = machineCpuMs();
  const floorCpu = `CPU during the floor: ${((f1.busy - f0.busy) / 1000).toFixed(1)} s busy`;
  log(`  ${floorCpu}`);
  const ratio = floorSeconds / ci.seconds;
  log(`  floor (prepared rows COPYed into residents): ${floorSeconds.toFixed(2)} s; import speed / floor speed = ${ratio.toFixed(3)}`);
  figures.push({
    name: `import ${IMPORT_ROWS.toLocaleString()}-row .csv, speed relative to the prepared-rows floor`,
    path: 'POST /api/v1/residents/import',
    stat: 'ratio',
    value: ratio,
    target: 0.5,
    higherIsBetter: true,
    note:
      `import ${ci.seconds.toFixed(1)} s (upload to done; ${ci.accepted} accepted, ${ci.rejected} rejected); ` +
      `floor ${floorSeconds.toFixed(2)} s: the same ${IMPORT_ROWS} rows checked and prepared beforehand (prepareResident, ` +
      `${prepareSeconds.toFixed(1)} s on one thread, not timed), then as wushe_app under RLS in one transaction: ` +
      `CREATE TEMP TABLE, COPY FROM STDIN (${(floorRows.text.length / 2 ** 20).toFixed(1)} MiB), INSERT INTO residents … SELECT ` +
      `(all its indexes), COMMIT. ${cpuNote}; ${floorCpu}`,
  });
  if (ci.accepted !== IMPORT_ROWS) log(`WARNING: the CSV import accepted ${ci.accepted} of ${IMPORT_ROWS} rows`);
  return figures;
}
