"use client";

import { Switch } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "~/trpc/react";
import type { ContactDetail } from "./types";

/** "Sem IA": the contact's messages stay out of classification (asked by them, or the team's choice). */
export function AiOptOutSwitch(props: { contact: ContactDetail; onSaved: () => Promise<void> }) {
  const t = useTranslations("contacts.aiOptOut");
  const trpc = useTRPC();
  const save = useMutation(trpc.ai.setContactAiOptOut.mutationOptions({ onSuccess: props.onSaved }));
  return (
    <Switch
      label={t("label")}
      description={t("description")}
      checked={props.contact.aiOptOut}
      disabled={save.isPending}
      onChange={(event) => save.mutate({ contactId: props.contact.id, aiOptOut: event.currentTarget.checked })}
      data-testid="contact-ai-opt-out"
    />
  );
}
