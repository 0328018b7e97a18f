import { z } from 'zod';

/**
 * A source layout: how one export format's columns become canonical ticket fields. Layouts are data (JSON files in
 * etl/sources/ or anywhere a user keeps them), documented in docs/source-layouts.md.
 */

/** Canonical ticket fields a layout may fill, in the words a user of the mapping file reads. */
export const TICKET_FIELDS = [
  'sourceId',
  'channel',
  'receivedAt',
  'dispatchedAt',
  'firstResponseAt',
  'dueAt',
  'dueDays',
  'closedAt',
  'appealType',
  'categoryCode',
  'categoryL1',
  'categoryL2',
  'categoryL3',
  'title',
  'content',
  'reply',
  'regionCode',
  'county',
  'town',
  'community',
  'address',
  'lon',
  'lat',
  'coordinateSystem',
  'department',
  'coDepartments',
  'dispatchCount',
  'returned',
  'escalated',
  'status',
  'resolved',
  'satisfaction',
  'callerPhone',
  'callerIdNumber',
  'callerAccount',
  'callerName',
] as const;

export type TicketField = (typeof TICKET_FIELDS)[number];

const columnNames = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);

/** One field: a column (or the first of several alternative columns present), a constant, or columns joined. */
export const fieldSpecSchema = z.union([
  columnNames,
  z
    .object({
      column: columnNames.optional(),
      join: z.array(z.string().min(1)).min(1).optional(),
      separator: z.string().optional(),
      value: z.string().optional(),
      default: z.string().optional(),
      map: z.record(z.string(), z.string()).optional(),
      formats: z.array(z.string()).optional(),
      /** Read the column only on rows where another column holds one of these values (case-insensitive). */
      onlyIf: z
        .object({ column: z.string().min(1), in: z.array(z.string()).min(1) })
        .strict()
        .optional(),
    })
    .strict()
    .refine((f) => [f.column, f.join, f.value].filter((x) => x !== undefined).length === 1, {
      message: 'give exactly one of "column", "join" or "value"',
    }),
]);

export type FieldSpec = z.infer<typeof fieldSpecSchema>;

export const layoutSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and dashes'),
    title: z.object({ zh: z.string(), en: z.string() }),
    description: z.string().optional(),
    /** The system whose ids `sourceId` holds; ticket ids are '<system>:<sourceId>'. Defaults to the layout id. */
    system: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]*$/)
      .optional(),
    formats: z.array(z.enum(['csv', 'xlsx', 'json', 'parquet'])).min(1),
    /** Zone of timestamps written without an offset; defaults to the deployment's zone. */
    timeZone: z.string().optional(),
    /** Fields that must be present as columns (to detect the layout) and non-empty on every row. */
    required: z.array(z.enum(TICKET_FIELDS)).min(1),
    fields: z.partialRecord(z.enum(TICKET_FIELDS), fieldSpecSchema),
    /** Source category text → taxonomy code; keys are 'L1 / L2', 'L2' or 'L1' as the source writes them. */
    categoryMap: z.record(z.string(), z.string()).optional(),
  })
  .strict()
  .refine((l) => l.fields.sourceId !== undefined && l.fields.receivedAt !== undefined, {
    message: 'a layout must map sourceId and receivedAt',
  })
  .refine((l) => l.fields.channel !== undefined, {
    message: 'a layout must give channel (a column or a value)',
  });

export type Layout = z.infer<typeof layoutSchema>;

/** The column alternatives a field spec reads, in preference order (empty for constants). */
export function specColumns(spec: FieldSpec): string[] {
  if (typeof spec === 'string') return [spec];
  if (Array.isArray(spec)) return spec;
  if (spec.column !== undefined) return typeof spec.column === 'string' ? [spec.column] : spec.column;
  return spec.join ?? [];
}
