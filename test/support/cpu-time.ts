/**
 * CPU milliseconds this process spent in `fn`. The hardening tests bound work that once took minutes (a quadratic
 * parse, a render of gigabytes) by CPU time, not by the clock: other processes on a busy machine slow the clock's
 * reading, never this one. The bounds are loose guards against going back to minutes, not measurements (those are
 * in `npm run bench`).
 */
export function cpuMillis<T>(fn: () => T): { result: T; millis: number } {
  const started = process.cpuUsage();
  const result = fn();
  const used = process.cpuUsage(started);
  return { result, millis: (used.user + used.system) / 1000 };
}
