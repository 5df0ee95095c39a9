import { createService, type Service } from '../service/createService';
import type { ServiceConfig } from '../service/serviceConfig';

/** The service listening as configured, and the address it really bound ("0.0.0.0" said as such). */
export const listenService = async (config: ServiceConfig): Promise<{ service: Service; url: string }> => {
  const service = await createService(config);
  await service.app.listen({ host: config.host, port: config.port });
  const bound = service.app.server.address();
  const url = typeof bound === 'object' && bound !== null ? `http://${bound.family === 'IPv6' ? `[${bound.address}]` : bound.address}:${bound.port}` : String(bound);
  return { service, url };
};

/** Resolves on the first SIGINT (Ctrl+C) or SIGTERM (a process manager's stop). */
export const untilStopped = (): Promise<void> =>
  new Promise((resolve) => {
    const stop = () => {
      process.off('SIGTERM', stop);
      process.off('SIGINT', stop);
      resolve();
    };
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
  });
