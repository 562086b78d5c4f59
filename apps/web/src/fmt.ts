import dayjs from 'dayjs';
import { formatShanghai, shanghaiToday } from '@wushe/core';

// One date format for every language, matching what people write on forms in China.
export const formatDateTime = (s: string | null | undefined) => (s ? dayjs(s).format('YYYY-MM-DD HH:mm:ss') : '—');
export const formatDate = (s: string | null | undefined) => (s ? dayjs(s).format('YYYY-MM-DD') : '—');
export const formatTime = (s: string | null | undefined) => (s ? dayjs(s).format('HH:mm') : '—');

/** An instant as Beijing time ("2026-12-05 09:00"), whatever the browser's time zone (a phone abroad, a CI machine). */
export const atShanghai = (s: string | null | undefined) => (s ? formatShanghai(new Date(s)) : '—');
/** Its time of day in Beijing ("09:00"). */
export const timeShanghai = (s: string | null | undefined) => (s ? formatShanghai(new Date(s)).slice(11) : '—');

/** Today as the business date (Asia/Shanghai), whatever the browser's time zone. */
export const businessToday = () => dayjs(shanghaiToday(new Date()));

/** An amount kept in fen, shown in yuan with two decimals ("1,234.50"); '—' when there is none. */
export const yuan = (fen: number | null | undefined) =>
  fen == null ? '—' : (fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** The same without trailing zero decimals, for people rather than ledgers ("680", "45.5"). */
export const yuanShort = (fen: number) => (fen / 100).toLocaleString('zh-CN', { maximumFractionDigits: 2 });

/** Form.Item props for a money field that holds fen (as the API, so its field errors land on it) and shows yuan. */
export const inYuan = {
  normalize: (yuan: number | null | undefined) => (yuan === null || yuan === undefined ? null : Math.round(yuan * 100)),
  getValueProps: (f: number | null | undefined) => ({ value: f === null || f === undefined ? f : f / 100 }),
};
