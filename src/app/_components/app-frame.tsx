"use client";

import {
  ActionIcon,
  AppShell,
  Badge,
  Burger,
  Group,
  NavLink,
  Select,
  Stack,
  Text,
  Tooltip,
  useMantineColorScheme,
} from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import {
  IconAddressBook,
  IconChartBar,
  IconDeviceMobile,
  IconLogout,
  IconMessages,
  IconMoon,
  IconSettings,
  IconSparkles,
  IconSpeakerphone,
  IconSun,
  IconUserCircle,
} from "@tabler/icons-react";
import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import type { ReactNode } from "react";
import { AlertBell } from "./alert-bell";
import { LanguageSwitch } from "./language-switch";
import { useRealtimeStatus } from "./realtime-provider";
import { switchOrganization } from "./switch-organization";

const navigation = [
  { href: "/instances", key: "instances", icon: IconDeviceMobile },
  { href: "/inbox", key: "inbox", icon: IconMessages },
  { href: "/contacts", key: "contacts", icon: IconAddressBook },
  { href: "/campaigns", key: "campaigns", icon: IconSpeakerphone },
  { href: "/ai", key: "ai", icon: IconSparkles },
  { href: "/metrics", key: "metrics", icon: IconChartBar },
  { href: "/settings", key: "settings", icon: IconSettings },
] as const;

export function AppFrame(props: {
  organizationName: string;
  organizationId: string;
  /** Every organization the person belongs to: with more than one, the header offers a switch. */
  organizations: { id: string; name: string }[];
  role: string;
  children: ReactNode;
}) {
  const t = useTranslations();
  const router = useRouter();
  const pathname = usePathname();
  const [opened, { toggle, close }] = useDisclosure();
  const { colorScheme, setColorScheme } = useMantineColorScheme();
  const connected = useRealtimeStatus();
  const dark = colorScheme === "dark";

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 240, breakpoint: "sm", collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t("shell.toggleNavigation")}
            />
            <Text fw={700} size="lg">
              Mirage
            </Text>
            {props.organizations.length > 1 ? (
              <Select
                size="xs"
                w={200}
                visibleFrom="xs"
                aria-label={t("shell.organizationSwitch")}
                data-testid="organization-switch"
                data={props.organizations.map((o) => ({ value: o.id, label: o.name }))}
                value={props.organizationId}
                allowDeselect={false}
                onChange={(id) => {
                  if (!id || id === props.organizationId) return;
                  void switchOrganization(id).then(() => {
                    router.replace("/");
                    router.refresh();
                  });
                }}
              />
            ) : (
              <Text c="dimmed" size="sm" visibleFrom="xs" truncate data-testid="organization-name">
                {props.organizationName}
              </Text>
            )}
          </Group>
          <Group gap="xs" wrap="nowrap">
            <Badge variant="dot" color={connected ? "teal" : "gray"} visibleFrom="xs" data-testid="realtime-status">
              {connected ? t("shell.live") : t("shell.offline")}
            </Badge>
            <AlertBell />
            <Tooltip label={dark ? t("shell.light") : t("shell.dark")}>
              <ActionIcon
                variant="default"
                size="lg"
                aria-label={t("shell.colorScheme")}
                onClick={() => setColorScheme(dark ? "light" : "dark")}
              >
                {dark ? <IconSun size={18} /> : <IconMoon size={18} />}
              </ActionIcon>
            </Tooltip>
            <Tooltip label={t("shell.account")}>
              <ActionIcon
                component={Link}
                href="/account"
                variant="default"
                size="lg"
                aria-label={t("shell.account")}
                data-testid="account-link"
              >
                <IconUserCircle size={18} />
              </ActionIcon>
            </Tooltip>
            <Tooltip label={t("shell.signOut")}>
              <ActionIcon
                variant="default"
                size="lg"
                aria-label={t("shell.signOut")}
                data-testid="sign-out"
                onClick={() => void signOut({ callbackUrl: "/sign-in" })}
              >
                <IconLogout size={18} />
              </ActionIcon>
            </Tooltip>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm">
        <Stack justify="space-between" h="100%">
          <nav aria-label="Mirage">
            {navigation.map((item) => (
              <NavLink
                key={item.href}
                component={Link}
                href={item.href}
                label={t(`nav.${item.key}`)}
                leftSection={<item.icon size={18} />}
                active={pathname.startsWith(item.href)}
                onClick={close}
              />
            ))}
          </nav>
          <LanguageSwitch />
        </Stack>
      </AppShell.Navbar>
      <AppShell.Main>{props.children}</AppShell.Main>
    </AppShell>
  );
}
