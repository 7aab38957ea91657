"use client";

import { Alert, Button, Center, Group, Loader, Paper, Skeleton, Stack, Text, Title } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { IconDownload, IconFileImport, IconPlus } from "@tabler/icons-react";
import { useTranslations } from "next-intl";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { useErrorWording } from "~/trpc/errors";
import { useMyRole } from "../../../_components/use-my-role";
import { ContactDrawer } from "./contact-drawer";
import { defaultFilterState, exportUrl, isFiltered, toContactFilter, type FilterState } from "./contact-filters";
import { ContactFiltersBar } from "./contact-filters-bar";
import { ContactTable } from "./contact-table";
import { ImportWizard } from "./import/import-wizard";
import { NewContactModal } from "./new-contact-modal";
import { useContactList } from "./use-contact-list";
import { useSentinel } from "./use-sentinel";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The contact base: search, filters, an endless list, import and export. The open contact lives in
 * the URL (`/contacts?id=<id>`) so reload and links work.
 */
export function ContactsView(props: { timeZone: string; hasContacts: boolean; emptyState: ReactNode }) {
  const { messageOf } = useErrorWording();
  const t = useTranslations("contacts");
  const router = useRouter();
  const pathname = usePathname();
  const param = useSearchParams().get("id");
  const openId = param && UUID.test(param) ? param.toLowerCase() : null;
  const { isAdmin } = useMyRole();
  const [state, setState] = useState<FilterState>(defaultFilterState);
  const [search, setSearch] = useState("");
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const filter = toContactFilter(state, debounced);
  const list = useContactList(filter, state.sort);
  const [importing, setImporting] = useState(false);
  const [adding, setAdding] = useState(false);
  const hasContacts = props.hasContacts || !!list.items?.length || isFiltered(state, debounced);

  const sentinel = useRef<HTMLDivElement>(null);
  const nearEnd = useSentinel(sentinel, !!list.hasNextPage && !list.isFetchingNextPage);
  const { fetchNextPage } = list;
  useEffect(() => {
    if (nearEnd) void fetchNextPage();
  }, [nearEnd, fetchNextPage]);

  const open = (id: string | null) => router.push(id ? `${pathname}?id=${id}` : pathname, { scroll: false });

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>{t("title")}</Title>
          {list.count !== undefined && hasContacts && (
            <Text size="sm" c="dimmed" data-testid="contact-count">
              {t("count", { count: list.count })}
            </Text>
          )}
        </div>
        <Group gap="xs">
          <Button variant="default" leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>
            {t("add")}
          </Button>
          {isAdmin && (
            <Button
              leftSection={<IconFileImport size={16} />}
              onClick={() => setImporting(true)}
              data-testid="import-button"
            >
              {t("import.button")}
            </Button>
          )}
          {hasContacts && (
            <Button
              component="a"
              href={exportUrl(filter)}
              download
              variant="default"
              leftSection={<IconDownload size={16} />}
              data-testid="export-button"
            >
              {t("export")}
            </Button>
          )}
        </Group>
      </Group>

      {!hasContacts ? (
        props.emptyState
      ) : (
        <>
          <ContactFiltersBar
            state={state}
            onChange={setState}
            search={search}
            onSearch={setSearch}
            filtered={isFiltered(state, search.trim())}
          />
          <Paper withBorder>
            {list.error ? (
              <Alert color="red" m="sm">
                {messageOf(list.error, t("loadError"))}
              </Alert>
            ) : list.isPending ? (
              <Stack gap="sm" p="sm" aria-busy="true">
                {Array.from({ length: 8 }, (_, i) => (
                  <Skeleton key={i} height={36} />
                ))}
              </Stack>
            ) : list.items?.length === 0 ? (
              <Text c="dimmed" ta="center" p="xl" data-testid="contact-list-empty">
                {t("noMatches")}
              </Text>
            ) : (
              <ContactTable items={list.items ?? []} timeZone={props.timeZone} onOpen={open} />
            )}
            <div ref={sentinel} />
            {list.isFetchingNextPage && (
              <Center p="sm">
                <Loader size="sm" />
              </Center>
            )}
          </Paper>
        </>
      )}

      {openId && <ContactDrawer contactId={openId} timeZone={props.timeZone} onClose={() => open(null)} />}
      {importing && <ImportWizard onClose={() => setImporting(false)} />}
      {adding && (
        <NewContactModal
          onClose={() => setAdding(false)}
          onCreated={(id) => {
            setAdding(false);
            open(id);
          }}
        />
      )}
    </Stack>
  );
}
