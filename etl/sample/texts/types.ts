/**
 * Phrase material for one second-level category: short titles, problem statements and the caller's requests.
 * Templates use slots filled per ticket: {place} (a road, estate or landmark), {road}, {estate}, {n} (a small
 * number), {shop} (a business), {restaurant}, {unit} (a building unit), {when} (a time expression).
 */
export interface CategoryPhrases {
  titles: string[];
  issues: string[];
  demands: string[];
}
