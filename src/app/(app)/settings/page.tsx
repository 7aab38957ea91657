import { Stack, Tabs, TabsList, TabsPanel, TabsTab, Title } from "@mantine/core";
import { getTranslations } from "next-intl/server";
import { DiagnosticsPanel } from "./diagnostics-panel";
import { MembersPanel } from "./members-panel";
import { OrganizationForm } from "./organization-form";

export default async function SettingsPage() {
  const t = await getTranslations("settings");
  return (
    <Stack>
      <Title order={2}>{t("title")}</Title>
      <Tabs defaultValue="organization" keepMounted={false}>
        <TabsList>
          <TabsTab value="organization">{t("organization")}</TabsTab>
          <TabsTab value="members">{t("members")}</TabsTab>
          <TabsTab value="diagnostics">{t("diagnostics")}</TabsTab>
        </TabsList>
        <TabsPanel value="organization" pt="md">
          <OrganizationForm />
        </TabsPanel>
        <TabsPanel value="members" pt="md">
          <MembersPanel />
        </TabsPanel>
        <TabsPanel value="diagnostics" pt="md">
          <DiagnosticsPanel />
        </TabsPanel>
      </Tabs>
    </Stack>
  );
}
