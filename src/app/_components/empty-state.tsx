import { Center, Paper, Stack, Text, ThemeIcon, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { IconInbox } from "@tabler/icons-react";
import { getTranslations } from "next-intl/server";

/** What a page shows before it has data: what this is for and what to do next. */
type Section = "instances" | "inbox" | "contacts" | "campaigns" | "ai" | "metrics";

export async function EmptyState({ section, action }: { section: Section; action?: ReactNode }) {
  const t = await getTranslations("empty");
  return (
    <Center mih="60dvh">
      <Paper p="xl" maw={480} withBorder data-testid={`empty-${section}`}>
        <Stack align="center" ta="center">
          <ThemeIcon size={56} radius="xl" variant="light">
            <IconInbox size={30} />
          </ThemeIcon>
          <Title order={3}>{t(`${section}.title`)}</Title>
          <Text c="dimmed">{t(`${section}.body`)}</Text>
          {action}
        </Stack>
      </Paper>
    </Center>
  );
}

/** A section page that has nothing to show yet: its title and its empty state. */
export async function EmptySectionPage({ section }: { section: Section }) {
  const t = await getTranslations("nav");
  return (
    <Stack>
      <Title order={2}>{t(section)}</Title>
      <EmptyState section={section} />
    </Stack>
  );
}
