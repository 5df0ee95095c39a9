import fastifyPlugin from 'fastify-plugin';
import { timingSafeEqual } from 'node:crypto';

export interface BearerAuthOptions {
  /** When unset, every route is open (loopback use). */
  token?: string;
  /** Paths that stay open with a token too (health, for load balancers and Grafana's first check). */
  open: readonly string[];
}

const bearer = (header: string | undefined) => (header?.startsWith('Bearer ') ? header.slice(7) : undefined);

/** Compared in constant time, so the answer's timing says nothing about the token. */
const sameSecret = (given: string, expected: string) => {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

/** `Authorization: Bearer <token>` on every route but the open ones; applies to the whole service. */
export const bearerAuth = fastifyPlugin<BearerAuthOptions>(
  async (app, { token, open }) => {
    if (!token) {
      return;
    }
    app.addHook('onRequest', async (request, reply) => {
      if (open.includes(request.url)) {
        return;
      }
      const given = bearer(request.headers.authorization);
      if (!given || !sameSecret(given, token)) {
        await reply
          .code(401)
          .header('www-authenticate', 'Bearer')
          .send({ code: 'unauthorized', message: 'missing or wrong bearer token (Authorization: Bearer <token>)' });
      }
    });
  },
  { name: 'touchpoint-bearer-auth' }
);
