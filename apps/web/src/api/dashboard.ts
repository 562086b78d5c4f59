// The 工作台 (GET /dashboard) and the coverage trend from the daily snapshots.
import { useQuery } from '@tanstack/react-query';
import type { DashboardResponse, TrendResponse } from '@wushe/core';
import { api } from './client.ts';

export type { AreaDashboard, DashboardResponse, StationDashboard, TrendResponse, WorkerDashboard } from '@wushe/core';

export const dashboardKeys = {
  all: ['dashboard'] as const,
  trend: (area: string | undefined, months: number) => ['coverage-trend', area, months] as const,
};

export function useDashboard(enabled = true) {
  return useQuery({
    queryKey: dashboardKeys.all,
    queryFn: () => api.get<DashboardResponse>('/dashboard'),
    // Every return to the 工作台 reads it afresh (an assignment or a PHQ-9 elsewhere changed its
    // figures), and an open one follows new urgent tasks and passing deadlines.
    staleTime: 0,
    refetchInterval: 60_000,
    enabled,
  });
}

export function useCoverageTrend(area: string | undefined, months = 12) {
  return useQuery({
    queryKey: dashboardKeys.trend(area, months),
    queryFn: () => api.get<TrendResponse>('/coverage/trend', { area, months }),
    staleTime: 10 * 60_000, // snapshots change once a night
  });
}
