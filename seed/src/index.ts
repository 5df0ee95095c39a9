/** The synthetic data generator behind `touchpoint seed`. */
export { contractColumns, exportRawTables, rawTables, type ExportFormat, type RawTable } from './exportRawTables';
export { randomSource, type RandomSource } from './randomSource';
export { seedOptionsSchema, todayUtc, type SeedOptions, type SeedOptionsInput } from './seedOptions';
export { planSeed, type SeedPlan } from './seedPlan';
export { seedRawTables, type SeedCounts } from './seedRawTables';
