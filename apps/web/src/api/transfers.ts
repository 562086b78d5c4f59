// Transfers (调入/调出): the list (in/out), a request by exact ID number, and the decision.
import type { Transfer, TransferDecision, TransferRequest } from '@wushe/core';
import { api } from './client.ts';
import { notificationKeys } from './notifications.ts';
import { resourceKeys, usePagedList, useRefreshingMutation } from './query.ts';
import { residentKeys } from './residents.ts';

export type { Transfer };

export interface TransferQuery {
  direction: 'in' | 'out' | 'all';
  status: 'pending' | 'approved' | 'declined' | 'all';
  page?: number;
  pageSize?: number;
}

export const transferKeys = resourceKeys('transfers');

export const useTransfers = (q: TransferQuery) => usePagedList<Transfer>(transferKeys, '/transfers', { ...q });

export const useRequestTransfer = () =>
  useRefreshingMutation(
    (body: Omit<TransferRequest, 'documentType'> & { documentType?: TransferRequest['documentType'] }) =>
      api.post<Transfer>('/transfers', body),
    () => [transferKeys.all],
  );

/** An approval moves a resident: the register's lists and that record change too. */
export const useDecideTransfer = () =>
  useRefreshingMutation(
    ({ id, ...body }: TransferDecision & { id: string }) => api.post<Transfer>(`/transfers/${id}/decision`, body),
    (_b, t) => [transferKeys.all, residentKeys.all, residentKeys.detail(t.residentId), notificationKeys.all],
  );
