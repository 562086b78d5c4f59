// One shape for every rate-limited scope (login, the public pages): `max` requests a minute per
// client address, then 429 with the catalogue's auth.rateLimited (Retry-After from the plugin).
export function perMinute(max: number) {
  return {
    max,
    timeWindow: '1 minute',
    errorResponseBuilder: () => {
      const e = new Error('auth.rateLimited') as Error & { statusCode: number; code: string };
      e.statusCode = 429;
      e.code = 'auth.rateLimited';
      return e;
    },
  };
}
