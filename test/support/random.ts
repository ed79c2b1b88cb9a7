// Seeded draws for the tests that pin a fast path to the code it replaces over generated inputs: the same draws
// on every run. A 32-bit LCG in integer arithmetic (a float product past 2^53 loses its low bits and skews the
// draws), its high bits used.
export function seededDraws(seed: number): (n: number) => number {
  let state = seed >>> 0;
  return (n) => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) >>> 8) % n;
}
