// WUSHE_LOG_FORMAT=pretty: pino's JSON lines turned into one readable line per request for a
// terminal (`12:03:04  GET /api/v1/residents  200  12 ms`), warnings and errors with their
// message. No pino-pretty (a dependency tree for a dozen lines); production keeps the JSON.
import type { DestinationStream } from 'pino';

interface LogLine {
  level?: number;
  time?: number;
  msg?: string;
  reqId?: string;
  req?: { method?: string; url?: string };
  res?: { statusCode?: number };
  responseTime?: number;
  err?: { message?: string; stack?: string };
}

const LEVELS: Record<number, string> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };
const pad = (n: number) => String(n).padStart(2, '0');
const clock = (t: number) => {
  const d = new Date(t);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
};

/** A line per log record, or none (the incoming half of a request waits for its completion). */
export function prettyLine(line: LogLine, pending: Map<string, string>, color = false): string | null {
  const paint = (code: number, s: string) => (color ? `\u001b[${code}m${s}\u001b[39m` : s);
  const time = clock(line.time ?? Date.now());
  if (line.msg === 'incoming request' && line.reqId) {
    // Fastify logs the request twice; the method and path come with the first, the status with the second.
    if (pending.size > 10_000) pending.clear();
    pending.set(line.reqId, `${line.req?.method ?? '?'} ${line.req?.url ?? ''}`);
    return null;
  }
  if (line.msg === 'request completed' && line.res) {
    const what = (line.reqId && pending.get(line.reqId)) || '?';
    if (line.reqId) pending.delete(line.reqId);
    const status = line.res.statusCode ?? 0;
    const shown = paint(status >= 500 ? 31 : status >= 400 ? 33 : 32, String(status));
    return `${time}  ${what}  ${shown}  ${Math.round(line.responseTime ?? 0)} ms`;
  }
  const level = LEVELS[line.level ?? 30] ?? 'INFO';
  const head = (line.level ?? 30) >= 50 ? paint(31, level) : (line.level ?? 30) >= 40 ? paint(33, level) : level;
  const err = line.err ? `\n${line.err.stack ?? line.err.message ?? ''}` : '';
  return `${time}  ${head}  ${line.msg ?? ''}${err}`;
}

/** A pino destination writing readable lines to `out` (colours on a terminal). */
export function prettyLog(out: NodeJS.WriteStream): DestinationStream {
  const pending = new Map<string, string>();
  const color = out.isTTY === true;
  return {
    write(chunk: string) {
      for (const raw of chunk.split('\n')) {
        if (!raw) continue;
        let parsed: LogLine;
        try {
          parsed = JSON.parse(raw) as LogLine;
        } catch {
          out.write(`${raw}\n`);
          continue;
        }
        const text = prettyLine(parsed, pending, color);
        if (text !== null) out.write(`${text}\n`);
      }
    },
  };
}
