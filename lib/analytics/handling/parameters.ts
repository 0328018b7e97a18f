/**
 * The handling-quality thresholds (docs/handling.md). The reopen window is applied at request time over the
 * first later appeal the ETL step found within `reopenSearchDays`, so a deployment or a user can narrow it
 * without re-running the step.
 */
export const HANDLING_PARAMETERS = {
  /** Default window after a closure in which a new appeal on the same problem makes it "reopened after closure". */
  reopenWindowDays: 30,
  /** How far after a closure the ETL step looks; the largest window a request may ask for. */
  reopenSearchDays: 90,
  /** A closure this soon after dispatch (or receipt, when the layout has no dispatch time) is "closed within minutes". */
  fastClosureMinutes: 60,
  /** Units with fewer closures than this are listed but not ranked by their rates (too few to tell). */
  minClosuresToRank: 30,
  /** Pairs of units bouncing fewer tickets than this are not listed. */
  minBouncedTickets: 2,
  /** Share of the data span, at its end, held out to test the dispatch suggestion. */
  backtestShare: 0.25,
} as const;
