/**
 * One article's figures as the API prints them (warehouse-statistics.md:
 * plain notation, no trailing zeros, each at its own scale). The GraphQL
 * type and the tests read the same printing.
 */
import { formatScaled } from './scaledMath';
import { SCALE, type ArticleFigures } from './statsModel';

export interface PrintedFigures {
  onHand: string;
  sold30: string;
  sold90: string;
  sold365: string;
  pickCount365: number;
  lastSale: string | null;
  lastMovement: string | null;
  averageDailySales: string;
  daysOfCover: string | null;
  averageStock365: string;
  turnover365: string | null;
  class: ArticleFigures['class'];
  abc: ArticleFigures['abc'];
  toClear: boolean;
}

const quantity = (v: ArticleFigures['onHand']) => formatScaled(v, SCALE.quantity);
const optional = (v: ArticleFigures['daysOfCover'], decimals: number) => (v === null ? null : formatScaled(v, decimals));

/** How each figure is printed, one at a time: the GraphQL type prints only the fields a query reads. */
export const FIGURE_PRINTERS: { readonly [K in keyof PrintedFigures]: (f: ArticleFigures) => PrintedFigures[K] } = {
  onHand: (f) => quantity(f.onHand),
  sold30: (f) => quantity(f.sold30),
  sold90: (f) => quantity(f.sold90),
  sold365: (f) => quantity(f.sold365),
  pickCount365: (f) => f.pickCount365,
  lastSale: (f) => f.lastSale,
  lastMovement: (f) => f.lastMovement,
  averageDailySales: (f) => formatScaled(f.averageDailySales, SCALE.averageDailySales),
  daysOfCover: (f) => optional(f.daysOfCover, SCALE.daysOfCover),
  averageStock365: (f) => formatScaled(f.averageStock365, SCALE.averageStock365),
  turnover365: (f) => optional(f.turnover365, SCALE.turnover365),
  class: (f) => f.class,
  abc: (f) => f.abc,
  toClear: (f) => f.toClear,
};

/** Every figure printed. */
export function printedFigures(f: ArticleFigures): PrintedFigures {
  return Object.fromEntries(Object.entries(FIGURE_PRINTERS).map(([name, print]) => [name, print(f)])) as unknown as PrintedFigures;
}
