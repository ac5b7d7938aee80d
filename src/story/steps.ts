/**
 * The scrollytelling steps as data: which chart (id + state) each step shows, and its words.
 * The page renders every step's figure at build time; src/client/scrolly.ts only toggles them.
 */
import type { ChartId, ChartStateMap } from '../charts/registry.ts';
import type { Summary } from '../data/schema.ts';
import { badParagraph, englandParagraph, roundingNote, vsEnglandParagraph, vsSimilarParagraph } from './words.ts';

export interface StepChart<K extends ChartId = ChartId> {
  id: K;
  state: ChartStateMap[K];
}

export interface Step {
  /** Unique, URL-safe; also the figure's id prefix. */
  id: string;
  /** An h2 that starts a new section of the story at this step. */
  heading?: string;
  /** Paragraphs, generated from the data. */
  text: string[];
  /** A small note under the words (how to read the figures). */
  note?: string;
  chart: StepChart<'england-health'> | StepChart<'group-comparison'>;
}

export function storySteps(s: Summary): Step[] {
  return [
    {
      id: 'step-england',
      heading: 'England’s health in 2011 and 2021',
      text: [
        'Both censuses asked everyone the same question: how is your health in general? Very good, good, fair, bad or very bad.',
        englandParagraph(s),
      ],
      // The first figures set side by side (bad and very bad beside the two together): say here how they round.
      note: roundingNote(),
      chart: { id: 'england-health', state: { group: 'england' } },
    },
    {
      id: 'step-very-good-england',
      heading: 'Very good health',
      text: [vsEnglandParagraph(s, 'very_good')],
      chart: { id: 'group-comparison', state: { measure: 'very_good', groups: ['england', 'big_local'], highlight: 'big_local' } },
    },
    {
      id: 'step-very-good-similar',
      text: [vsSimilarParagraph(s, 'very_good')],
      chart: { id: 'group-comparison', state: { measure: 'very_good', highlight: 'similar_areas' } },
    },
    {
      id: 'step-bad',
      heading: 'Bad or very bad health',
      text: [badParagraph(s)],
      chart: { id: 'group-comparison', state: { measure: 'bad_or_very_bad', highlight: 'big_local' } },
    },
  ];
}
