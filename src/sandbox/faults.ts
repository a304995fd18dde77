// Injected faults: how tests make the sandbox slow, failing, rate limited or broken on purpose.
// The first fault matching a request (method and path prefix) applies, in the order they were added.
import type { Fault } from './contract.js';

export interface ActiveFault extends Fault {
  /** Applications left; Infinity when `times` was not given. */
  left: number;
}

export class FaultRegistry {
  private faults: ActiveFault[] = [];

  add(fault: Fault): void {
    this.faults.push({ ...fault, left: fault.times ?? Infinity });
  }

  clear(): void {
    this.faults = [];
  }

  list(): Fault[] {
    return this.faults.map(({ left: _left, ...fault }) => fault);
  }

  /** Takes one application of the first matching fault, if any. */
  take(method: string, path: string): Fault | undefined {
    if (this.faults.length === 0) return undefined;
    const index = this.faults.findIndex(
      (f) =>
        (f.method === undefined || f.method.toUpperCase() === method) &&
        (f.path === undefined || path === f.path || path.startsWith(f.path.endsWith('/') ? f.path : `${f.path}/`)),
    );
    const fault = this.faults[index];
    if (!fault) return undefined;
    fault.left -= 1;
    if (fault.left <= 0) this.faults.splice(index, 1);
    return fault;
  }
}

/** Checks a fault received over HTTP; returns a message naming the bad field, or undefined. */
export function faultProblem(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return 'fault must be a JSON object';
  const f = value as Record<string, unknown>;
  const checks: Array<[keyof Fault, (v: unknown) => boolean, string]> = [
    ['method', (v) => typeof v === 'string', 'a string'],
    ['path', (v) => typeof v === 'string' && v.startsWith('/'), 'a path starting with "/" (after the base, e.g. "/orders")'],
    ['times', (v) => Number.isInteger(v) && (v as number) > 0, 'a positive integer'],
    ['latencyMs', (v) => typeof v === 'number' && v >= 0 && v <= 120_000, 'a number of milliseconds (0..120000)'],
    ['status', (v) => Number.isInteger(v) && (v as number) >= 100 && (v as number) <= 599, 'an HTTP status (100..599)'],
    ['rateLimitReset', (v) => Number.isInteger(v) && (v as number) >= 0, 'a whole number of seconds'],
    ['resetConnection', (v) => typeof v === 'boolean', 'a boolean'],
    ['malformedJson', (v) => typeof v === 'boolean', 'a boolean'],
    ['afterStore', (v) => typeof v === 'boolean', 'a boolean'],
  ];
  for (const [key, ok, what] of checks) {
    if (f[key] !== undefined && !ok(f[key])) return `${key} must be ${what}`;
  }
  return undefined;
}
