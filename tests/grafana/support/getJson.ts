import { get } from 'node:http';

/** GET a JSON document straight from the service (jsdom has no fetch), bypassing the datasource. */
export const getJson = <T = Record<string, unknown>>(url: string): Promise<T> =>
  new Promise((resolve, reject) => {
    get(url, { agent: false }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => resolve(JSON.parse(text) as T));
    }).on('error', reject);
  });
