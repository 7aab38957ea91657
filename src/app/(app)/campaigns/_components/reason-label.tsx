"use client";

import { useTranslations } from "next-intl";
import { reasonKey } from "./exclusion-reason";

/** A reason code (or the engine's words) in the person's language; unknown free text as it is. */
export function ReasonLabel({ reason }: { reason: string }) {
  const t = useTranslations("campaigns.reasons");
  const key = reasonKey(reason);
  return <>{key ? t(key) : reason}</>;
}
