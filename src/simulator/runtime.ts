/** The pieces every route works with: one running simulator's state, engines and settings. */
import type { ConnectionLifecycle } from "./connection-lifecycle.ts";
import type { SimulatorStore } from "./store.ts";
import type { Timers } from "./timers.ts";
import type { WebhookDispatcher } from "./webhook-dispatcher.ts";
import type { EmitEvent } from "./webhook-events.ts";

export interface Runtime {
  apiKey: string;
  store: SimulatorStore;
  lifecycle: ConnectionLifecycle;
  emit: EmitEvent;
  dispatcher: WebhookDispatcher;
  timers: Timers;
  /** Aborted when the simulator closes: held requests and media downloads give up. */
  closing: AbortSignal;
  /** While true, every non-control request has its connection reset. */
  outage: { down: boolean };
}
