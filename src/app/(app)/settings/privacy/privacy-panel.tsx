"use client";

import { Divider, Stack } from "@mantine/core";
import { PrivacyRequests } from "./privacy-requests";
import { RetentionPolicies } from "./retention-policies";

/** Configurações → Privacidade (admins). */
export function PrivacyPanel() {
  return (
    <Stack>
      <PrivacyRequests />
      <Divider />
      <RetentionPolicies />
    </Stack>
  );
}
