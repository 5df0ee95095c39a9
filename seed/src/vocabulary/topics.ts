/**
 * What customers contact us about. Difficulty drives resolution time and
 * repeat contacts; churn weight scales how likely a contact on the topic is
 * to be the moment a customer decides to leave.
 */
export interface Topic {
  name: string;
  share: number;
  difficulty: number;
  churnWeight: number;
}

export const topics: readonly Topic[] = [
  { name: 'billing', share: 0.22, difficulty: 0, churnWeight: 1.1 },
  { name: 'technical_issue', share: 0.2, difficulty: 0.6, churnWeight: 1 },
  { name: 'account_change', share: 0.13, difficulty: -0.3, churnWeight: 0.7 },
  { name: 'order_delivery', share: 0.14, difficulty: 0.2, churnWeight: 0.9 },
  { name: 'product_question', share: 0.17, difficulty: -0.5, churnWeight: 0.5 },
  { name: 'complaint', share: 0.09, difficulty: 0.5, churnWeight: 2 },
  { name: 'cancellation', share: 0.05, difficulty: 0, churnWeight: 12 },
];
