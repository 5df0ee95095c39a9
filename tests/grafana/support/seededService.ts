import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTouchpoint } from '../../support/runTouchpoint';
import { startServiceProcess, type ServiceProcess } from '../../support/serviceProcess';

export const SERVICE_TOKEN = 'grafana-test-token';

export interface SeededService {
  db: string;
  service: ServiceProcess;
  stop(): Promise<void>;
}

/** A small seeded warehouse (Jan–Jun 2024) served by `touchpoint serve --token`, as the plugin meets it. */
export const startSeededService = async (): Promise<SeededService> => {
  const dir = mkdtempSync(join(tmpdir(), 'touchpoint-grafana-'));
  const db = join(dir, 'seeded.duckdb');
  const seeded = await runTouchpoint('seed', '--db', db, '--scale', '0.05', '--seed', '11', '--end', '2024-06-30');
  if (seeded.code !== 0) {
    throw new Error(`seed failed: ${seeded.stderr}`);
  }
  const service = await startServiceProcess(db, {}, ['--token', SERVICE_TOKEN]);
  return {
    db,
    service,
    stop: async () => {
      await service.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
};
