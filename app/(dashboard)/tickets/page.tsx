import { pageViewer } from '@/app/_auth/current-viewer';
import { EXPORT_ROW_CAP } from '@/lib/queries/ticket-export';
import { LIST_CONTENT_CHARS } from '@/lib/queries/ticket-list';
import { NotAllowed } from '../../ui/frame/not-allowed';
import { TicketsView } from '../../ui/tickets/tickets-view';

export const dynamic = 'force-dynamic';

/**
 * 诉求清单: the tickets behind every number, filtered, flagged, sorted and paged by the URL, and exported whole.
 * The export cap and the list's content length are read here, on the server: their modules also query the
 * warehouse, which must not reach the browser bundle.
 */
export default async function TicketsPage() {
  const { refusal } = await pageViewer('/tickets');
  if (refusal) return <NotAllowed reason={refusal} />;
  return <TicketsView exportCap={EXPORT_ROW_CAP} contentChars={LIST_CONTENT_CHARS} />;
}
