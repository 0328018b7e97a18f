import { type FieldSpec, type Layout, specColumns, type TicketField } from './mapping-schema';

/** Header comparison ignores case, spaces, underscores and punctuation: "Created Date" = "created_date". */
export function headerKey(header: string): string {
  return header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_\-.,:;()（）[\]【】/\\'"`]+/g, '');
}

/** A layout bound to one file's columns: for each field, the actual header it reads. */
export interface BoundLayout {
  layout: Layout;
  /** field → the file's header(s) it reads (several for `join`); absent when the file lacks the column. */
  columns: Partial<Record<TicketField, string[]>>;
  missingRequired: TicketField[];
  /** Share of the layout's column-backed fields the file has. */
  coverage: number;
  /** Every header of the file, as read. */
  allHeaders: string[];
}

function findHeader(candidates: string[], byKey: Map<string, string>): string | undefined {
  for (const candidate of candidates) {
    const header = byKey.get(headerKey(candidate));
    if (header !== undefined) return header;
  }
  return undefined;
}

function bindSpec(spec: FieldSpec, byKey: Map<string, string>): string[] | undefined {
  if (typeof spec === 'object' && !Array.isArray(spec)) {
    if (spec.value !== undefined) return [];
    if (spec.join) {
      const found = spec.join.map((c) => byKey.get(headerKey(c))).filter((h): h is string => h !== undefined);
      return found.length > 0 ? found : undefined;
    }
  }
  const header = findHeader(specColumns(spec), byKey);
  return header === undefined ? undefined : [header];
}

/** Binds a layout to a file's headers and says what is missing. */
export function bindLayout(layout: Layout, headers: string[]): BoundLayout {
  const byKey = new Map<string, string>();
  for (const h of headers) if (!byKey.has(headerKey(h))) byKey.set(headerKey(h), h);
  const columns: BoundLayout['columns'] = {};
  let wanted = 0;
  let found = 0;
  for (const [field, spec] of Object.entries(layout.fields) as [TicketField, FieldSpec][]) {
    const bound = bindSpec(spec, byKey);
    const hasColumns = specColumns(spec).length > 0;
    if (hasColumns) wanted++;
    if (bound !== undefined) {
      columns[field] = bound;
      if (hasColumns) found++;
    }
    const onlyIf = typeof spec === 'object' && !Array.isArray(spec) ? spec.onlyIf : undefined;
    if (onlyIf && findHeader([onlyIf.column], byKey) === undefined) delete columns[field];
  }
  const missingRequired = layout.required.filter((f) => {
    const spec = layout.fields[f];
    const isConstant = spec !== undefined && typeof spec === 'object' && !Array.isArray(spec) && spec.value;
    return !isConstant && (columns[f] === undefined || columns[f]?.length === 0);
  });
  return {
    layout,
    columns,
    missingRequired,
    coverage: wanted === 0 ? 0 : found / wanted,
    allHeaders: headers,
  };
}

function describeMissing(bound: BoundLayout): string {
  return bound.missingRequired
    .map((f) => `${f} (${specColumns(bound.layout.fields[f] as FieldSpec).join(' | ')})`)
    .join(', ');
}

/**
 * Picks the layout that fits a file's headers best: all required columns present, then the most fields covered.
 * When none fits, the error names the closest layout and its missing required columns.
 */
export function detectLayout(fileName: string, headers: string[], layouts: Layout[]): BoundLayout {
  const bound = layouts.map((l) => bindLayout(l, headers));
  const fitting = bound.filter((b) => b.missingRequired.length === 0);
  fitting.sort((a, b) => b.coverage - a.coverage);
  if (fitting[0]) return fitting[0];
  const closest = [...bound].sort(
    (a, b) => a.missingRequired.length - b.missingRequired.length || b.coverage - a.coverage,
  )[0];
  const shown = headers.slice(0, 12).join(', ') + (headers.length > 12 ? ', …' : '');
  throw new Error(
    `${fileName}: no known layout fits its columns [${shown}]. Closest: "${closest?.layout.id}", which is ` +
      `missing the required column(s) ${closest ? describeMissing(closest) : '?'}. Give --source <layout|mapping.json>.`,
  );
}

/** Checks a named layout against a file; throws naming the missing required columns. */
export function requireLayout(fileName: string, headers: string[], layout: Layout): BoundLayout {
  const bound = bindLayout(layout, headers);
  if (bound.missingRequired.length > 0) {
    throw new Error(
      `${fileName}: layout "${layout.id}" needs the column(s) ${describeMissing(bound)}, which the file lacks`,
    );
  }
  return bound;
}
