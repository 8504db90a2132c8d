/**
 * Main-thread work from a Chromium trace: the CPU time of the page's renderer main thread in the tasks that ran
 * between two points, clipped to them. CPU time (the trace's thread duration), not wall time: on a shared machine a
 * task the OS pauses lasts longer without being more work. Lighter than it sounds: only the `toplevel` (tasks),
 * `devtools.timeline` (events) and `blink.user_timing` (performance marks) categories are recorded.
 */
export const TRACE_CATEGORIES = ['toplevel', 'devtools.timeline', 'blink.user_timing'];

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time of the event, µs. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { type?: string } };
}

export interface Span {
  /** Start and end in µs of the trace clock. */
  start: number;
  end: number;
}

export interface Task extends Span {
  /** CPU time, µs (the wall time where the trace has none). */
  cpu: number;
}

export interface MainThreadTrace {
  /** Top-level tasks of the main thread that set `mark`. */
  tasks: Task[];
  /** Trace times (µs) of every `performance.mark(mark)`. */
  marks(name: string): number[];
  /** Start (µs) of the tasks that dispatched each event of this DOM type. */
  events(type: string): number[];
}

export function readTrace(buffer: Buffer, mark: string): MainThreadTrace {
  const parsed = JSON.parse(buffer.toString('utf8')) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  const all = Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
  const key = (e: TraceEvent) => `${e.pid}:${e.tid}`;
  const mains = new Set(all.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map(key));
  const marked = all.find((e) => e.name === mark && mains.has(key(e)));
  if (!marked) throw new Error(`no "${mark}" mark in the trace`);
  const thread = key(marked);
  const mine = all.filter((e) => key(e) === thread);
  const runs = mine
    .filter((e) => e.ph === 'X' && (e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask') && e.dur !== undefined)
    .map((e) => ({ start: e.ts, end: e.ts + e.dur!, cpu: e.tdur ?? e.dur! }))
    .sort((a, b) => a.start - b.start || b.end - a.end);
  // Top-level only: a task nested in another (a nested run loop) is already counted in it.
  const tasks: Task[] = [];
  for (const t of runs) if (!tasks.length || t.start >= tasks[tasks.length - 1].end) tasks.push(t);
  const taskStart = (ts: number) => tasks.find((t) => t.start <= ts && ts < t.end)?.start ?? ts;
  return {
    tasks,
    marks: (name) =>
      mine
        .filter((e) => e.name === name)
        .map((e) => e.ts)
        .sort((a, b) => a - b),
    events: (type) =>
      mine
        .filter((e) => e.name === 'EventDispatch' && e.ph === 'X' && e.args?.data?.type === type)
        .map((e) => taskStart(e.ts))
        .sort((a, b) => a - b),
  };
}

/** Milliseconds of main-thread CPU time in the tasks within `span`; a task cut by its ends counts pro rata. */
export function busyMillis(trace: MainThreadTrace, span: Span): number {
  let us = 0;
  for (const t of trace.tasks) {
    if (t.end <= span.start) continue;
    if (t.start >= span.end) break;
    const wall = t.end - t.start;
    const inside = Math.min(t.end, span.end) - Math.max(t.start, span.start);
    us += wall > 0 ? (t.cpu * inside) / wall : 0;
  }
  return us / 1000;
}
