/** A link to this page with some URL parameters changed (theme, kiosk); a theme needs a new page, as in Grafana. */
export const withParams = (changes: Record<string, string | null>) => {
  const url = new URL(window.location.href);
  for (const [name, value] of Object.entries(changes)) {
    if (value === null) {
      url.searchParams.delete(name);
    } else {
      url.searchParams.set(name, value);
    }
  }
  return `${url.pathname}${url.search}`;
};
