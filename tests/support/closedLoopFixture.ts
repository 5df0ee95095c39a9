/**
 * The closed loop by hand (docs/metrics.md, "The closed loop"): ten negative
 * ratings at two branches, the cases they opened, and the ratings that came
 * after. SLA 48 hours and recovery window 90 days (the defaults). The data
 * ends with R23 at 2024-06-04 12:00, the "as of".
 *
 * | rating | branch | customer | rating (at)               | case: opened, first contact, closed           | counts as                                   |
 * |--------|--------|----------|---------------------------|-----------------------------------------------|---------------------------------------------|
 * | R01    | B1     | (none)   | smiley 1, 03-01 09:00     | -                                             | negative, not eligible (anonymous)          |
 * | R02    | B1     | C1       | NPS 6, 03-01 10:00        | F02: 03-01 12:00, +5 h, closed 03-02 09:00    | in SLA (23 h); next rating tie R20/R21: R20 5 -> recovered |
 * | R03    | B1     | C2       | CSAT 2, 03-02 08:00       | F03: 03-02 09:00, +24 h, closed 03-05 08:00   | closed late (72 h); next R22 NPS 3 -> not recovered |
 * | R04    | B1     | C3       | stars 1, 03-03 10:00      | F04: 03-03 11:00, +48 h, never closed          | overdue                                     |
 * | R05    | B1     | C4       | CSAT 2, 03-04 12:00       | -                                             | overdue (no case)                           |
 * | R21    | B1     | C1       | CSAT 1, 03-10 10:00       | -                                             | overdue                                     |
 * | R22    | B1     | C2       | NPS 3, 03-20 10:00        | -                                             | overdue                                     |
 * | R06    | B2     | C5       | NPS 0, 03-05 10:00        | F06: 03-05 10:30, +1 h, closed 03-05 12:00    | in SLA; R24 at the closing instant and R23 after 90 days: not re-rated |
 * | R08    | B2     | C3       | CES 2, 04-01 10:00        | F08: 04-01 11:00, +6 h, closed 04-03 10:00    | in SLA (exactly 48 h); next R25 NPS 7 -> recovered |
 * | R07    | B2     | C1       | CSAT 1, 06-04 02:00       | -                                             | awaiting, not yet overdue (due 06-06 02:00) |
 *
 * Not negative: R09 (NPS 8, a passive, with case F09: outside the loop),
 * R10 (anonymous smiley 3, Neutral), R20 (CSAT 5), R23 and R24 (NPS 10),
 * R25 (NPS 7).
 */
export const closedLoopRatingsSql = `
  insert into raw.branches values ('B1', 'Harbour Street', 'North', null), ('B2', 'Quay Road', 'South', null);
  insert into raw.customers values
    ('C1', 'B1', null, '2023-01-01', null, 10),
    ('C2', 'B1', null, '2023-01-01', null, 10),
    ('C3', 'B1', null, '2023-01-01', null, 10),
    ('C4', 'B1', null, '2023-01-01', null, 10),
    ('C5', 'B2', null, '2023-01-01', null, 10);
  insert into raw.responses values
    -- id, branch, customer, interaction, touchpoint, instrument, score, responded at, comment
    ('R01', 'B1', null, null, 'kiosk', 'smiley_5', 1, '2024-03-01 09:00', 'queue too long'),
    ('R02', 'B1', 'C1', null, 'sms', 'nps_11', 6, '2024-03-01 10:00', null),
    ('R03', 'B1', 'C2', null, 'web', 'csat_5', 2, '2024-03-02 08:00', 'rude on the phone'),
    ('R04', 'B1', 'C3', null, 'app', 'stars_5', 1, '2024-03-03 10:00', 'app keeps crashing'),
    ('R05', 'B1', 'C4', null, 'email', 'csat_5', 2, '2024-03-04 12:00', null),
    ('R06', 'B2', 'C5', null, 'sms', 'nps_11', 0, '2024-03-05 10:00', 'never again'),
    ('R07', 'B2', 'C1', null, 'email', 'csat_5', 1, '2024-06-04 02:00', 'still broken'),
    ('R08', 'B2', 'C3', null, 'email', 'ces_7', 2, '2024-04-01 10:00', null),
    ('R09', 'B1', 'C4', null, 'sms', 'nps_11', 8, '2024-03-06 10:00', null),
    ('R10', 'B1', null, null, 'qr', 'smiley_5', 3, '2024-03-07 10:00', null),
    -- R21 is inserted before R20 at the same instant: the tie goes to the smaller id, not the first row.
    ('R21', 'B1', 'C1', null, 'web', 'csat_5', 1, '2024-03-10 10:00', null),
    ('R20', 'B1', 'C1', null, 'web', 'csat_5', 5, '2024-03-10 10:00', null),
    ('R22', 'B1', 'C2', null, 'sms', 'nps_11', 3, '2024-03-20 10:00', null),
    ('R23', 'B2', 'C5', null, 'sms', 'nps_11', 10, '2024-06-04 12:00', null),
    ('R24', 'B2', 'C5', null, 'sms', 'nps_11', 10, '2024-03-05 12:00', null),
    ('R25', 'B2', 'C3', null, 'sms', 'nps_11', 7, '2024-04-10 10:00', null);
`;

export const closedLoopFollowupsSql = `
  insert into raw.followups values
    -- id, rating, opened, first contact, closed, owner, root cause
    ('F02', 'R02', '2024-03-01 12:00', '2024-03-01 15:00', '2024-03-02 09:00', 'Ann', 'billing'),
    ('F03', 'R03', '2024-03-02 09:00', '2024-03-03 08:00', '2024-03-05 08:00', 'Ben', 'staff'),
    ('F04', 'R04', '2024-03-03 11:00', '2024-03-05 10:00', null, 'Ann', null),
    ('F06', 'R06', '2024-03-05 10:30', '2024-03-05 11:00', '2024-03-05 12:00', 'Cem', 'product'),
    ('F08', 'R08', '2024-04-01 11:00', '2024-04-01 16:00', '2024-04-03 10:00', 'Cem', null),
    ('F09', 'R09', '2024-03-06 12:00', null, '2024-03-07 09:00', 'Ann', null);
`;

/** Ratings and cases. */
export const closedLoopSql = closedLoopRatingsSql + closedLoopFollowupsSql;
