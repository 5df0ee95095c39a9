/**
 * Free-text comments, grouped by the sentiment and, for bad contacts, the
 * reason a respondent would give, so a comment never contradicts its score.
 */
export const comments = {
  slow: [
    'Waited far too long for a reply.',
    'Took ages to get hold of anyone.',
    'The response was very slow.',
    'Kept on hold for what felt like forever.',
    'Had to chase them for an answer.',
  ],
  unresolved: [
    'My problem is still not fixed.',
    'Had to contact you again about the same issue.',
    'Nobody seems to own my case.',
    'Third time explaining the same thing.',
    'They closed my ticket but nothing changed.',
  ],
  negative: [
    'Very disappointed with the service.',
    'The agent did not understand my problem.',
    'Not helpful at all.',
    'I am thinking about switching provider.',
    'Rude and unhelpful.',
  ],
  neutral: [
    'It was OK.',
    'Fine, nothing special.',
    'Got there in the end.',
    'Average experience.',
    'Could be quicker, but it worked.',
  ],
  positive: [
    'Quick and friendly help, thank you!',
    'Solved on the first contact.',
    'Very helpful agent.',
    'Great service, as always.',
    'Clear answer, no fuss.',
  ],
  branchNegative: [
    'The queue was too long.',
    'Not enough staff at the counter.',
    'Nobody could answer my question.',
    'Waited 30 minutes to be seen.',
  ],
  branchPositive: [
    'Friendly staff.',
    'Quick visit, thanks!',
    'Clean and well organised branch.',
    'Very helpful team here.',
  ],
  digitalNegative: [
    'The app keeps crashing.',
    'Could not log in.',
    'The website is confusing.',
    'Payment page did not load.',
  ],
  digitalPositive: ['Easy to use.', 'Love the new app.', 'Everything I need in one place.', 'Fast and simple.'],
} as const;
