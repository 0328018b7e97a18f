/** The dashboard's chart colours: a calm sequence for categories, one accent for "this period", grey for the past. */
export const SERIES_COLOURS = [
  '#2563eb',
  '#0d9488',
  '#d97706',
  '#7c3aed',
  '#dc2626',
  '#0891b2',
  '#65a30d',
  '#db2777',
  '#4b5563',
  '#9333ea',
  '#ea580c',
  '#0f766e',
];
export const CURRENT_COLOUR = '#2563eb';
export const PAST_COLOUR = '#94a3b8';
export const RISE_COLOUR = '#dc2626';
export const ANOMALY_HIGH_COLOUR = '#dc2626';
export const ANOMALY_LOW_COLOUR = '#2563eb';
