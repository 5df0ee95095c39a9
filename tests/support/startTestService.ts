import { Writable } from 'node:stream';
import { queryResponseSchema, type QueryResponse } from '@touchpoint/contract/src/queryRequest';
import { createService, type Service, type ServiceOptions } from '@touchpoint/server/src/service/createService';
import { serviceConfigSchema, type ServiceConfigInput } from '@touchpoint/server/src/service/serviceConfig';

export interface TestService {
  url: string;
  service: Service;
  /** Every structured log line the service wrote. */
  logs: Array<Record<string, unknown>>;
  query(body: unknown, headers?: Record<string, string>): Promise<Response>;
  /** POST /api/query, expecting it to succeed: each query's result by refId. */
  results(body: unknown): Promise<QueryResponse['results']>;
  close(): Promise<void>;
}

/** The real service on a free loopback port over the given database file. */
export const startTestService = async (
  db: string,
  overrides: Partial<ServiceConfigInput> = {},
  options: Omit<ServiceOptions, 'logStream'> = {}
): Promise<TestService> => {
  const logs: Array<Record<string, unknown>> = [];
  const logStream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) {
        logs.push(JSON.parse(line));
      }
      done();
    },
  });
  const config = serviceConfigSchema.parse({ db, port: 0, watchIntervalMs: 60_000, ...overrides });
  const service = await createService(config, { ...options, logStream });
  const url = await service.app.listen({ host: '127.0.0.1', port: 0 });
  const query = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${url}/api/query`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
  return {
    url,
    service,
    logs,
    query,
    results: async (body) => {
      const response = await query(body);
      if (response.status !== 200) {
        throw new Error(`the service answered ${response.status}: ${await response.text()}`);
      }
      return queryResponseSchema.parse(await response.json()).results;
    },
    close: () => service.close(),
  };
};
