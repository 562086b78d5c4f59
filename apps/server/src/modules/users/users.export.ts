// The account list (filters applied, no paging) as .xlsx, phones masked as on the list. Read
// a page at a time into the streamed workbook, up to the export limit.
import { translate, type MessageKey, type User } from '@wushe/core';
import type { FastifyReply } from 'fastify';
import type { Ctx } from '../../context.ts';
import { EXPORT_LIMIT, sendXlsx, type Column } from '../../http/excel.ts';
import { listUsers } from './users.repo.ts';
import { present, userFilter, type UserListInput } from './users.service.ts';

/** Rows per database read: few round trips, small pages. */
const READ_PAGE = 5_000;

export async function exportUsers(ctx: Ctx, q: UserListInput, reply: FastifyReply) {
  const t = (key: MessageKey) => translate(ctx.lang, key);
  const columns: Column<User>[] = [
    { header: t('export.users.username'), value: (u) => u.username },
    { header: t('export.users.displayName'), value: (u) => u.displayName },
    { header: t('export.users.phone'), value: (u) => u.phone },
    { header: t('export.users.role'), value: (u) => u.roleName },
    { header: t('export.users.org'), value: (u) => u.orgName, width: 30 },
    { header: t('export.users.area'), value: (u) => u.areaName },
    { header: t('export.users.status'), value: (u) => t(`export.userStatus.${u.status}`) },
    { header: t('export.users.lastLoginAt'), value: (u) => u.lastLoginAt, width: 24 },
  ];
  async function* pages() {
    for (let offset = 0; offset < EXPORT_LIMIT; offset += READ_PAGE) {
      const f = userFilter(ctx, q, Math.min(READ_PAGE, EXPORT_LIMIT - offset), offset);
      if (!f) return;
      const { items } = await ctx.db.run((db) => listUsers(db, f));
      yield items.map(present(ctx));
      if (items.length < f.limit) return;
    }
  }
  return sendXlsx(reply, t('export.users.file'), t('export.users.sheet'), columns, pages());
}
