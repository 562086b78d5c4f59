import dayjs from 'dayjs';

// One date format for every language, matching what people write on forms in China.
export const formatDateTime = (s: string | null | undefined) => (s ? dayjs(s).format('YYYY-MM-DD HH:mm:ss') : '—');
export const formatDate = (s: string | null | undefined) => (s ? dayjs(s).format('YYYY-MM-DD') : '—');
