import { builtInLayouts } from '../../load/layouts';
import { specColumns } from '../../load/mapping-schema';
import { formatTable } from '../table';

/** Lists the built-in layouts with the columns that identify them. */
export async function sourcesCommand(): Promise<number> {
  const rows = builtInLayouts().map((l) => [
    l.id,
    l.title.en,
    l.formats.join(', '),
    l.required.map((f) => specColumns(l.fields[f] ?? f)[0] ?? f).join(', '),
  ]);
  process.stdout.write(`${formatTable(['layout', 'what', 'formats', 'identified by'], rows)}\n`);
  process.stdout.write(
    '\nA file is matched to the layout whose required columns it has; see docs/source-layouts.md.\n',
  );
  return 0;
}
