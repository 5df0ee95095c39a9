const MINUTE = 60;
const HOUR = 3600;
const DAY = 86_400;

/**
 * A span of time as a wall screen says it, at the precision that matters
 * for a call-back: "40 min", "13 h", "4 d 6 h", then whole days from a week
 * on. No value is a dash, never zero.
 */
export const formatDuration = (seconds: number | null): string => {
  if (seconds === null || !Number.isFinite(seconds)) {
    return '–';
  }
  const s = Math.max(0, seconds);
  if (s < HOUR) {
    return `${Math.floor(s / MINUTE)} min`;
  }
  if (s < 2 * DAY) {
    return `${Math.floor(s / HOUR)} h`;
  }
  const days = Math.floor(s / DAY);
  if (days >= 7) {
    return `${days} d`;
  }
  const hours = Math.floor((s - days * DAY) / HOUR);
  return hours === 0 ? `${days} d` : `${days} d ${hours} h`;
};
