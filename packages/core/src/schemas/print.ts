// Data for the printed pages (服务对象档案, 走访记录表, 评估报告) where the existing APIs do not
// already give it: a visit record with its resident, masked as everywhere else.
import { z } from 'zod';
import { contact } from './care.ts';
import { residentDetail } from './residents.ts';

export const contactPrint = z.object({ contact, resident: residentDetail });
export type ContactPrint = z.infer<typeof contactPrint>;
