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
} as const;

export const serveCommand: Command = {
  summary: 'serve a warehouse over HTTP to Grafana and analysts (read-only)',
  usage: 'serve --db FILE [--port N] [--host H] [--token T]',
  run: async (argv) => {
    const { values } = readArgs(argv, flags);
    const merged = withEnvironment({
      db: values.db,
      host: values.host,
      port: values.port,
      token: values.token,
      threads: values.threads,
      memoryLimit: values['memory-limit'],
      concurrency: values.concurrency,
      queueLimit: values['queue-limit'],
      logLevel: values['log-level'],
    });
    const config = parseOptions(serviceConfigSchema, merged);
    const { service, url } = await listenService(config);
    process.stderr.write(
      `touchpoint serve: ${url} (data ${service.database().info.dataVersion}${config.token ? ', token required' : ''})\n`
    );
    await untilStopped();
    // Finish the requests in flight, then close the database.
    await service.close();
    return 0;
  },
};
