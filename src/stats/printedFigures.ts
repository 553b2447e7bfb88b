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

export function printedFigures(f: ArticleFigures): PrintedFigures {
  const quantity = (v: ArticleFigures['onHand']) => formatScaled(v, SCALE.quantity);
  return {
    onHand: quantity(f.onHand),
    sold30: quantity(f.sold30),
    sold90: quantity(f.sold90),
    sold365: quantity(f.sold365),
    pickCount365: f.pickCount365,
    lastSale: f.lastSale,
    lastMovement: f.lastMovement,
    averageDailySales: formatScaled(f.averageDailySales, SCALE.averageDailySales),
    daysOfCover: f.daysOfCover === null ? null : formatScaled(f.daysOfCover, SCALE.daysOfCover),
    averageStock365: formatScaled(f.averageStock365, SCALE.averageStock365),
    turnover365: f.turnover365 === null ? null : formatScaled(f.turnover365, SCALE.turnover365),
    class: f.class,
    abc: f.abc,
    toClear: f.toClear,
  };
}
