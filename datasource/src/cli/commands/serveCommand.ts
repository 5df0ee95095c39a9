import { createService } from '../../service/createService';
import { serviceConfigSchema, withEnvironment } from '../../service/serviceConfig';
import type { Command } from '../command';
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
    const service = await createService(config);
    await service.app.listen({ host: config.host, port: config.port });
    // The address really bound, so "0.0.0.0" (every interface) is said as such.
    const bound = service.app.server.address();
    const where = typeof bound === 'object' && bound !== null ? `http://${bound.family === 'IPv6' ? `[${bound.address}]` : bound.address}:${bound.port}` : String(bound);
    process.stderr.write(`touchpoint serve: ${where} (data ${service.database().info.dataVersion}${config.token ? ', token required' : ''})\n`);
    // Finish the requests in flight, then close the database.
    await new Promise<void>((resolve) => {
      const stop = () => {
        process.off('SIGTERM', stop);
        process.off('SIGINT', stop);
        void service.close().then(resolve);
      };
      process.on('SIGTERM', stop);
      process.on('SIGINT', stop);
    });
    return 0;
  },
};
