// The current list (filters applied) as .xlsx: masked ID and phone, unless the caller may
// reveal, in which case the clear values go out and the export itself is audited.
import { maskIdNumber, maskPhone, shanghaiToday } from '@wushe/core';
import type { FastifyReply } from 'fastify';
import { appendAudit, byActor } from '../../audit/audit.ts';
import type { Ctx } from '../../context.ts';
import { EXPORT_LIMIT, sendXlsx, type Column } from '../../http/excel.ts';
import { exportRows } from './residents.repo.ts';
import { listFilter, toSummary, type ListQuery } from './residents.service.ts';

const STATUS = {
  active: ['在册', 'active'],
  moved: ['迁出', 'moved'],
  deceased: ['死亡', 'deceased'],
  merged: ['已合并', 'merged'],
} as const;
const SEX = { male: ['男', 'male'], female: ['女', 'female'] } as const;

export async function exportResidents(ctx: Ctx, q: ListQuery, reply: FastifyReply) {
  const reveal = ctx.actor.permissions.includes('resident.reveal');
  const f = listFilter(ctx, q, EXPORT_LIMIT, 0);
  const found = f
    ? await ctx.db.tx(async (db) => {
        const list = await exportRows(db, f);
        if (reveal) {
          const { page: _p, pageSize: _s, ...filter } = q;
          // The filter is kept, but an ID number or phone typed in the search box only masked.
          if (f.search?.kind === 'idHash') filter.q = maskIdNumber(q.q!);
          if (f.search?.kind === 'phoneHash') filter.q = maskPhone(q.q!);
          await appendAudit(
            db,
            byActor(ctx, {
              action: 'resident.export.reveal',
              targetType: 'resident',
              areaCode: ctx.actor.area.code,
              after: { filter, rows: list.length },
            }),
          );
        }
        return list;
      })
    : [];
  const today = shanghaiToday(ctx.now);
  const items = found.map((r) => ({
    ...toSummary(r, today),
    idShown: reveal ? ctx.keys.open(r.idCipher) : r.idMasked,
    phoneShown: reveal && r.phoneCipher ? ctx.keys.open(r.phoneCipher) : r.phoneMasked,
    address: r.address,
  }));
  type Item = (typeof items)[number];
  const en = ctx.lang === 'en';
  const i = en ? 1 : 0;
  const columns: Column<Item>[] = [
    { header: en ? 'Name' : '姓名', value: (r) => r.name, width: 12 },
    { header: en ? 'ID number' : '证件号码', value: (r) => r.idShown, width: 22 },
    { header: en ? 'Sex' : '性别', value: (r) => (r.sex ? SEX[r.sex][i] : null), width: 8 },
    { header: en ? 'Birth date' : '出生日期', value: (r) => r.birthDate, width: 12 },
    { header: en ? 'Age' : '年龄', value: (r) => r.age, width: 8 },
    { header: en ? 'Phone' : '联系电话', value: (r) => r.phoneShown, width: 16 },
    { header: en ? 'Area' : '所在社区', value: (r) => r.areaName, width: 20 },
    { header: en ? 'Address' : '住址', value: (r) => r.address, width: 30 },
    { header: en ? 'Categories' : '人员类别', value: (r) => r.categories.join(','), width: 24 },
    { header: en ? 'Assistance status' : '救助状态', value: (r) => r.assistanceStatus },
    { header: en ? 'Care level' : '关爱等级', value: (r) => r.careLevel, width: 10 },
    { header: en ? 'Last contact' : '最近走访', value: (r) => r.lastContactOn, width: 12 },
    { header: en ? 'Next due' : '下次走访', value: (r) => r.nextDueOn, width: 12 },
    { header: en ? 'Worker' : '责任社工', value: (r) => r.assignedWorkerName },
    { header: en ? 'Status' : '状态', value: (r) => STATUS[r.status][i], width: 10 },
  ];
  return sendXlsx(reply, en ? 'residents.xlsx' : '服务对象.xlsx', en ? 'Residents' : '服务对象', columns, items);
}
