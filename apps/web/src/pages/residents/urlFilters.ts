// The resident list's filters from the address, so a figure elsewhere (coverage, 工作台) can
// open the list filtered to exactly the residents it counts: /residents?area=…&coverage=overdue&asOf=….
const TEXT = ['q', 'area', 'category', 'assistanceStatus', 'overdue', 'status', 'coverage', 'asOf'] as const;

export function filtersFromUrl(params: URLSearchParams): Record<string, string | number | undefined> {
  const out: Record<string, string | number | undefined> = {};
  for (const k of TEXT) {
    const v = params.get(k);
    if (v) out[k] = v;
  }
  const level = Number(params.get('careLevel'));
  if (level >= 1 && level <= 4) out.careLevel = level;
  return out;
}
