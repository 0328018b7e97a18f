import { readRows, warehouseGeneration } from '../db/read-only-warehouse';
import { rollupFor } from '../sql/rollup-choice';
import { type DataSpan, fetchDataSpan } from './data-span';

/** A choice in the filter bar, with how many appeals it has in the whole warehouse. */
export interface FilterChoice {
  code: string;
  name: string;
  nameEn?: string;
  parent?: string | null;
  tickets: number;
}

/** Everything the filter bar offers: only values that occur in the data, biggest first. */
export interface FilterOptions {
  span: DataSpan | null;
  /** Cities, districts and streets (level 2–4) that have appeals, each with its parent for the drill-down. */
  regions: (FilterChoice & { level: number })[];
  categories: (FilterChoice & { level: number })[];
  channels: FilterChoice[];
  appealTypes: FilterChoice[];
  departments: FilterChoice[];
}

/** Whole months that hold every ticket's day: the filter bar counts all of them. */
const EVERY_MONTH = { from: '1900-01-01', to: '2999-12-31' };

/** The smallest rollup that sums every day by `columns` (a monthly twin where there is one). */
const everyDay = (columns: string[]) => rollupFor(EVERY_MONTH, columns, { ranges: [EVERY_MONTH] });

let cached: { generation: number; options: FilterOptions } | null = null;

/** The filter bar's choices; cached until the ETL publishes a new file. */
export async function fetchFilterOptions(): Promise<FilterOptions> {
  const generation = await warehouseGeneration();
  if (cached?.generation === generation) return cached.options;
  const [span, regions, categories, channels, appealTypes, departments] = await Promise.all([
    fetchDataSpan(),
    readRows<FilterChoice & { level: number }>(
      `WITH counted AS (
         SELECT county_code AS code, sum(tickets) AS tickets FROM ${everyDay(['county_code'])} WHERE county_code IS NOT NULL GROUP BY 1
         UNION ALL
         SELECT town_code, sum(tickets) FROM ${everyDay(['town_code'])} WHERE town_code IS NOT NULL GROUP BY 1
         UNION ALL
         SELECT r.parent_code, sum(d.tickets) FROM ${everyDay(['county_code'])} d JOIN regions r ON r.code = d.county_code GROUP BY 1
       )
       SELECT r.code, r.name, r.parent_code AS parent, r.level, c.tickets::INTEGER AS tickets
       FROM counted c JOIN regions r ON r.code = c.code
       WHERE r.level BETWEEN 2 AND 4
       ORDER BY r.level, c.tickets DESC, r.code`,
    ),
    readRows<FilterChoice & { level: number }>(
      `SELECT c.code, c.name_zh AS name, c.name_en AS "nameEn", c.parent_code AS parent, c.level,
              coalesce(d.tickets, 0)::INTEGER AS tickets
       FROM categories c
       LEFT JOIN (
         SELECT category_l1 AS code, sum(tickets) AS tickets FROM ${everyDay(['category_l1'])} GROUP BY 1
         UNION ALL
         SELECT category_l2, sum(tickets) FROM ${everyDay(['category_l2'])} GROUP BY 1
       ) d ON d.code = c.code
       WHERE c.level <= 2
       ORDER BY c.code`,
    ),
    distinctChoices('channel'),
    distinctChoices('appeal_type'),
    distinctChoices('department'),
  ]);
  const options = { span, regions, categories, channels, appealTypes, departments };
  cached = { generation, options };
  return options;
}

function distinctChoices(column: 'channel' | 'appeal_type' | 'department'): Promise<FilterChoice[]> {
  return readRows<FilterChoice>(
    `SELECT ${column} AS code, ${column} AS name, sum(tickets)::INTEGER AS tickets
     FROM ${rollupFor({ from: '', to: '' }, [column])} WHERE ${column} IS NOT NULL
     GROUP BY 1 ORDER BY tickets DESC, code`,
  );
}
