"use client";

import { Badge, Tooltip } from "@mantine/core";
import { useTranslations } from "next-intl";
import type { CampaignPause } from "~/shared/schemas/campaigns";
import type { CampaignStatus } from "./types";

const colors: Record<CampaignStatus, string> = {
  draft: "gray",
  scheduled: "blue",
  running: "teal",
  paused: "yellow",
  completed: "green",
  cancelled: "red",
};

/** The status in words; a paused campaign's reason (auto-pause) on hover. */
export function CampaignStatusBadge(props: {
  status: CampaignStatus;
  pause?: CampaignPause | null;
  size?: "sm" | "md" | "lg";
  testId?: string;
}) {
  const t = useTranslations("campaigns.statuses");
  const tPause = useTranslations("campaigns.pause");
  const badge = (
    <Badge
      color={colors[props.status]}
      variant="light"
      size={props.size ?? "sm"}
      data-testid={props.testId}
      data-status={props.status}
    >
      {t(props.status)}
    </Badge>
  );
  if (props.status !== "paused" || !props.pause) return badge;
  return (
    <Tooltip label={tPause(props.pause.reason, props.pause.params)} multiline maw={320} withArrow>
      {badge}
    </Tooltip>
  );
}
