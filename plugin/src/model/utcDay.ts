/** The UTC calendar day of an instant: the service buckets and drills by UTC day. */
export const utcDay = (time: number): string => new Date(time).toISOString().slice(0, 10);
