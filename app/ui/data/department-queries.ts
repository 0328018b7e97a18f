import { queryOptions } from '@tanstack/react-query';
import type { Filters } from '@/lib/filters/filters';
import type { DepartmentScorecard } from '@/lib/queries/department-scorecard';
import { apiUrl, getJson } from './api-client';

/** One queryOptions factory per departments API call; every filter value is part of the key. */
export const departmentQueries = {
  /** Every department's scorecard; the table and the on-time chart share this one request. */
  scorecard: (filters: Filters) =>
    queryOptions({
      queryKey: ['departments', filters],
      queryFn: ({ signal }) => getJson<DepartmentScorecard>(apiUrl('/api/departments', filters), signal),
    }),
};
