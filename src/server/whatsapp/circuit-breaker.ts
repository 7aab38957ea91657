import { AppError } from "../errors";
import { logger } from "../logger";
import type { CircuitState } from "./provider";

/** Thrown without calling the gateway while its circuit is open (or its half-open probe is in flight). */
export class CircuitOpenError extends AppError {
  constructor(serverId: string, retryAt: Date) {
    super("UPSTREAM_UNAVAILABLE", "evolutionCircuitOpen", {
      details: { serverId, circuit: "open", retryAt: retryAt.toISOString() },
    });
  }
}

export interface CircuitBreakerOptions {
  /** Consecutive failures that open the circuit. */
  failureThreshold?: number;
  /** How long an open circuit fails fast before letting one probe call through. */
  coolDownMs?: number;
  now?: () => number;
}

interface Circuit {
  consecutiveFailures: number;
  openedAt: number | null;
  lastError: string | null;
  probeInFlight: boolean;
}

/**
 * Only transport-level failures count: the HTTP layer reports unreachable servers, timeouts and 5xx as
 * UPSTREAM_UNAVAILABLE. A 4xx is a business answer from a healthy server, so it counts as a success.
 */
function isTransportFailure(error: unknown): boolean {
  return error instanceof AppError && error.code === "UPSTREAM_UNAVAILABLE";
}

const log = logger.child({ module: "circuit-breaker" });

/**
 * One circuit per gateway server, so a dead server fails fast instead of holding every caller for a
 * full timeout, while the other servers keep working.
 */
export class CircuitBreaker {
  private readonly circuits = new Map<string, Circuit>();
  private readonly failureThreshold: number;
  private readonly coolDownMs: number;
  private readonly now: () => number;

  constructor(options: CircuitBreakerOptions = {}) {
    this.failureThreshold = options.failureThreshold ?? 5;
    this.coolDownMs = options.coolDownMs ?? 30_000;
    this.now = options.now ?? Date.now;
  }

  async run<T>(serverId: string, call: () => Promise<T>): Promise<T> {
    const circuit = this.circuit(serverId);
    const phase = this.phase(circuit);
    const isProbe = phase === "half-open";
    if (phase === "open" || (isProbe && circuit.probeInFlight)) {
      throw new CircuitOpenError(serverId, new Date((circuit.openedAt ?? this.now()) + this.coolDownMs));
    }
    if (isProbe) circuit.probeInFlight = true;
    try {
      const result = await call();
      this.recordSuccess(serverId, circuit);
      return result;
    } catch (error) {
      if (isTransportFailure(error)) this.recordFailure(serverId, circuit, error as AppError, isProbe);
      else this.recordSuccess(serverId, circuit);
      throw error;
    } finally {
      if (isProbe) circuit.probeInFlight = false;
    }
  }

  state(serverId: string): CircuitState {
    const circuit = this.circuit(serverId);
    return {
      state: this.phase(circuit),
      consecutiveFailures: circuit.consecutiveFailures,
      openedAt: circuit.openedAt === null ? null : new Date(circuit.openedAt),
      lastError: circuit.lastError,
    };
  }

  private circuit(serverId: string): Circuit {
    let circuit = this.circuits.get(serverId);
    if (!circuit) {
      circuit = { consecutiveFailures: 0, openedAt: null, lastError: null, probeInFlight: false };
      this.circuits.set(serverId, circuit);
    }
    return circuit;
  }

  /** Half-open is derived from the clock: once the cool-down has passed, the next call is the probe. */
  private phase(circuit: Circuit): CircuitState["state"] {
    if (circuit.openedAt === null) return "closed";
    return this.now() - circuit.openedAt >= this.coolDownMs ? "half-open" : "open";
  }

  private recordSuccess(serverId: string, circuit: Circuit): void {
    if (circuit.openedAt !== null) log.info({ serverId }, "Evolution API circuit closed");
    circuit.consecutiveFailures = 0;
    circuit.openedAt = null;
    circuit.lastError = null;
  }

  private recordFailure(serverId: string, circuit: Circuit, error: AppError, isProbe: boolean): void {
    circuit.consecutiveFailures += 1;
    circuit.lastError = error.message;
    const opens = isProbe || (circuit.openedAt === null && circuit.consecutiveFailures >= this.failureThreshold);
    if (!opens) return;
    circuit.openedAt = this.now();
    log.warn(
      { serverId, consecutiveFailures: circuit.consecutiveFailures, details: error.details },
      "Evolution API circuit opened",
    );
  }
}
