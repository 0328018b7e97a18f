/** What the per-file SQL needs to know beyond the layout. */
export interface NormaliseContext {
  stagedTable: string;
  loadId: number;
  fileName: string;
  deploymentTimeZone: string;
  /** Load start, as a wall-clock timestamp in the deployment zone: 'YYYY-MM-DD HH:MM:SS'. */
  loadTime: string;
  /** The installation's HMAC key. */
  secret: Uint8Array;
  /** True when the deployment has boundaries: points outside every one are out of area. */
  hasBoundaries: boolean;
}
