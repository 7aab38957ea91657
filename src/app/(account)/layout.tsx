import { Anchor, Container, Group, Stack, Text } from "@mantine/core";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { LanguageSwitch } from "../_components/language-switch";

/**
 * The account page stands outside the app shell: a member who must first replace a generated password or
 * enrol in a required second factor reaches it before anything else opens to them.
 */
export default async function AccountLayout({ children }: { children: ReactNode }) {
  const t = await getTranslations("account");
  return (
    <Container size="md" py="md">
      <Stack>
        <Group justify="space-between">
          <Group gap="sm">
            <Text fw={700} size="lg">
              Mirage
            </Text>
            <Anchor href="/" size="sm">
              {t("back")}
            </Anchor>
          </Group>
          <LanguageSwitch />
        </Group>
        {children}
      </Stack>
    </Container>
  );
}
