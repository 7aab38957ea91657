import type { MessageParams } from "../../../shared/errors";
import { AppError } from "../../errors";

/**
 * Why a delivery was set aside, as a code the UI words: malformed (never retried) or failed (retried,
 * then set aside). `params.reason` is the error's own reason, worded inside the sentence.
 */
export interface DeliveryProblem {
  code: "deliveryMalformed" | "deliveryFailed";
  params: MessageParams;
}

export function deliveryProblem(code: DeliveryProblem["code"], error: unknown): DeliveryProblem {
  if (error instanceof AppError) return { code, params: { ...error.params, reason: error.reason } };
  // Not an AppError: a bug or an infrastructure failure, detailed in the logs only.
  return { code, params: { reason: "internal" } };
}
