// One id for the whole test run, inherited by every worker: test/build-once.ts builds the extension
// once per run with it.
export default function setup(): void {
  process.env.NIANBAO_RUN_ID ??= `run-${Date.now()}-${process.pid}`;
}
