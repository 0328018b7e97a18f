'use client';

import { ErrorNotice } from '../../ui/states/widget-state';

/** The map could not be shown: the message says why; reloading tries again. */
export default function MapError({ error }: { error: Error }) {
  return <ErrorNotice error={error} height={300} />;
}
