import { Stack, Tabs, TabsList, TabsPanel, TabsTab, Title } from "@mantine/core";
import { getTranslations } from "next-intl/server";
import { api } from "~/trpc/server";
import { AlertRulesPanel } from "./alert-rules-panel";
import { AuditPanel } from "./audit-panel";
import { BackupsPanel } from "./backups-panel";
import { ContactFieldsPanel } from "./contact-fields-panel";
import { DeadDeliveriesPanel } from "./dead-deliveries-panel";
import { DiagnosticsPanel } from "./diagnostics-panel";
import { ErrorsPanel } from "./errors-panel";
import { FeatureFlagsPanel } from "./feature-flags-panel";
import { LegalPanel } from "./legal/legal-panel";
import { MembersPanel } from "./members-panel";
import { PerformancePanel } from "./performance-panel";
import { OrganizationForm } from "./organization-form";
import { PrivacyPanel } from "./privacy/privacy-panel";
import { QuickRepliesPanel } from "./quick-replies-panel";

export default async function SettingsPage() {
  const [t, { isAdmin }] = await Promise.all([getTranslations("settings"), api.system.me()]);
  return (
    <Stack>
      <Title order={2}>{t("title")}</Title>
      <Tabs defaultValue="organization" keepMounted={false}>
        <TabsList>
          <TabsTab value="organization">{t("organization")}</TabsTab>
          <TabsTab value="members">{t("members")}</TabsTab>
          <TabsTab value="quickReplies">{t("quickReplies.title")}</TabsTab>
          <TabsTab value="contactFields">{t("contactFields.title")}</TabsTab>
          {isAdmin && <TabsTab value="alerts">{t("alerts")}</TabsTab>}
          {isAdmin && <TabsTab value="deadDeliveries">{t("deadDeliveries.title")}</TabsTab>}
          {isAdmin && <TabsTab value="privacy">{t("privacy.title")}</TabsTab>}
          {isAdmin && <TabsTab value="legal">{t("legal.title")}</TabsTab>}
          {isAdmin && <TabsTab value="flags">{t("flags.title")}</TabsTab>}
          {isAdmin && <TabsTab value="audit">{t("audit.title")}</TabsTab>}
          {isAdmin && <TabsTab value="errors">{t("errorTracking.title")}</TabsTab>}
          {isAdmin && <TabsTab value="performance">{t("performance.title")}</TabsTab>}
          {isAdmin && <TabsTab value="backups">{t("backups.title")}</TabsTab>}
          <TabsTab value="diagnostics">{t("diagnostics")}</TabsTab>
        </TabsList>
        <TabsPanel value="organization" pt="md">
          <OrganizationForm />
        </TabsPanel>
        <TabsPanel value="members" pt="md">
          <MembersPanel />
        </TabsPanel>
        <TabsPanel value="quickReplies" pt="md">
          <QuickRepliesPanel />
        </TabsPanel>
        <TabsPanel value="contactFields" pt="md">
          <ContactFieldsPanel />
        </TabsPanel>
        {isAdmin && (
          <TabsPanel value="alerts" pt="md">
            <AlertRulesPanel />
          </TabsPanel>
        )}
        {isAdmin && (
          <TabsPanel value="deadDeliveries" pt="md">
            <DeadDeliveriesPanel />
          </TabsPanel>
        )}
        {isAdmin && (
          <TabsPanel value="privacy" pt="md">
            <PrivacyPanel />
          </TabsPanel>
        )}
        {isAdmin && (
          <TabsPanel value="legal" pt="md">
            <LegalPanel />
          </TabsPanel>
        )}
        {isAdmin && (
          <TabsPanel value="flags" pt="md">
            <FeatureFlagsPanel />
          </TabsPanel>
        )}
        {isAdmin && (
          <TabsPanel value="audit" pt="md">
            <AuditPanel />
          </TabsPanel>
        )}
        {isAdmin && (
          <TabsPanel value="errors" pt="md">
            <ErrorsPanel />
          </TabsPanel>
        )}
        {isAdmin && (
          <TabsPanel value="performance" pt="md">
            <PerformancePanel />
          </TabsPanel>
        )}
        {isAdmin && (
          <TabsPanel value="backups" pt="md">
            <BackupsPanel />
          </TabsPanel>
        )}
        <TabsPanel value="diagnostics" pt="md">
          <DiagnosticsPanel />
        </TabsPanel>
      </Tabs>
    </Stack>
  );
}
