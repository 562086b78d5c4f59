// Notifications (the bell).
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { notification } from '@wushe/core';
import { api } from './client.ts';
import { useRefreshingMutation, type Page } from './query.ts';

export type Notification = z.infer<typeof notification>;

export const notificationKeys = { all: ['notifications'] as const };

export function useNotifications() {
  return useQuery({
    queryKey: notificationKeys.all,
    queryFn: () => api.get<Page<Notification> & { unread: number }>('/notifications'),
    // Urgent alerts (PHQ-9 item 9) should reach the station head without a reload.
    refetchInterval: 30_000,
    staleTime: 0,
  });
}

export function useMarkRead() {
  return useRefreshingMutation(
    (id: string) => api.post<unknown>(`/notifications/${id}/read`),
    () => [notificationKeys.all],
  );
}
