/** Keeps a reader's preference (language, large text) for a year, read back by the root layout on every request. */
export function setPreferenceCookie(name: string, value: string): void {
  // biome-ignore lint/suspicious/noDocumentCookie: a one-year preference cookie; the Cookie Store API is not in every browser a city runs.
  document.cookie = `${name}=${value}; path=/; max-age=31536000; samesite=lax`;
}
