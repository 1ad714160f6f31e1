// The one clock of a running Sitroom. With SITROOM_SIM_SPEED > 1 the whole server runs fast (simulated days pass in
// hours), so "today", deadlines and data ages stay consistent with the simulated data. Tests pass their own clock.
export interface Clock { now(): number }

export function speedClock(speed: number, start = Date.now()): Clock {
  if (speed === 1) return { now: () => Date.now() };
  const real0 = Date.now();
  return { now: () => Math.round(start + (Date.now() - real0) * speed) };
}
