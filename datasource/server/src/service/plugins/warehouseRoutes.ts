import type { FastifyPluginAsync } from 'fastify';
import { drillKinds } from '@touchpoint/contract/src/queryRequest';
import { macroNames } from '@touchpoint/contract/src/macros';
import { servicePaths } from '@touchpoint/contract/src/servicePaths';
import type { QueryRunner } from '../queryRunner';

export interface WarehouseRoutesOptions {
  runner: QueryRunner;
}

/** What is served: health (data version, freshness, load, the watcher's view) and the catalog for editors. */
export const warehouseRoutes: FastifyPluginAsync<WarehouseRoutesOptions> = async (app, { runner }) => {
  const { warehouse } = app;
  app.get(servicePaths.health, async () => {
    const { info } = warehouse.current();
    return {
      status: 'ok',
      service: 'touchpoint',
      dataVersion: info.dataVersion,
      version: info.version,
      mappingVersion: info.mappingVersion,
      asOf: info.asOf,
      firstEventAt: info.firstEventAt,
      loadedAt: info.loadedAt,
      load: { ...runner.load, ...warehouse.watchStatus() },
    };
  });

  app.get(servicePaths.catalog, async () => {
    const database = warehouse.current();
    return {
      dataVersion: database.info.dataVersion,
      metrics: database.catalog,
      dimensions: [...new Set(database.catalog.flatMap((m) => m.dimensions))].sort(),
      tables: database.tables,
      macros: macroNames,
      drills: drillKinds,
    };
  });
};
