/**
 * SQL for the hours from `receivedExpr` to `closedExpr` (TIMESTAMPs), fractional. NULL when either is missing
 * or when the ticket closed before it was received: that is a data-quality problem to keep visible, not a
 * negative duration.
 */
export function handlingHoursSql(receivedExpr: string, closedExpr: string): string {
  return `CASE WHEN ${closedExpr} >= ${receivedExpr} THEN (epoch(${closedExpr}) - epoch(${receivedExpr})) / 3600.0 END`;
}

/**
 * SQL for whether a ticket is overdue: closed after its due time, or not closed and due before the load time.
 * NULL when there is no due time. All three arguments are TIMESTAMP expressions in the deployment zone.
 */
export function overdueSql(closedExpr: string, dueExpr: string, loadTimeExpr: string): string {
  return `CASE WHEN ${dueExpr} IS NULL THEN NULL WHEN ${closedExpr} IS NOT NULL THEN ${closedExpr} > ${dueExpr} ELSE ${dueExpr} < ${loadTimeExpr} END`;
}

/**
 * SQL for the due time: `receivedExpr` plus `daysExpr` calendar days (fractions allowed, `0.5` = 12 hours).
 * `daysExpr` may be numeric or text; NULL when it is missing, not a number or negative.
 */
export function dueFromDaysSql(receivedExpr: string, daysExpr: string): string {
  const days = `try_cast(${daysExpr} AS DOUBLE)`;
  return `CASE WHEN ${days} >= 0 AND isfinite(${days}) THEN ${receivedExpr} + to_microseconds(CAST(round(${days} * 86400000000) AS BIGINT)) END`;
}
