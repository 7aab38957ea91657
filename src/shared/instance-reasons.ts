/**
 * Why a WhatsApp connection closed, as provider-neutral codes (each provider maps its own codes to
 * these); the UI words each as `instances.disconnect.<code>`. `terminal` reasons need a new pairing (no
 * automatic reconnect); the rest the provider or our watchdog reconnects.
 */
export const disconnectReasons = {
  logged_out: { terminal: true },
  account_unavailable: { terminal: true },
  banned: { terminal: true },
  refused: { terminal: true },
  connection_lost: { terminal: false },
  connection_closed: { terminal: false },
  replaced: { terminal: false },
  bad_session: { terminal: false },
  service_unavailable: { terminal: false },
  restart_required: { terminal: false },
  unknown: { terminal: false },
} as const satisfies Record<string, { terminal: boolean }>;

export type DisconnectReason = keyof typeof disconnectReasons;

export function isDisconnectReason(code: string | null | undefined): code is DisconnectReason {
  return typeof code === "string" && Object.hasOwn(disconnectReasons, code);
}

export function isTerminalDisconnect(code: string | null | undefined): boolean {
  return !!code && isDisconnectReason(code) && disconnectReasons[code].terminal;
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
