import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Timings, type Handover } from '../../../server/src/lsp/timings';

const cpu = (ms: number): NodeJS.CpuUsage => ({ user: ms * 1000, system: 0 });

test("an edit's server time ends when its publish was handed to the pipe, not when the write's promise settled", async () => {
  const timings = new Timings();
  const arrival = { at: 1000, queued: 5 };
  const handover: Handover = { at: 1003.5, queued: 6.25, cpu: cpu(12) };
  timings.after(Promise.resolve(), arrival, cpu(10), 1.5, () => handover);
  await new Promise((resolve) => setImmediate(resolve));
  assert.deepEqual(timings.take(), [{ wallMs: 3.5, cpuMs: 2, engineMs: 1.5, queuedMs: 1.25 }]);
  assert.deepEqual(timings.take(), [], 'each figure is handed out once');
});

test('without a noted handover (another transport), the server time runs to when the write settled', async () => {
  const timings = new Timings();
  const before = performance.now();
  let settle: () => void = () => {};
  timings.after(new Promise<void>((resolve) => (settle = resolve)), { at: before, queued: undefined }, process.cpuUsage(), 0.5, () => undefined);
  await new Promise((resolve) => setTimeout(resolve, 20));
  settle();
  await new Promise((resolve) => setImmediate(resolve));
  const [t] = timings.take();
  assert.ok(t && t.wallMs >= 19, `ran to the settling, 20 ms on: ${t?.wallMs}`);
  assert.equal(t.queuedMs, undefined);
});
