import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { type PagePath, pageRefusal } from '@/lib/auth/page-access';
import type { Viewer } from '@/lib/auth/roles';
import { SESSION_COOKIE, viewerFromSession } from '@/lib/auth/session';

/** The path the proxy saw (proxy.ts), so sign-in can send the reader back to where they were going. */
export async function requestedPath(): Promise<string> {
  return (await headers()).get('x-hotline-path') ?? '/';
}

/** The signed-in viewer of a page or layout; without one, the sign-in page (and back here afterwards). */
export async function requireViewer(): Promise<Viewer> {
  const viewer = await viewerFromSession((await cookies()).get(SESSION_COOKIE)?.value);
  if (!viewer) redirect(`/signin?next=${encodeURIComponent(await requestedPath())}`);
  return viewer;
}

/** For a page: the viewer and, when their role or scope may not open it, the reason (the page shows it instead). */
export async function pageViewer(page: PagePath): Promise<{ viewer: Viewer; refusal: string | null }> {
  const viewer = await requireViewer();
  return { viewer, refusal: pageRefusal(viewer, page) };
}
