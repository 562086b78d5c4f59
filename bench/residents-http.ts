// The residents benchmark's requests through the HTTP API: a JSON GET checked for 200,
// sequential timed loops over a list of paths, and an import from upload to done.

/** Sequential requests per timed loop (BENCH_REQUESTS). */
export const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 300);
const log = (m: string) => console.log(m);

export async function getJson(base: string, cookie: string, p: string) {
  const res = await fetch(base + p, { headers: { cookie } });
  if (res.status !== 200) throw new Error(`${p} answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
  return (await res.json()) as Record<string, unknown>;
}

/** Sequential requests over a list of paths (cycled); each answer checked; latencies in ms. */
export async function loop(
  base: string,
  cookie: string,
  paths: string[],
  check: (body: Record<string, unknown>, i: number) => void,
  n = REQUESTS,
) {
  for (let i = 0; i < Math.min(20, n); i++) await getJson(base, cookie, paths[i % paths.length]!); // warm-up
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    const body = await getJson(base, cookie, paths[i % paths.length]!);
    ms.push(performance.now() - t0);
    check(body, i % paths.length);
  }
  return ms;
}

/** Upload a file, poll the job until it is done; seconds from the upload to done. */
export async function importFile(base: string, cookie: string, filename: string, type: string, body: Buffer) {
  const csrf = String((await getJson(base, cookie, '/api/v1/auth/me')).csrfToken);
  const t0 = performance.now();
  const res = await fetch(`${base}/api/v1/residents/import?filename=${encodeURIComponent(filename)}&mode=valid_rows`, {
    method: 'POST',
    headers: { cookie, 'content-type': type, 'x-csrf-token': csrf },
    body,
  });
  if (res.status !== 202) throw new Error(`import of ${filename} answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
  const job = (await res.json()) as { id: string };
  for (;;) {
    await new Promise((r) => setTimeout(r, 100));
    const j = await getJson(base, cookie, `/api/v1/residents/import/${job.id}`);
    if (j.status === 'done' || j.status === 'failed') {
      const seconds = (performance.now() - t0) / 1000;
      log(`  ${filename}: ${j.status} in ${seconds.toFixed(1)} s (accepted ${j.accepted}, updated ${j.updated}, rejected ${j.rejected})`);
      if (j.status === 'failed') throw new Error(`import ${filename} failed: ${String(j.error)}`);
      return { seconds, accepted: Number(j.accepted), rejected: Number(j.rejected) };
    }
  }
}
