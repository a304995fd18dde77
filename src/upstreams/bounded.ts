// Requests whose abort signal already fires by a known time (epoch ms). The Clopos client sets one
// deadline signal per call, the smaller of its own timeout and the request's deadline, and marks
// the Requests it sends; the shield's transport then sends them as they are instead of adding a
// timer of its own (`AbortSignal.timeout` + `AbortSignal.any`, and undici's copy of the Request
// that a new signal forces). Anything unmarked keeps the transport's own bound.
const bounds = new WeakMap<Request, number>();

/** `request`'s signal fires no later than `by` (epoch ms). */
export function markBounded(request: Request, by: number): void {
  bounds.set(request, by);
}

/** When `request`'s signal fires at the latest, if its sender said so. */
export function boundOf(request: Request): number | undefined {
  return bounds.get(request);
}
