'use client';

import Link from 'next/link';
import { useCallback, useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import { fittingCount } from './fitting-count';

/** One entry of the title bar's navigation, already translated. */
export interface NavEntry {
  href: string;
  label: string;
  current: boolean;
}

/**
 * The views as one line of links: as many as fit beside the brand and the buttons, the rest behind 更多 / More (a
 * disclosure button: Tab reaches it, Enter or Space opens it, Escape closes it). What fits is measured on a hidden
 * copy of the labels, so it follows the language, 大字版 and the window's width rather than fixed breakpoints.
 */
export function ViewNav({
  entries,
  label,
  moreLabel,
}: {
  entries: NavEntry[];
  label: string;
  moreLabel: string;
}) {
  const nav = useRef<HTMLElement>(null);
  const measure = useRef<HTMLDivElement>(null);
  const moreBox = useRef<HTMLDivElement>(null);
  const moreButton = useRef<HTMLButtonElement>(null);
  const menuId = useId();
  const [shown, setShown] = useState(entries.length);
  // Until the first measurement (server render, hydration) every view is in the line; tests wait for this.
  const [fitted, setFitted] = useState(false);
  const [open, setOpen] = useState(false);

  const refit = useCallback(() => {
    if (!nav.current || !measure.current) return;
    const widths = [...measure.current.children].map((child) => child.getBoundingClientRect().width);
    const more = widths.pop() ?? 0;
    const gap = Number.parseFloat(getComputedStyle(measure.current).columnGap) || 0;
    setShown(fittingCount(widths, more, gap, nav.current.clientWidth));
    setFitted(true);
  }, []);

  // Before the first paint in the browser, and whenever the room or the labels' widths change.
  useLayoutEffect(() => {
    refit();
    const observer = new ResizeObserver(refit);
    if (nav.current) observer.observe(nav.current);
    if (measure.current) observer.observe(measure.current);
    document.fonts?.ready.then(refit).catch(() => undefined);
    return () => observer.disconnect();
  }, [refit]);

  // Closes on a click or focus elsewhere, and on Escape (focus goes back to the button); a choice closes it too.
  useEffect(() => {
    const box = moreBox.current;
    if (!open || !box) return;
    const outside = (event: PointerEvent) => {
      if (!box.contains(event.target as Node)) setOpen(false);
    };
    const focusLeft = (event: FocusEvent) => {
      if (!box.contains(event.relatedTarget as Node | null)) setOpen(false);
    };
    const closeOnEscape = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      moreButton.current?.focus();
    };
    document.addEventListener('pointerdown', outside);
    box.addEventListener('focusout', focusLeft);
    box.addEventListener('keydown', closeOnEscape);
    return () => {
      document.removeEventListener('pointerdown', outside);
      box.removeEventListener('focusout', focusLeft);
      box.removeEventListener('keydown', closeOnEscape);
    };
  }, [open]);

  const inline = entries.slice(0, shown);
  const overflow = entries.slice(shown);
  const link = (entry: NavEntry) => (
    <Link
      key={entry.href}
      href={entry.href}
      aria-current={entry.current ? 'page' : undefined}
      onClick={() => setOpen(false)}
    >
      {entry.label}
    </Link>
  );

  return (
    <nav aria-label={label} ref={nav} className="view-nav" data-fitted={fitted || undefined}>
      {inline.map(link)}
      {overflow.length > 0 && (
        <div className="nav-more" ref={moreBox}>
          <button
            type="button"
            ref={moreButton}
            aria-expanded={open}
            aria-controls={menuId}
            className={overflow.some((e) => e.current) ? 'holds-current' : undefined}
            onClick={() => setOpen((o) => !o)}
          >
            {moreLabel}
            <span aria-hidden="true"> ▾</span>
          </button>
          <div id={menuId} className="nav-more-menu" hidden={!open}>
            {overflow.map(link)}
          </div>
        </div>
      )}
      {/* The labels as they would be drawn, out of sight, to measure what fits. */}
      <div className="nav-measure" aria-hidden="true">
        <div ref={measure}>
          {entries.map((entry) => (
            <span key={entry.href}>{entry.label}</span>
          ))}
          <span>
            {moreLabel}
            <span> ▾</span>
          </span>
        </div>
      </div>
    </nav>
  );
}
