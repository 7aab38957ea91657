"use client";

import { useTranslations } from "next-intl";

/** Words a label code; an organization's own codes (not translated yet) show as they are. */
export function useLabelName(): (label: string | null) => string {
  const t = useTranslations("ai.labels");
  return (label) => (label === null ? t("none") : t.has(label) ? t(label) : label);
}
