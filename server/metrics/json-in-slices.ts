/** Array elements encoded between two yields: ~5 ms of JSON.stringify on 2 shared cores. */
export const ELEMENTS_PER_SLICE = 20_000;

/** Elements left to encode before the next yield, shared by a whole encoding. */
export interface SliceBudget {
  left: number;
}

/**
 * The text JSON.stringify gives for plain data (objects, arrays, strings, numbers, booleans, null), built in
 * pieces appended to `out`: it yields once `ELEMENTS_PER_SLICE` array elements have been encoded since the
 * last yield, so a state of a million open tickets is encoded a few milliseconds at a time while a small one
 * does not yield at all. An array's elements are encoded as slices of it (JSON.stringify of a slice is that
 * part of the whole array's text); an undefined property is left out.
 */
export function* jsonInSlices(value: unknown, out: string[], budget: SliceBudget = { left: ELEMENTS_PER_SLICE }): Generator<void, void> {
  if (Array.isArray(value)) {
    out.push('[');
    for (let from = 0; from < value.length; ) {
      const to = Math.min(value.length, from + Math.max(1, budget.left));
      const piece = JSON.stringify(value.slice(from, to));
      out.push(from === 0 ? piece.slice(1, -1) : `,${piece.slice(1, -1)}`);
      budget.left -= to - from;
      from = to;
      if (budget.left <= 0) {
        budget.left = ELEMENTS_PER_SLICE;
        yield;
      }
    }
    out.push(']');
    return;
  }
  if (value === null || typeof value !== 'object') {
    out.push(JSON.stringify(value));
    return;
  }
  out.push('{');
  let first = true;
  for (const [key, member] of Object.entries(value)) {
    if (member === undefined) continue;
    out.push(first ? `${JSON.stringify(key)}:` : `,${JSON.stringify(key)}:`);
    first = false;
    yield* jsonInSlices(member, out, budget);
  }
  out.push('}');
}
