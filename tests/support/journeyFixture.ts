import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Where the journey leaks, by hand (docs/metrics.md): two branches, two
 * touchpoints, eight customers. Churn window 90 days (the default). The data
 * ends with the anonymous kiosk rating at 2024-06-30 12:00, the "as of", so
 * a reference time after 2024-04-01 12:00 has an incomplete window.
 *
 * | customer | branch, segment | ratings (touchpoint, score, at)                              | ended           | counts as |
 * |----------|-----------------|---------------------------------------------------------------|-----------------|-----------|
 * | C1 | B1 retail   | app 4 01-10, app 1 01-20, app 2 02-01; kiosk 5 01-05          | 04-15 10:00     | app: exposed from 01-20, churned (04-15 <= 04-19; from its first rating, 04-09, it would not be); kiosk: other from 01-05, not churned (04-15 > 04-04) |
 * | C2 | B1 retail   | app 2 01-15 10:00                                             | 04-14 10:00     | exposed, churned exactly 90 days later |
 * | C3 | B1 business | app 1 01-15 10:00                                             | 04-14 10:00:01  | exposed, not churned: 90 days and 1 second |
 * | C4 | B1 retail   | app 5 02-01                                                   | 01-01           | other, not churned: ended before the rating |
 * | C5 | B1 retail   | app 4 02-10 (B1), app 5 02-20 (B2)                            | -               | other at both branches; once at the company |
 * | C6 | B2 business | app 1 03-01; kiosk 1 03-02                                    | -               | exposed at both touchpoints, not churned |
 * | C7 | B2 retail   | app 5 06-01                                                   | -               | other, incomplete window |
 * | C8 | B2 business | app NPS 6 03-15 10:00 (a detractor: +2 SLI points, negative)  | 05-01           | exposed, churned |
 * | -  | B1, B2      | kiosk smiley 1 01-07 (B1); app stars 1 04-01 (B2); kiosk smiley 3 06-30 12:00 (B2) | | ratings only: no customer |
 */
const files = {
  'branches.csv': `branch_id,name,region,timezone
B1,Harbour Street,North,
B2,Quay Road,South,
`,
  'customers.csv': `customer_id,branch_id,segment,started_at,ended_at,monthly_revenue
C1,B1,retail,2023-01-01 00:00:00,2024-04-15 10:00:00,10
C2,B1,retail,2023-01-01 00:00:00,2024-04-14 10:00:00,10
C3,B1,business,2023-01-01 00:00:00,2024-04-14 10:00:01,10
C4,B1,retail,2023-01-01 00:00:00,2024-01-01 00:00:00,10
C5,B1,retail,2023-01-01 00:00:00,,10
C6,B2,business,2023-01-01 00:00:00,,10
C7,B2,retail,2023-01-01 00:00:00,,10
C8,B2,business,2023-01-01 00:00:00,2024-05-01 00:00:00,10
`,
  'interactions.csv': `interaction_id,customer_id,branch_id,channel,agent_id,topic,opened_at,first_response_at,resolved_at,handle_seconds
I1,C5,B1,phone,A1,billing,2024-01-02 09:00:00,2024-01-02 09:05:00,2024-01-02 09:30:00,600
`,
  'responses.csv': `response_id,branch_id,customer_id,interaction_id,touchpoint,instrument,score,responded_at,comment
R01,B1,C1,,app,stars_5,4,2024-01-10 10:00:00,
R02,B1,C1,,app,stars_5,1,2024-01-20 10:00:00,
R03,B1,C1,,app,stars_5,2,2024-02-01 10:00:00,
R04,B1,C1,,kiosk,smiley_5,5,2024-01-05 10:00:00,
R05,B1,C2,,app,stars_5,2,2024-01-15 10:00:00,
R06,B1,C3,,app,stars_5,1,2024-01-15 10:00:00,
R07,B1,C4,,app,stars_5,5,2024-02-01 10:00:00,
R08,B1,C5,,app,stars_5,4,2024-02-10 10:00:00,
R09,B2,C5,,app,stars_5,5,2024-02-20 10:00:00,
R10,B2,C6,,app,stars_5,1,2024-03-01 10:00:00,
R11,B2,C6,,kiosk,smiley_5,1,2024-03-02 10:00:00,
R12,B2,C7,,app,stars_5,5,2024-06-01 10:00:00,
R13,B2,C8,,app,nps_11,6,2024-03-15 10:00:00,
R14,B1,,,kiosk,smiley_5,1,2024-01-07 10:00:00,
R15,B2,,,app,stars_5,1,2024-04-01 10:00:00,
R16,B2,,,kiosk,smiley_5,3,2024-06-30 12:00:00,
`,
};

/** Writes the fixture's input files into `dir`, for the real loader. */
export const writeJourneyFixture = (dir: string): string => {
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) {
    writeFileSync(join(dir, name), text);
  }
  return dir;
};
