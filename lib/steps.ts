// Work written as steps (generators that `yield` where the browser may end its task): the reader,
// the container walk, the parse. Node and the tests run them straight through.

/** Runs steps to their end, without giving way. */
export function runSteps<T>(steps: Generator<void, T>): T {
  for (let r = steps.next(); ; r = steps.next()) if (r.done) return r.value;
}
