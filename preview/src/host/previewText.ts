/** The preview's words and test ids, in one place. */
export const previewText = {
  all: 'All',
  loading: 'Loading the plugins and the dashboard…',
  failed: 'The preview could not start',
  notInPreview: (type: string) =>
    `The preview cannot draw a "${type}" panel: it shows when this dashboard runs in Grafana (docker compose up).`,
  stockOptionsInvalid: (type: string, where: string, problem: string) =>
    `This ${type} panel's options are not what Grafana reads: ${where || 'options'}: ${problem}`,
  theme: (mode: 'light' | 'dark') => (mode === 'dark' ? 'Light theme' : 'Dark theme'),
  kiosk: 'Kiosk (wall screen)',
  dashboards: 'Dashboards',
  range: (from: string, to: string) => `${from} to ${to}`,
  // Grafana's own words for a panel whose data it cannot draw.
  noData: 'No data',
  missingField: (type: 'string' | 'number' | 'time') => `Data is missing a ${type} field`,
  cannotVisualize: 'Cannot visualize data',
} as const;

export const previewTestIds = {
  app: 'touchpoint-preview',
  panel: (id: number) => `touchpoint-preview-panel-${id}`,
  variable: (name: string) => `touchpoint-preview-variable-${name}`,
  error: 'touchpoint-preview-error',
} as const;
