// Amounts from the graph (`Money { amount currencyCode }`) added up in minor units, never floats.
export interface Money {
  amount: string;
  currencyCode: string;
}

/** "8.50" → 850 (two decimals, as the graph sends AZN; more decimals are kept exact by scaling). */
export function toMinor(amount: string, digits = 2): number {
  const [whole = '0', fraction = ''] = amount.replace('-', '').split('.');
  const minor = Number(whole) * 10 ** digits + Number((fraction + '0'.repeat(digits)).slice(0, digits));
  return amount.startsWith('-') ? -minor : minor;
}

export const formatMinor = (minor: number, currency: string, digits = 2) =>
  `${(minor / 10 ** digits).toFixed(digits)} ${currency}`;
