/**
 * Chromium's trace around one action, over CDP: the benchmarks read script evaluations (EvaluateScript, v8.compile)
 * from it, with their wall time and their thread's CPU time, which other jobs on the machine barely change.
 */
import type { CDPSession } from 'playwright-core';

export interface TraceEvent {
  name: string;
  /** Start, µs on the trace's clock. */
  ts: number;
  /** Wall duration, µs. */
  dur?: number;
  /** Thread (CPU) duration, µs. */
  tdur?: number;
  args?: { data?: { url?: string }; fileName?: string };
}

const TRACE_CATEGORIES = ['devtools.timeline', 'v8'];

/** Runs `act` while `session` traces, and returns its result with every event the trace collected. */
export async function traced<T>(session: CDPSession, act: () => Promise<T>): Promise<{ result: T; events: TraceEvent[] }> {
  const events: TraceEvent[] = [];
  const collect = ({ value }: { value: object[] }) => events.push(...(value as TraceEvent[]));
  session.on('Tracing.dataCollected', collect);
  try {
    await session.send('Tracing.start', { traceConfig: { includedCategories: TRACE_CATEGORIES }, transferMode: 'ReportEvents' });
    const result = await act();
    const complete = new Promise((resolve) => session.once('Tracing.tracingComplete', resolve));
    await session.send('Tracing.end');
    await complete;
    return { result, events };
  } finally {
    session.off('Tracing.dataCollected', collect);
  }
}
