import type { DisconnectReason } from "../provider";

/** Baileys' DisconnectReason codes, as Evolution reports them (`statusReason`, `disconnectionReasonCode`). */
const baileysReasons = new Map<number, DisconnectReason>([
  [401, "logged_out"],
  [402, "account_unavailable"],
  [403, "banned"],
  [406, "refused"],
  [408, "connection_lost"],
  [411, "bad_session"], // multi-device mismatch: the stored session no longer fits
  [428, "connection_closed"],
  [440, "replaced"],
  [500, "bad_session"],
  [503, "service_unavailable"],
  [515, "restart_required"],
]);

/** A Baileys status code in Mirage's terms; 200 ("no disconnect") and absence are null. */
export function disconnectReasonOf(code: number | null | undefined): DisconnectReason | null {
  if (code === null || code === undefined || code === 200) return null;
  return baileysReasons.get(code) ?? "unknown";
}
