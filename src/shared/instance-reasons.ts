/**
 * WhatsApp (Baileys) disconnect codes Mirage knows; the UI words each as `instances.disconnect.<code>`.
 * `terminal` codes need a new pairing (no automatic reconnect); the rest Evolution or our watchdog
 * reconnects.
 */
export const disconnectReasons: Record<number, { terminal: boolean }> = {
  200: { terminal: false },
  401: { terminal: true },
  402: { terminal: true },
  403: { terminal: true },
  406: { terminal: true },
  408: { terminal: false },
  428: { terminal: false },
  440: { terminal: false },
  500: { terminal: false },
  503: { terminal: false },
  515: { terminal: false },
};

/** Whether the UI has words for this disconnect code (else it shows the bare number). */
export function isKnownDisconnect(code: number | null | undefined): code is number {
  return code !== null && code !== undefined && code in disconnectReasons;
}

export function isTerminalDisconnect(code: number | null | undefined): boolean {
  return code !== null && code !== undefined && disconnectReasons[code]?.terminal === true;
}

/** What a timeline entry says happened, as a code (`instances.timelineDetail.<code>`) with parameters. */
export const instanceEventDetails = [
  "pairing_code_requested",
  "qr_requested",
  "webhook_registered",
  "restarted_by_member",
  "logged_out_by_member",
  "deleted_by_member",
  "gone_from_evolution",
  "open_but_unresponsive",
  "drop_detected",
  "state_synced",
  "reconnect_requested",
  "reconnect_needs_qr",
  "reconnect_failed",
] as const;

export type InstanceEventDetailCode = (typeof instanceEventDetails)[number];

export interface InstanceEventDetail {
  code: InstanceEventDetailCode;
  params?: Record<string, string | number>;
}
