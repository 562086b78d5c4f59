import dayjs from 'dayjs';
import { shanghaiToday } from '@wushe/core';

// One date format for every language, matching what people write on forms in China.
export const formatDateTime = (s: string | null | undefined) => (s ? dayjs(s).format('YYYY-MM-DD HH:mm:ss') : '—');
export const formatDate = (s: string | null | undefined) => (s ? dayjs(s).format('YYYY-MM-DD') : '—');
export const formatTime = (s: string | null | undefined) => (s ? dayjs(s).format('HH:mm') : '—');

/** Today as the business date (Asia/Shanghai), whatever the browser's time zone. */
export const businessToday = () => dayjs(shanghaiToday(new Date()));
