import { serviceConfigSchema, withEnvironment } from '@touchpoint/server/src/service/serviceConfig';
import type { Command } from '../command';
import { listenService, untilStopped } from '../listenService';
import { parseOptions, readArgs } from '../parseOptions';

const flags = {
  db: { type: 'string' },
  host: { type: 'string' },
  port: { type: 'string' },
  token: { type: 'string' },
  threads: { type: 'string' },
  'memory-limit': { type: 'string' },
  concurrency: { type: 'string' },
  'queue-limit': { type: 'string' },
  'log-level': { type: 'string' },
  'pg-port': { type: 'string' },
  'pg-tls-cert': { type: 'string' },
  'pg-tls-key': { type: 'string' },
} as const;

export const serveCommand: Command = {
  summary: 'serve a warehouse over HTTP to Grafana and analysts (read-only)',
  usage: 'serve --db FILE [--port N] [--host H] [--token T] [--pg-port N [--pg-tls-cert FILE --pg-tls-key FILE]]',
  run: async (argv) => {
    const { values } = readArgs(argv, flags);
    const merged = withEnvironment(values);
    const config = parseOptions(serviceConfigSchema, merged);
    const { service, url, pgUrl } = await listenService(config);
    process.stderr.write(
      `touchpoint serve: ${url} (data ${service.database().info.dataVersion}${config.token ? ', token required' : ''})\n`
    );
    if (pgUrl) {
      process.stderr.write(
        `touchpoint serve: PostgreSQL protocol on ${pgUrl} (${config.token ? 'the token is the password' : 'no token: this machine only'}${config.pgTlsCert ? ', TLS' : ''})\n`
      );
    }
    await untilStopped();
    // Finish the requests in flight, then close the database.
    await service.close();
    return 0;
  },
};
