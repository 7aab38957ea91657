"use client";

import { Alert, Anchor, Button, Loader, Stack, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useState } from "react";
import { useErrorWording } from "~/trpc/errors";
import { useTRPC } from "~/trpc/react";
import { TimezoneProvider } from "../../../_components/use-timezone";
import { CampaignWizard } from "./campaign-wizard";
import type { CampaignDto } from "./types";
import { defaultValues, fromCampaign } from "./wizard-values";

/** `/campaigns/new` and `/campaigns/<id>/edit` (drafts only; a launched campaign is frozen). */
export function CampaignWizardPage(props: { timezone: string; isAdmin: boolean; campaignId: string | null }) {
  const t = useTranslations("campaigns");
  return (
    <TimezoneProvider value={props.timezone}>
      <Stack>
        <Anchor component={Link} href="/campaigns" size="sm">
          ← {t("backToList")}
        </Anchor>
        <Title order={2}>{props.campaignId ? t("wizard.editTitle") : t("wizard.newTitle")}</Title>
        {!props.isAdmin ? (
          <Alert color="gray">{t("onlyAdmins")}</Alert>
        ) : props.campaignId ? (
          <EditDraft campaignId={props.campaignId} timeZone={props.timezone} />
        ) : (
          <NewCampaign timeZone={props.timezone} />
        )}
      </Stack>
    </TimezoneProvider>
  );
}

function NewCampaign({ timeZone }: { timeZone: string }) {
  const [initial] = useState(() => defaultValues(timeZone));
  return <CampaignWizard initial={initial} campaignId={null} timeZone={timeZone} />;
}

function EditDraft({ campaignId, timeZone }: { campaignId: string; timeZone: string }) {
  const { messageOf } = useErrorWording();
  const t = useTranslations("campaigns");
  const trpc = useTRPC();
  // Read once: the wizard owns the form from then on.
  const report = useQuery({
    ...trpc.campaigns.report.queryOptions({ campaignId }),
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
  });
  // The draft as first read stays the form's start, even once launching it refetches it as running.
  const [draft, setDraft] = useState<CampaignDto | null>(null);
  if (!draft && report.data?.campaign.status === "draft") setDraft(report.data.campaign);
  if (draft)
    return <CampaignWizard initial={fromCampaign(draft, timeZone)} campaignId={campaignId} timeZone={timeZone} />;
  if (report.error) return <Alert color="red">{messageOf(report.error, t("loadError"))}</Alert>;
  if (!report.data) return <Loader />;
  if (report.data.campaign.status !== "draft")
    return (
      <Alert color="yellow" title={t("wizard.frozenTitle")}>
        <Stack gap="xs" align="flex-start">
          {t("wizard.frozen")}
          <Button component={Link} href={`/campaigns/${campaignId}`} size="xs" variant="light">
            {t("wizard.openCampaign")}
          </Button>
        </Stack>
      </Alert>
    );
  return null;
}
