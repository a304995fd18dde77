import { describe, expect, it } from 'vitest';
import {
  addMoney,
  formatDecimal,
  formatMoney,
  money,
  MoneyError,
  moneyToNumber,
  multiplyMoney,
  percentOf,
  zero,
} from '../../src/domain/money.js';

describe('Money', () => {
  it('adds 1,000 lines of 0.10 to exactly 100.00, where floats drift', () => {
    let floats = 0;
    let total = zero('AZN');
    for (let i = 0; i < 1000; i++) {
      floats += 0.1;
      total = addMoney(total, money('0.10', 'AZN'));
    }
    expect(floats).not.toBe(100); // the drift this module exists to avoid
    expect(formatMoney(total)).toBe('100.00');
    expect(total.minor).toBe(10_000);
  });

  it('multiplies 0.10 by 1,000 and sums 1,000 lines of 0.1 × 3 without drift', () => {
    expect(formatMoney(multiplyMoney(money(0.1, 'AZN'), 1000))).toBe('100.00');
    const lines = Array.from({ length: 1000 }, () => multiplyMoney(money(0.1, 'AZN'), 3));
    expect(formatMoney(addMoney(zero('AZN'), ...lines))).toBe('300.00');
  });

  it('reads JSON numbers through their decimal form: 8.5 is 8.50, 0.1 + 0.2 is not involved', () => {
    expect(formatMoney(money(8.5, 'AZN'))).toBe('8.50');
    expect(formatMoney(money(2.675, 'AZN'))).toBe('2.68'); // 2.675 as a float is 2.67499…; the decimal form is 2.675
    expect(formatMoney(money(1e-7, 'AZN'))).toBe('0.00');
    expect(formatMoney(money('1e3', 'AZN'))).toBe('1000.00');
  });

  it('rounds half away from zero to the minor unit when converting', () => {
    expect(formatMoney(money('8.505', 'AZN'))).toBe('8.51');
    expect(formatMoney(money('8.504', 'AZN'))).toBe('8.50');
    expect(formatMoney(money('-8.505', 'AZN'))).toBe('-8.51');
    expect(formatMoney(money('0.005', 'AZN'))).toBe('0.01');
  });

  it('rounds a product once, half away from zero', () => {
    // 0.15 × 0.5 = 0.075 → 0.08 (one rounding of the exact product)
    expect(formatMoney(multiplyMoney(money('0.15', 'AZN'), '0.5'))).toBe('0.08');
    expect(formatMoney(multiplyMoney(money('-0.15', 'AZN'), 0.5))).toBe('-0.08');
    expect(formatMoney(multiplyMoney(money('3.33', 'AZN'), 3))).toBe('9.99');
  });

  it('takes a percentage exactly and rounds once: 12.5 % of 9.99 is 1.25', () => {
    expect(formatMoney(percentOf(money('9.99', 'AZN'), '12.5'))).toBe('1.25'); // 1.24875
    expect(formatMoney(percentOf(money('10.00', 'AZN'), 5))).toBe('0.50');
  });

  it('gives the same answers on its integer fast paths as on its exact slow ones, signs included', () => {
    expect(formatMoney(money('-0.5', 'AZN'))).toBe('-0.50');
    expect(formatMoney(money(-0, 'AZN'))).toBe('0.00');
    expect(formatMoney(percentOf(money('-10.00', 'AZN'), 5))).toBe('-0.50');
    expect(formatMoney(percentOf(money('0.01', 'AZN'), '50'))).toBe('0.01'); // 0.005 → 0.01
    expect(formatMoney(percentOf(money('0.01', 'AZN'), '49.99'))).toBe('0.00');
    expect(formatMoney(multiplyMoney(money('-1.25', 'AZN'), 3))).toBe('-3.75');
    expect(formatMoney(money('90071992547409.91', 'AZN'))).toBe('90071992547409.91'); // 2^53 − 1 minor units
    expect(() => money('900719925474099.91', 'AZN')).toThrow(MoneyError); // past it: refused, never rounded
  });

  it('formats with the currency’s own number of decimals', () => {
    expect(formatMoney(money('1500', 'JPY'))).toBe('1500');
    expect(formatMoney(money('1.2345', 'KWD'))).toBe('1.235');
    expect(formatMoney(money('0.5', 'USD'))).toBe('0.50');
    expect(moneyToNumber(money('8.50', 'AZN'))).toBe(8.5);
  });

  it('refuses what is not money: bad numbers, unknown currencies, mixed currencies', () => {
    expect(() => money('8,50', 'AZN')).toThrow(MoneyError);
    expect(() => money(Number.NaN, 'AZN')).toThrow(MoneyError);
    expect(() => money('1', 'XXXX')).toThrow(MoneyError);
    expect(() => addMoney(money('1', 'AZN'), money('1', 'USD'))).toThrow(/AZN/);
  });

  it('writes rates and quantities in their shortest form', () => {
    expect(formatDecimal(5)).toBe('5');
    expect(formatDecimal('12.50')).toBe('12.5');
    expect(formatDecimal(0.1)).toBe('0.1');
  });
});
