import type { Lang } from '../../i18n/codes';

/**
 * Generated sentences are lists of segments, so every number in them is traceable: a `figure` carries the value it
 * was written from and an id naming what it is (docs/briefing.md lists the ids), a `date` the month or day it names,
 * and a `name` a label from the data (a channel such as 12345热线, a category, a district). Plain strings are the
 * template's own words and hold no digits; the tests check that, and check each figure against SQL.
 */
export interface Figure {
  kind: 'figure';
  id: string;
  /** Null when the reader may not see it: a ticket count of one or two written "<3" (lib/briefing/small-counts). */
  value: number | null;
  text: string;
}

export interface DateMention {
  kind: 'date';
  /** YYYY-MM or YYYY-MM-DD. */
  value: string;
  text: string;
}

export interface NameMention {
  kind: 'name';
  text: string;
}

export type Segment = string | Figure | DateMention | NameMention;
export type Sentence = Segment[];

/** One section of the briefing: its heading and its generated paragraphs (each a list of sentences). */
export interface SectionText {
  id: BriefingSectionId;
  heading: string;
  paragraphs: Sentence[][];
}

export const BRIEFING_SECTIONS = [
  'overview',
  'categories',
  'districts',
  'handling',
  'repeats',
  'outlook',
] as const;
export type BriefingSectionId = (typeof BRIEFING_SECTIONS)[number];

export function segmentText(segment: Segment): string {
  return typeof segment === 'string' ? segment : segment.text;
}

export function sentenceText(sentence: Sentence): string {
  return sentence.map(segmentText).join('');
}

/** A paragraph as plain text; English sentences are separated by a space, Chinese ones run on. */
export function paragraphText(paragraph: Sentence[], lang: Lang): string {
  return paragraph.map(sentenceText).join(lang === 'en' ? ' ' : '');
}

/** Every figure of a section, for tests and the docs. */
export function figuresOf(sections: SectionText[]): Figure[] {
  return sections.flatMap((s) =>
    s.paragraphs.flat(2).filter((seg): seg is Figure => typeof seg !== 'string' && seg.kind === 'figure'),
  );
}
