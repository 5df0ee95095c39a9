import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { PROVISIONING_DIR } from '@touchpoint/preview/src/server/previewSources';
import { expandGrafanaPostgresMacros } from './grafanaPostgresMacros';

/** Where Grafana reads alerting files from: rules, contact points and policies, in any mix. */
export const ALERTING_DIR = join(PROVISIONING_DIR, 'alerting');

/** The uid of Grafana's server-side expressions (threshold, reduce, math) in a rule's data. */
export const EXPRESSION_DATASOURCE_UID = '__expr__';

const relativeTimeRangeSchema = z.object({
  /** Seconds before the evaluation. */
  from: z.number().int().min(0),
  to: z.number().int().min(0),
});

const ruleQuerySchema = z.object({
  refId: z.string().min(1),
  relativeTimeRange: relativeTimeRangeSchema.optional(),
  datasourceUid: z.string().min(1),
  model: z.looseObject({ refId: z.string().optional() }),
});

const alertRuleSchema = z.object({
  uid: z.string().min(1).max(40),
  title: z.string().min(1),
  condition: z.string().min(1),
  for: z.string().optional(),
  noDataState: z.enum(['NoData', 'Alerting', 'OK', 'KeepLast']).optional(),
  execErrState: z.enum(['Error', 'Alerting', 'OK', 'KeepLast']).optional(),
  labels: z.record(z.string(), z.string()).default({}),
  annotations: z.record(z.string(), z.string()).default({}),
  notification_settings: z.object({ receiver: z.string().min(1) }).optional(),
  data: z.array(ruleQuerySchema).min(1),
});
export type ProvisionedAlertRule = z.infer<typeof alertRuleSchema>;

const ruleGroupSchema = z.object({
  orgId: z.number().int().positive().optional(),
  name: z.string().min(1),
  folder: z.string().min(1),
  interval: z.string().regex(/^\d+[smhd]$/),
  rules: z.array(alertRuleSchema).min(1),
});

const contactPointSchema = z.object({
  orgId: z.number().int().positive().optional(),
  name: z.string().min(1),
  receivers: z
    .array(
      z.object({
        uid: z.string().min(1),
        type: z.string().min(1),
        settings: z.record(z.string(), z.unknown()),
        disableResolveMessage: z.boolean().optional(),
      })
    )
    .min(1),
});

/** One file of Grafana's alerting provisioning (apiVersion 1): any of rule groups, contact points and policies. */
export const alertingFileSchema = z.object({
  apiVersion: z.literal(1),
  groups: z.array(ruleGroupSchema).default([]),
  contactPoints: z.array(contactPointSchema).default([]),
  policies: z.array(z.looseObject({ receiver: z.string().optional() })).default([]),
});
export type AlertingFile = z.infer<typeof alertingFileSchema> & { file: string };

/** Every alerting file Grafana would read, parsed; a file that does not fit says which and where. */
export const readAlertingFiles = (dir: string = ALERTING_DIR): AlertingFile[] =>
  readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => {
      const file = join(dir, name);
      const parsed = alertingFileSchema.safeParse(parse(readFileSync(file, 'utf8')));
      if (!parsed.success) {
        throw new Error(`${file}: ${z.prettifyError(parsed.error)}`, { cause: parsed.error });
      }
      return { ...parsed.data, file };
    });

/** A query of a provisioned alert rule as Grafana sends it at one evaluation: its macros expanded. */
export interface AlertRuleQuery {
  ruleUid: string;
  title: string;
  refId: string;
  datasourceUid: string;
  from: Date;
  to: Date;
  /** The SQL as written in the rule. */
  rawSql: string;
  /** The SQL Grafana's PostgreSQL datasource sends to the server. */
  sql: string;
}

/**
 * The SQL query of every provisioned alert rule (expressions left out), as
 * Grafana's PostgreSQL datasource would send it when the rules are evaluated
 * at `now`: the rule's relative range taken back from `now`, Grafana's
 * macros expanded with the query's intervalMs (1000 unless the model says).
 */
export const alertRuleQueriesAt = (now: Date, dir: string = ALERTING_DIR): AlertRuleQuery[] =>
  readAlertingFiles(dir).flatMap(({ groups }) =>
    groups.flatMap(({ rules }) =>
      rules.flatMap((rule) =>
        rule.data
          .filter((query) => query.datasourceUid !== EXPRESSION_DATASOURCE_UID)
          .map((query) => {
            const model = z
              .looseObject({ rawSql: z.string().min(1), intervalMs: z.number().positive().default(1000) })
              .parse(query.model);
            const range = query.relativeTimeRange;
            if (!range) {
              throw new Error(
                `alert rule ${rule.uid}, query ${query.refId}: no relativeTimeRange, so no range to query`
              );
            }
            const from = new Date(now.getTime() - range.from * 1000);
            const to = new Date(now.getTime() - range.to * 1000);
            return {
              ruleUid: rule.uid,
              title: rule.title,
              refId: query.refId,
              datasourceUid: query.datasourceUid,
              from,
              to,
              rawSql: model.rawSql,
              sql: expandGrafanaPostgresMacros(model.rawSql, { from, to, intervalMs: model.intervalMs, now }),
            };
          })
      )
    )
  );
