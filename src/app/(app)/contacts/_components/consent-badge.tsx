"use client";

import { Badge } from "@mantine/core";
import { useTranslations } from "next-intl";
import type { ConsentStatusValue } from "~/shared/schemas/contacts";

const colors: Record<ConsentStatusValue, string> = { opted_in: "teal", opted_out: "red", unknown: "gray" };

export function ConsentBadge({ status, size = "sm" }: { status: ConsentStatusValue; size?: "xs" | "sm" | "md" }) {
  const t = useTranslations("contacts.consent");
  return (
    <Badge color={colors[status]} variant="light" size={size} data-testid="consent-badge" data-consent={status}>
      {t(status)}
    </Badge>
  );
}
