/**
 * The past tickets shown beside a dispatch suggestion, chosen in the ETL so a request reads a few rows instead of
 * sorting the tickets: per unit, its two most recent tickets closed without return for each (category, district),
 * each category, each district and overall; `category` or `county` NULL on the rows that do not narrow by it. Text
 * is the masked title and the first 80 characters of the masked content.
 */
export const DISPATCH_EXAMPLES_SQL = `
  CREATE OR REPLACE TABLE dispatch_examples AS
  WITH eligible AS (
    SELECT department AS unit, category_l2, county_code, ticket_id, received_at, coalesce(title, '') AS title,
           left(coalesce(content, ''), 80) AS excerpt, town_code
    FROM tickets
    WHERE department IS NOT NULL AND received_at IS NOT NULL AND status = 'closed'
      AND returned IS DISTINCT FROM true),
  ranked AS (
    SELECT unit, category_l2 AS category, county_code AS county, * EXCLUDE (unit, category_l2, county_code),
           row_number() OVER (PARTITION BY unit, category_l2, county_code ORDER BY received_at DESC, ticket_id) AS n
    FROM eligible WHERE category_l2 IS NOT NULL AND county_code IS NOT NULL
    UNION ALL BY NAME
    SELECT unit, category_l2 AS category, NULL AS county, * EXCLUDE (unit, category_l2, county_code),
           row_number() OVER (PARTITION BY unit, category_l2 ORDER BY received_at DESC, ticket_id) AS n
    FROM eligible WHERE category_l2 IS NOT NULL
    UNION ALL BY NAME
    SELECT unit, NULL AS category, county_code AS county, * EXCLUDE (unit, category_l2, county_code),
           row_number() OVER (PARTITION BY unit, county_code ORDER BY received_at DESC, ticket_id) AS n
    FROM eligible WHERE county_code IS NOT NULL
    UNION ALL BY NAME
    SELECT unit, NULL AS category, NULL AS county, * EXCLUDE (unit, category_l2, county_code),
           row_number() OVER (PARTITION BY unit ORDER BY received_at DESC, ticket_id) AS n
    FROM eligible)
  SELECT unit, category::VARCHAR AS category, county::VARCHAR AS county, ticket_id, received_at, title, excerpt,
         town_code
  FROM ranked WHERE n <= 2`;
