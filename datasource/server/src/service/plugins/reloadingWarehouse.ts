import fastifyPlugin from 'fastify-plugin';
import { ReloadingWarehouse } from '../reloadingWarehouse';
import type { ServingDatabase } from '../servingDatabase';
import type { ServiceConfig } from '../serviceConfig';

declare module 'fastify' {
  interface FastifyInstance {
    /** The warehouse being served, swapped for each new file loaded onto its path. */
    warehouse: ReloadingWarehouse;
  }
}

export interface ReloadingWarehouseOptions {
  config: Pick<ServiceConfig, 'db' | 'threads' | 'memoryLimit' | 'watchIntervalMs'>;
  /** A new file is served: what was computed from the old one is stale. */
  onSwap: (next: ServingDatabase, previous: ServingDatabase) => void;
}

/**
 * Opens the warehouse file and watches it for the life of the service (see
 * ReloadingWarehouse), logging each swap and each refused file, and closes it
 * when the service closes, after the requests in flight.
 */
export const reloadingWarehouse = fastifyPlugin<ReloadingWarehouseOptions>(
  async (app, { config, onSwap }) => {
    const warehouse = await ReloadingWarehouse.open(
      config.db,
      { threads: config.threads, memoryLimit: config.memoryLimit },
      config.watchIntervalMs,
      {
        swapped: (next, previous) => {
          onSwap(next, previous);
          app.log.info({ dataVersion: next.info.dataVersion, asOf: next.info.asOf }, 'new data loaded');
        },
        failed: (error) => app.log.error({ err: error }, 'looking for a new warehouse file failed; looking again'),
        refused: (problem, error) =>
          app.log.warn(
            { err: error, problem },
            `refused the new warehouse file: ${problem.reason}; still serving the previous data`
          ),
      }
    );
    app.decorate('warehouse', warehouse);
    app.addHook('onClose', () => warehouse.close());
  },
  { name: 'touchpoint-reloading-warehouse' }
);
