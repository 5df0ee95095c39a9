/** A lognormal duration: its median in seconds and the sigma of its log. */
export interface Duration {
  median: number;
  sigma: number;
}

/** Opening hours in local time, [from, to) in hours; equal bounds mean closed. */
export type Hours = readonly [number, number];

/**
 * How one contact channel behaves. Channel codes in the generator's work
 * tables are indexes into `channels`, names are written only at the end.
 */
export interface Channel {
  name: string;
  /** Weight of the channel for a new issue, per segment (consumer, small_business, enterprise). */
  mix: readonly [number, number, number];
  /** Relative volume Monday..Sunday (max 1); 0 for a closed day. */
  weekdayVolume: readonly [number, number, number, number, number, number, number];
  /** Local opening hours on weekdays, Saturdays and Sundays. */
  hours: readonly [Hours, Hours, Hours];
  /** Wait for the first agent response; null where no agent takes part. */
  firstResponse: Duration | null;
  /** Talk, hold and wrap-up time of the agent; null without an agent. */
  handle: Duration | null;
  /** Time from the agent's work to resolution (follow-up, back office). */
  resolution: Duration;
  /** Share of contacts the system cannot tie to a customer. */
  anonymousShare: number;
}

export const channels: readonly Channel[] = [
  {
    name: 'phone',
    mix: [0.3, 0.34, 0.3],
    weekdayVolume: [1, 0.95, 0.92, 0.9, 0.86, 0.32, 0.12],
    hours: [
      [8, 20],
      [9, 15],
      [10, 16],
    ],
    firstResponse: { median: 75, sigma: 0.9 },
    handle: { median: 360, sigma: 0.5 },
    resolution: { median: 900, sigma: 1.4 },
    anonymousShare: 0,
  },
  {
    name: 'email',
    mix: [0.14, 0.28, 0.45],
    weekdayVolume: [1, 0.97, 0.95, 0.93, 0.88, 0.45, 0.4],
    hours: [
      [0, 24],
      [0, 24],
      [0, 24],
    ],
    firstResponse: { median: 5 * 3600, sigma: 0.9 },
    handle: { median: 420, sigma: 0.6 },
    resolution: { median: 6 * 3600, sigma: 1.2 },
    anonymousShare: 0,
  },
  {
    name: 'chat',
    mix: [0.22, 0.15, 0.1],
    weekdayVolume: [1, 0.97, 0.95, 0.93, 0.9, 0.55, 0.45],
    hours: [
      [7, 22],
      [8, 20],
      [9, 18],
    ],
    firstResponse: { median: 40, sigma: 0.8 },
    handle: { median: 540, sigma: 0.5 },
    resolution: { median: 600, sigma: 1.3 },
    anonymousShare: 0.06,
  },
  {
    name: 'social',
    mix: [0.06, 0.02, 0],
    weekdayVolume: [0.9, 0.9, 0.9, 0.9, 0.95, 1, 0.95],
    hours: [
      [7, 24],
      [8, 24],
      [8, 24],
    ],
    firstResponse: { median: 90 * 60, sigma: 1.0 },
    handle: { median: 300, sigma: 0.6 },
    resolution: { median: 4 * 3600, sigma: 1.3 },
    anonymousShare: 0.25,
  },
  {
    name: 'in_person',
    mix: [0.12, 0.11, 0.05],
    weekdayVolume: [0.95, 0.9, 0.9, 0.92, 1, 0.7, 0],
    hours: [
      [9, 18],
      [9, 14],
      [0, 0],
    ],
    firstResponse: { median: 300, sigma: 0.7 },
    handle: { median: 660, sigma: 0.5 },
    resolution: { median: 300, sigma: 1.5 },
    anonymousShare: 0.08,
  },
  {
    name: 'self_service',
    mix: [0.16, 0.1, 0.1],
    weekdayVolume: [1, 1, 1, 1, 0.95, 0.8, 0.75],
    hours: [
      [0, 24],
      [0, 24],
      [0, 24],
    ],
    firstResponse: null,
    handle: null,
    resolution: { median: 240, sigma: 1.0 },
    anonymousShare: 0,
  },
];

export const channelCode = (name: string): number => {
  const code = channels.findIndex((channel) => channel.name === name);
  if (code < 0) {
    throw new Error(`unknown channel ${name}`);
  }
  return code;
};
