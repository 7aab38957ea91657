import { AppError } from "../../errors";
import type { SendFailure } from "../provider";
import { failureReason } from "./errors";

/** Network errors raised before the request left this machine: the gateway never saw the send. */
const NOT_CONNECTED_CODES = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH"]);

/**
 * A failed send, read for the outbox. Evolution holds the HTTP request while WhatsApp accepts the
 * message (contract §7.5), so a timeout or a 5xx may hide a message that went out.
 */
export function classifySendFailure(error: unknown): SendFailure {
  if (!(error instanceof AppError)) return "maybe-sent";
  if (error.details?.circuit === "open") return "not-sent";
  switch (failureReason(error)) {
    case "network":
      return NOT_CONNECTED_CODES.has(String(error.details?.networkError)) ? "not-sent" : "maybe-sent";
    case "not-connected":
    case "instance-not-found":
    case "unauthorized":
    case "license-required":
    case "unknown-route":
      return "not-sent";
    case "not-on-whatsapp":
    case "payload-too-large":
    case "rejected":
      return "rejected";
    case "timeout":
    case "server-error":
    case "unexpected-response":
      return "maybe-sent";
    default:
      return "maybe-sent";
  }
}
