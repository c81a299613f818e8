/**
 * The gateway's time as this screen sees it: its own clock corrected by the offset measured at the last
 * snapshot (connection.clockOffsetMs). Ages, the wall clock and snooze times all go by this, so a screen
 * whose clock is minutes off still shows and asks for the right times (tests/faults/clock-skew.test.ts).
 */
export function gatewayNow(localNow: number, clockOffsetMs: number): number {
  return localNow + clockOffsetMs;
}
