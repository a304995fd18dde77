// Money in integer minor units of a currency. Amounts enter as decimal strings (or as the JSON
// numbers a POS sends, read through their shortest decimal form) and leave as decimal strings;
// every sum and product in between is exact integer arithmetic, rounded once where stated.
//
// Rounding rules:
// - Converting an amount with more decimals than the currency has (8.505 AZN) rounds half away
//   from zero to the currency's minor unit (8.51; -8.505 → -8.51), as receipts do.
// - A product (price × quantity, amount × rate) is computed exactly and rounded once, half away
//   from zero, to the minor unit.
// - Sums of Money are exact (no rounding).

/** A decimal number as a string, for example `"8.50"`: the GraphQL `Decimal` scalar. */
export type Decimal = string;

export interface Money {
  /** The amount in the currency's minor units (qəpik, cents), a safe integer. */
  minor: number;
  /** ISO 4217 code, for example `AZN`. */
  currency: string;
}

export class MoneyError extends Error {}

const DECIMAL = /^([+-]?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/;
const digitsCache = new Map<string, number>();

/** How many decimals the currency's minor unit has (AZN 2, JPY 0, KWD 3), from ICU. */
export function minorDigits(currency: string): number {
  let digits = digitsCache.get(currency);
  if (digits === undefined) {
    try {
      digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    } catch {
      throw new MoneyError(`Unknown currency code ${JSON.stringify(currency)}.`);
    }
    digitsCache.set(currency, digits);
  }
  return digits;
}

/** An exact decimal: value = units / 10^scale. */
export interface Exact {
  units: bigint;
  scale: number;
}

/** Parses `"8.5"`, `"-0.10"`, `"1e-7"` or a finite number (through its shortest decimal form). */
export function parseDecimal(value: Decimal | number): Exact {
  const text = typeof value === 'number' ? String(value) : value.trim();
  const match = DECIMAL.exec(text);
  if (!match) throw new MoneyError(`${JSON.stringify(text)} is not a decimal number.`);
  const [, sign, whole, fraction = '', exponent = '0'] = match;
  const exp = Number(exponent);
  let units = BigInt(`${whole}${fraction}`);
  let scale = fraction.length - exp;
  if (scale < 0) {
    units *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return { units: sign === '-' ? -units : units, scale };
}

const abs = (n: bigint) => (n < 0n ? -n : n);

/** units / 10^shift, rounded half away from zero. */
function roundShift(units: bigint, shift: number): bigint {
  if (shift <= 0) return units * 10n ** BigInt(-shift);
  const divisor = 10n ** BigInt(shift);
  const quotient = abs(units) / divisor;
  const rest = abs(units) % divisor;
  const rounded = rest * 2n >= divisor ? quotient + 1n : quotient;
  return units < 0n ? -rounded : rounded;
}

function toSafe(units: bigint): number {
  const n = Number(units);
  if (!Number.isSafeInteger(n)) throw new MoneyError('Amount is too large.');
  return n;
}

// Plain amounts ("8.5", 12, "0.10") with no more decimals than the currency: read with integer
// arithmetic on safe integers (exact), without BigInt, which is the slow part of a list's mapping.
const PLAIN = /^(-?)(\d{1,15})(?:\.(\d{1,4}))?$/;
const POWERS = [1, 10, 100, 1000, 10_000];

/** An amount in a currency, rounded half away from zero to its minor unit. */
export function money(amount: Decimal | number, currency: string): Money {
  const digits = minorDigits(currency);
  const plain = PLAIN.exec(typeof amount === 'number' ? String(amount) : amount);
  if (plain && (plain[3] ?? '').length <= digits && digits < POWERS.length) {
    const [, sign, whole, fraction = ''] = plain;
    const minor = Number(whole) * POWERS[digits]! + Number(fraction.padEnd(digits, '0') || '0');
    if (Number.isSafeInteger(minor)) return { minor: sign && minor !== 0 ? -minor : minor, currency };
  }
  const { units, scale } = parseDecimal(amount);
  return { minor: toSafe(roundShift(units, scale - minorDigits(currency))), currency };
}

export const zero = (currency: string): Money => ({ minor: 0, currency });

/** `"8.50"`: always the currency's number of decimals. */
export function formatMoney({ minor, currency }: Money): Decimal {
  const digits = minorDigits(currency);
  const sign = minor < 0 ? '-' : '';
  const text = String(Math.abs(minor)).padStart(digits + 1, '0');
  return digits === 0 ? `${sign}${text}` : `${sign}${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

/** The amount as a JSON number, for the deprecated Float fields and for POS bodies that take numbers. */
export function moneyToNumber(value: Money): number {
  return Number(formatMoney(value));
}

function sameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) throw new MoneyError(`Cannot add ${a.currency} to ${b.currency}.`);
}

/** Exact sum. */
export function addMoney(first: Money, ...rest: Money[]): Money {
  // Safe integers add exactly while every partial sum stays safe (checked).
  let minor = first.minor;
  for (const next of rest) {
    sameCurrency(first, next);
    minor += next.minor;
    if (!Number.isSafeInteger(minor)) throw new MoneyError('Amount is too large.');
  }
  return { minor, currency: first.currency };
}

export function subtractMoney(a: Money, b: Money): Money {
  sameCurrency(a, b);
  const minor = a.minor - b.minor;
  if (!Number.isSafeInteger(minor)) throw new MoneyError('Amount is too large.');
  return { minor, currency: a.currency };
}

/** |n| / 10^shift rounded half away from zero, on safe integers (exact). */
function roundShiftSafe(n: number, shift: number): number {
  const divisor = POWERS[shift]!;
  const magnitude = Math.abs(n);
  const rest = magnitude % divisor;
  const quotient = (magnitude - rest) / divisor + (rest * 2 >= divisor ? 1 : 0);
  return n < 0 && quotient !== 0 ? -quotient : quotient;
}

/** amount × factor (a quantity), computed exactly and rounded once, half away from zero. */
export function multiplyMoney(value: Money, factor: Decimal | number): Money {
  // A whole quantity: an exact integer product when it stays safe.
  if (typeof factor === 'number' && Number.isSafeInteger(factor)) {
    const minor = value.minor * factor;
    if (Number.isSafeInteger(minor)) return { minor: minor === 0 ? 0 : minor, currency: value.currency };
  }
  const { units, scale } = parseDecimal(factor);
  return { minor: toSafe(roundShift(BigInt(value.minor) * units, scale)), currency: value.currency };
}

/** `rate` percent of the amount (rate `"5"` is 5 %), rounded once, half away from zero. */
export function percentOf(value: Money, rate: Decimal | number): Money {
  // A plain rate ("5", "12.5"): an exact integer product and one rounding, when it stays safe.
  const plain = PLAIN.exec(typeof rate === 'number' ? String(rate) : rate);
  if (plain && (plain[3] ?? '').length <= 2) {
    const [, sign, whole, fraction = ''] = plain;
    const product = value.minor * Number(`${whole}${fraction}`);
    if (Number.isSafeInteger(product)) {
      const minor = roundShiftSafe(sign ? -product : product, fraction.length + 2);
      return { minor: minor === 0 ? 0 : minor, currency: value.currency };
    }
  }
  const { units, scale } = parseDecimal(rate);
  return { minor: toSafe(roundShift(BigInt(value.minor) * units, scale + 2)), currency: value.currency };
}

/** A decimal in its plain shortest form (`"5"`, `"12.5"`), for rates and quantities. */
export function formatDecimal(value: Decimal | number): Decimal {
  // A JSON number without an exponent is already in its shortest form.
  if (typeof value === 'number' && Number.isFinite(value) && !/e/i.test(String(value))) return String(value);
  const { units, scale } = parseDecimal(value);
  if (scale === 0) return units.toString();
  const sign = units < 0n ? '-' : '';
  const text = abs(units).toString().padStart(scale + 1, '0');
  const fraction = text.slice(-scale).replace(/0+$/, '');
  return `${sign}${text.slice(0, -scale)}${fraction ? `.${fraction}` : ''}`;
}
