/**
 * Regions group branches; each has one IANA time zone, so business hours are
 * local and spread over four UTC offsets (with their own DST switches).
 * Branch names are a city plus a site, like a real branch list; a region
 * holds cities x sites distinct names before a suffix number is needed.
 */
export interface Region {
  name: string;
  timezone: string;
  cities: readonly string[];
}

export const regions: readonly Region[] = [
  {
    name: 'Northeast',
    timezone: 'America/New_York',
    cities: [
      'Boston',
      'New York',
      'Philadelphia',
      'Pittsburgh',
      'Hartford',
      'Providence',
      'Albany',
      'Buffalo',
      'Newark',
      'Baltimore',
      'Worcester',
      'Burlington',
    ],
  },
  {
    name: 'Southeast',
    timezone: 'America/New_York',
    cities: [
      'Atlanta',
      'Miami',
      'Orlando',
      'Tampa',
      'Charlotte',
      'Raleigh',
      'Jacksonville',
      'Savannah',
      'Charleston',
      'Richmond',
      'Columbia',
      'Greenville',
    ],
  },
  {
    name: 'Central',
    timezone: 'America/Chicago',
    cities: [
      'Chicago',
      'Dallas',
      'Houston',
      'Austin',
      'San Antonio',
      'Minneapolis',
      'St. Louis',
      'Kansas City',
      'Milwaukee',
      'Nashville',
      'New Orleans',
      'Omaha',
    ],
  },
  {
    name: 'Mountain',
    timezone: 'America/Denver',
    cities: [
      'Denver',
      'Salt Lake City',
      'Albuquerque',
      'Boise',
      'Colorado Springs',
      'Santa Fe',
      'Cheyenne',
      'Billings',
      'Fort Collins',
      'Provo',
      'Ogden',
      'Rapid City',
    ],
  },
  {
    name: 'Pacific',
    timezone: 'America/Los_Angeles',
    cities: [
      'Seattle',
      'Portland',
      'San Francisco',
      'Los Angeles',
      'San Diego',
      'Sacramento',
      'San José',
      'Oakland',
      'Fresno',
      'Spokane',
      'Tacoma',
      "Coeur d'Alene",
    ],
  },
];

/** Sites within a city; the first branch of a city is its downtown one. */
export const branchSites: readonly string[] = [
  'Downtown',
  'Midtown',
  'North',
  'South',
  'East',
  'West',
  'Riverside',
  'Airport',
  'Mall',
  'University',
  'Harbor',
  'Old Town',
];
