"use client";

import { Chip, CloseButton, Group, SegmentedControl, Select, SimpleGrid, Stack, TextInput } from "@mantine/core";
import { IconSearch } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "~/trpc/react";
import { DateField } from "../../../_components/date-fields";
import { useLabelName } from "../../ai/_components/use-label-name";
import type { ConversationFilters } from "./use-conversation-list";

const ALL = "all";
const statuses = ["open", "pending", "closed", "all"] as const;
/** Half a 340 px list each: a narrower chevron leaves the placeholder ("Todas as instâncias") room. */
const compactSelect = { size: "xs", rightSectionWidth: 24 } as const;

/** Search, then the filters in compact rows; filters do not apply to search results. */
export function ConversationFiltersBar(props: {
  filters: ConversationFilters;
  onChange: (filters: ConversationFilters) => void;
  search: string;
  onSearch: (search: string) => void;
  searching: boolean;
}) {
  const t = useTranslations("inbox");
  const trpc = useTRPC();
  const instances = useQuery(trpc.instances.list.queryOptions());
  const members = useQuery(trpc.members.list.queryOptions());
  const tags = useQuery(trpc.tags.list.queryOptions());
  const aiLabels = useQuery({ ...trpc.ai.labels.queryOptions(), staleTime: 5 * 60_000 });
  const labelName = useLabelName();
  const { filters, onChange } = props;
  const set = <K extends keyof ConversationFilters>(key: K, value: ConversationFilters[K]) =>
    onChange({ ...filters, [key]: value });

  const instanceOptions = (instances.data?.instances ?? []).map((i) => ({ value: i.id, label: i.name }));
  const tagOptions = (tags.data ?? []).map((tag) => ({ value: tag.id, label: tag.name }));
  const aiLabelOptions = (aiLabels.data ?? []).map((label) => ({ value: label, label: labelName(label) }));
  const assigneeOptions = [
    { value: ALL, label: t("filters.assigneeAll") },
    { value: "me", label: t("filters.assigneeMe") },
    { value: "none", label: t("filters.assigneeNone") },
    ...(members.data ?? []).filter((m) => !m.disabled).map((m) => ({ value: m.userId, label: m.name })),
  ];

  return (
    <Stack gap={6} p="xs" style={{ borderBottom: "1px solid var(--mantine-color-default-border)" }}>
      <Group gap={6} wrap="nowrap">
        <TextInput
          style={{ flex: 1 }}
          size="sm"
          type="search"
          placeholder={t("searchPlaceholder")}
          aria-label={t("searchPlaceholder")}
          leftSection={<IconSearch size={16} />}
          value={props.search}
          onChange={(e) => props.onSearch(e.currentTarget.value)}
          onKeyDown={(e) => e.key === "Escape" && props.onSearch("")}
          rightSection={
            props.search && <CloseButton size="sm" aria-label={t("clearSearch")} onClick={() => props.onSearch("")} />
          }
          data-testid="conversation-search"
        />
        <Chip
          size="xs"
          checked={filters.unreadOnly}
          onChange={(checked) => set("unreadOnly", checked)}
          disabled={props.searching}
          data-testid="filter-unread"
        >
          {t("filters.unread")}
        </Chip>
      </Group>
      <SegmentedControl
        size="xs"
        fullWidth
        disabled={props.searching}
        aria-label={t("filters.status")}
        value={filters.status}
        onChange={(status) => set("status", status)}
        data={statuses.map((status) => ({ value: status, label: t(`filters.statuses.${status}`) }))}
        data-testid="filter-status"
      />
      {/* Two per row: four in one row cut their placeholders ("Todas as instâ…") in a 340 px list. */}
      <SimpleGrid cols={2} spacing={6} verticalSpacing={6}>
        <Select
          {...compactSelect}
          aria-label={t("filters.assignee")}
          data={assigneeOptions}
          value={filters.assignee ?? ALL}
          allowDeselect={false}
          searchable
          disabled={props.searching}
          comboboxProps={{ width: 220, position: "bottom-start" }}
          onChange={(value) => set("assignee", value === ALL ? null : value)}
          data-testid="filter-assignee"
        />
        {instanceOptions.length > 1 && (
          <Select
            {...compactSelect}
            aria-label={t("filters.instance")}
            placeholder={t("filters.instanceAll")}
            data={instanceOptions}
            value={filters.instanceId}
            clearable
            disabled={props.searching}
            comboboxProps={{ width: 220, position: "bottom-start" }}
            onChange={(value) => set("instanceId", value)}
            data-testid="filter-instance"
          />
        )}
        {tagOptions.length > 0 && (
          <Select
            {...compactSelect}
            aria-label={t("filters.tag")}
            placeholder={t("filters.tagAll")}
            data={tagOptions}
            value={filters.tagId}
            clearable
            searchable
            disabled={props.searching}
            comboboxProps={{ width: 220, position: "bottom-end" }}
            onChange={(value) => set("tagId", value)}
            data-testid="filter-tag"
          />
        )}
        {aiLabelOptions.length > 0 && (
          <Select
            {...compactSelect}
            aria-label={t("filters.aiLabel")}
            placeholder={t("filters.aiLabelAll")}
            data={aiLabelOptions}
            value={filters.aiLabel}
            clearable
            disabled={props.searching}
            comboboxProps={{ width: 220, position: "bottom-end" }}
            onChange={(value) => set("aiLabel", value)}
            data-testid="filter-ai-label"
          />
        )}
        {(["fromDay", "toDay"] as const).map((key) => (
          <DateField
            key={key}
            size="xs"
            aria-label={t(`filters.${key}`)}
            placeholder={t(`filters.${key}`)}
            value={filters[key] ?? ""}
            disabled={props.searching}
            onChange={(value) => set(key, value || null)}
            data-testid={`filter-${key}`}
          />
        ))}
      </SimpleGrid>
    </Stack>
  );
}
