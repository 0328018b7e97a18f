'use client';

import type { ReactNode } from 'react';

/** The month picker's select: opens the chosen month at once (the form's button does the same without JS). */
export function MonthSelect({ id, value, children }: { id: string; value: string; children: ReactNode }) {
  return (
    <select
      id={id}
      name="month"
      defaultValue={value}
      onChange={(event) => event.currentTarget.form?.requestSubmit()}
    >
      {children}
    </select>
  );
}
