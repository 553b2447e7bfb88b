/**
 * The availability fields of one request, computed in batches, for the same
 * reason as the prices (priceBatch.ts): one stock load and one read of the
 * viewer, warehouses and settings per batch instead of per field. A sku
 * whose stock cannot be read fails its own field only.
 */
import DataLoader from 'dataloader';
import type { PonteContext } from '../src/graphql/context';
import { computeTurn } from '../src/graphql/workBudget';
import { type Availability, computeAvailability } from '../src/stock/availability';

export type AvailabilityBatch = DataLoader<string, Availability, string>;

export function createAvailabilityBatch(ctx: PonteContext): AvailabilityBatch {
  return new DataLoader<string, Availability, string>(async (skus) => {
    const [viewer, reference, settings, facts] = await Promise.all([
      ctx.viewer(),
      ctx.loaders.reference(),
      ctx.settings(),
      ctx.loaders.stock.loadMany(skus),
    ]);
    const out: Array<Availability | Error> = [];
    for (const held of facts) {
      if (held instanceof Error) {
        out.push(held);
        continue;
      }
      await computeTurn(ctx.erpScope);
      out.push(
        computeAvailability({
          stock: held.stock,
          incoming: held.incoming,
          warehouses: reference.warehouses,
          lowStockThreshold: settings.lowStockThreshold,
          showQuantities: viewer.showQuantities,
        }),
      );
    }
    return out;
  });
}
