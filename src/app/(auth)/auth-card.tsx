import { Center, Paper, Stack, Text, Title } from "@mantine/core";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { LanguageSwitch } from "../_components/language-switch";

/** The frame of the pages reached without a session: sign-in, invitation and password links. */
export async function AuthCard(props: { title: string; children: ReactNode }) {
  const t = await getTranslations();
  return (
    <Center mih="100dvh" p="md">
      <Paper withBorder shadow="sm" p="xl" w="100%" maw={440}>
        <Stack>
          <div>
            <Title order={2}>{props.title}</Title>
            <Text c="dimmed" size="sm">
              {t("app.tagline")}
            </Text>
          </div>
          {props.children}
          <LanguageSwitch />
        </Stack>
      </Paper>
    </Center>
  );
}
