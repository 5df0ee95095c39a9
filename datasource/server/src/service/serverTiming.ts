/**
 * A Server-Timing header (W3C Server Timing) for an answer: the time the
 * service spent on it, from the request's arrival to its body being handed
 * to the socket, and whether it came from the cache. Browsers show it in
 * their network panel; the benchmark reads it to tell the service's time
 * from the client's and the network's.
 */
export const serverTiming = (elapsedMs: number, cached: boolean): string =>
  `service;dur=${elapsedMs.toFixed(3)}, cache;desc=${cached ? 'hit' : 'miss'}`;

/** The service's own milliseconds from a Server-Timing header, or undefined when it has none. */
export const serviceDuration = (header: string | null | undefined): number | undefined => {
  const match = /(?:^|,)\s*service;dur=([\d.]+)/.exec(header ?? '');
  return match ? Number(match[1]) : undefined;
};
