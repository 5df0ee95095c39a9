import { createService, type Service } from '@touchpoint/server/src/service/createService';
import type { ServiceConfig } from '@touchpoint/server/src/service/serviceConfig';

const httpUrl = (address: string, family: string, port: number) =>
  `http://${family === 'IPv6' ? `[${address}]` : address}:${port}`;

/** A libpq connection URI without the password, which psql and most tools take as is. */
export const pgUrl = (address: string, family: string, port: number) =>
  `postgresql://touchpoint@${family === 'IPv6' ? `[${address}]` : address}:${port}/touchpoint`;

/**
 * The service listening as configured: the address it really bound ("0.0.0.0"
 * said as such), and one this machine can call it on (loopback when it
 * listens on every interface).
 */
export const listenService = async (
  config: ServiceConfig
): Promise<{ service: Service; url: string; localUrl: string; pgUrl?: string }> => {
  const service = await createService(config);
  await service.app.listen({ host: config.host, port: config.port });
  const bound = service.app.server.address();
  if (typeof bound !== 'object' || bound === null) {
    throw new Error(`the service did not bind a TCP address: ${String(bound)}`);
  }
  const everywhere = bound.address === '0.0.0.0' || bound.address === '::';
  const pg = service.pg?.address();
  return {
    service,
    ...(pg ? { pgUrl: pgUrl(pg.address, pg.family, pg.port) } : {}),
    url: httpUrl(bound.address, bound.family, bound.port),
    localUrl: everywhere
      ? httpUrl(bound.family === 'IPv6' ? '::1' : '127.0.0.1', bound.family, bound.port)
      : httpUrl(bound.address, bound.family, bound.port),
  };
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
