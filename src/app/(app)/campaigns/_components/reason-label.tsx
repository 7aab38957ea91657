"use client";

import { useTranslations } from "next-intl";
import { isErrorReason } from "~/shared/error-reasons";
import { useErrorWording } from "~/trpc/errors";
import { reasonKey } from "./exclusion-reason";

/** A recipient reason code (exclusion, skip, or a send's error reason) in the person's language. */
export function ReasonLabel({ reason }: { reason: string }) {
  const t = useTranslations("campaigns.reasons");
  const { wordReason } = useErrorWording();
  const key = reasonKey(reason);
  if (key) return <>{t(key)}</>;
  return <>{isErrorReason(reason) ? wordReason(reason) : t("unknown")}</>;
}
