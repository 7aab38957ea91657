const BASE_DELAY_MS = 15_000;

/**
 * Delay before reconnect attempt `attempt` (1-based): 15 s doubling per attempt, capped, ±20 % jitter
 * so many instances dropped together do not reconnect in lockstep.
 */
export function reconnectDelayMs(attempt: number, maxDelayMs: number, random: () => number = Math.random): number {
  const nominal = Math.min(maxDelayMs, BASE_DELAY_MS * 2 ** Math.max(0, attempt - 1));
  return Math.round(nominal * (0.8 + 0.4 * random()));
}
