import type { DataFrame } from '@grafana/data';
import { whyMetrics, whyRefId, type WhySide } from '../drill/whyQueries';
import { fieldNamed, frameStamp, metricFieldOf, numberAt, stringAt, type MetricInfo } from './metricField';

/** One value with what it rests on. */
export interface WhyCell {
  value: number | null;
  n: number;
  lowConfidence: boolean;
}

export interface WhyTouchpoint {
  touchpoint: string;
  branch?: WhyCell;
  company?: WhyCell;
}

export interface WhyMetric {
  info: MetricInfo;
  branch?: WhyCell;
  company?: WhyCell;
}

export interface WhyBoard {
  /** The SLI's field info (label, unit, decimals), when its queries answered. */
  sli?: MetricInfo;
  /** The branch's touchpoints, worst gap to the company first; a touchpoint only the company has comes last. */
  touchpoints: WhyTouchpoint[];
  /** The service metrics in the catalog order the step asks them. */
  service: WhyMetric[];
  minN?: number;
}

const cellsOf = (frame: DataFrame | undefined, minN: number | undefined) => {
  const metric = frame ? metricFieldOf(frame) : undefined;
  if (!frame || !metric) {
    return undefined;
  }
  const n = fieldNamed(frame, 'n');
  const low = fieldNamed(frame, 'low_confidence');
  const group = fieldNamed(frame, 'touchpoint');
  const cells = new Map<string, WhyCell>();
  for (let i = 0; i < frame.length; i++) {
    const count = numberAt(n, i) ?? 0;
    cells.set(stringAt(group, i) ?? '', {
      value: numberAt(metric.field, i),
      n: count,
      lowConfidence: low ? low.values[i] === true : minN !== undefined && count < minN,
    });
  }
  return { info: metric.info, cells };
};

/** What a touchpoint costs the branch: how far its SLI is under the company's (unknown gaps last). */
export const sliGap = (row: WhyTouchpoint): number | null => {
  const branch = row.branch?.value ?? null;
  const company = row.company?.value ?? null;
  return branch !== null && company !== null ? branch - company : null;
};

/**
 * The why step's frames (whyQueries: refIds `branch:<metric>` and
 * `company:<metric>`) to the branch against the company: per touchpoint the
 * SLI, and each service metric over the whole range.
 */
export const readWhyBoard = (frames: DataFrame[]): WhyBoard => {
  const { minN } = frameStamp(frames);
  const read = (side: WhySide, metric: string) =>
    cellsOf(
      frames.find((frame) => frame.refId === whyRefId(side, metric)),
      minN
    );
  const branchSli = read('branch', whyMetrics.sli);
  const companySli = read('company', whyMetrics.sli);
  const names = [...new Set([...(branchSli?.cells.keys() ?? []), ...(companySli?.cells.keys() ?? [])])];
  const touchpoints = names
    .map((touchpoint) => ({
      touchpoint,
      branch: branchSli?.cells.get(touchpoint),
      company: companySli?.cells.get(touchpoint),
    }))
    .sort(
      (a, b) =>
        (sliGap(a) ?? Number.POSITIVE_INFINITY) - (sliGap(b) ?? Number.POSITIVE_INFINITY) ||
        a.touchpoint.localeCompare(b.touchpoint)
    );
  const service = whyMetrics.service.flatMap((metric): WhyMetric[] => {
    const branch = read('branch', metric);
    const company = read('company', metric);
    const info = branch?.info ?? company?.info;
    return info ? [{ info, branch: branch?.cells.get(''), company: company?.cells.get('') }] : [];
  });
  return { sli: branchSli?.info ?? companySli?.info, touchpoints, service, minN };
};
