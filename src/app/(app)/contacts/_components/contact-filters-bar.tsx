"use client";

import { Button, CloseButton, Group, MultiSelect, Select, TextInput } from "@mantine/core";
import { IconSearch } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { consentStatuses, type ContactSort } from "~/shared/schemas/contacts";
import { useTRPC } from "~/trpc/react";
import { defaultFilterState, type BlockedChoice, type FilterState, type InteractionChoice } from "./contact-filters";

const ALL = "all";
const interactions: InteractionChoice[] = ["any", "last7", "last30", "older30", "never"];
const sorts: ContactSort[] = ["lastInteraction", "name", "createdAt"];

export function ContactFiltersBar(props: {
  state: FilterState;
  onChange: (state: FilterState) => void;
  search: string;
  onSearch: (search: string) => void;
  filtered: boolean;
}) {
  const t = useTranslations("contacts.filters");
  const tConsent = useTranslations("contacts.consent");
  const trpc = useTRPC();
  const tags = useQuery(trpc.tags.list.queryOptions());
  const instances = useQuery(trpc.instances.list.queryOptions());
  const { state, onChange } = props;
  const set = <K extends keyof FilterState>(key: K, value: FilterState[K]) => onChange({ ...state, [key]: value });
  const instanceOptions = (instances.data?.instances ?? []).map((i) => ({ value: i.id, label: i.name }));

  return (
    <Group gap="xs" align="flex-end" data-testid="contact-filters">
      <TextInput
        style={{ flex: "1 1 240px" }}
        type="search"
        placeholder={t("search")}
        aria-label={t("search")}
        leftSection={<IconSearch size={16} />}
        value={props.search}
        onChange={(e) => props.onSearch(e.currentTarget.value)}
        onKeyDown={(e) => e.key === "Escape" && props.onSearch("")}
        rightSection={
          props.search && <CloseButton size="sm" aria-label={t("clearSearch")} onClick={() => props.onSearch("")} />
        }
        data-testid="contact-search"
      />
      <MultiSelect
        w={200}
        aria-label={t("tags")}
        placeholder={state.tagIds.length ? undefined : t("tagsAll")}
        data={(tags.data ?? []).map((tag) => ({ value: tag.id, label: tag.name }))}
        value={state.tagIds}
        onChange={(tagIds) => set("tagIds", tagIds)}
        searchable
        clearable
        data-testid="filter-tags"
      />
      <Select
        w={190}
        aria-label={t("consent")}
        data={[
          { value: ALL, label: t("consentAll") },
          ...consentStatuses.map((status) => ({ value: status, label: tConsent(status) })),
        ]}
        value={state.consent ?? ALL}
        allowDeselect={false}
        onChange={(value) => set("consent", value === ALL || !value ? null : (value as FilterState["consent"]))}
        data-testid="filter-consent"
      />
      {instanceOptions.length > 0 && (
        <Select
          w={180}
          aria-label={t("instance")}
          placeholder={t("instanceAll")}
          data={instanceOptions}
          value={state.instanceId}
          clearable
          onChange={(value) => set("instanceId", value)}
          data-testid="filter-instance"
        />
      )}
      <Select
        w={190}
        aria-label={t("lastInteraction")}
        data={interactions.map((value) => ({ value, label: t(`interaction.${value}`) }))}
        value={state.interaction}
        allowDeselect={false}
        onChange={(value) =>
          onChange({ ...state, interaction: (value ?? "any") as InteractionChoice, interactionAt: Date.now() })
        }
        data-testid="filter-interaction"
      />
      <Select
        w={190}
        aria-label={t("blocked")}
        data={(["all", "blocked", "notBlocked"] as BlockedChoice[]).map((value) => ({
          value,
          label: t(`blockedChoice.${value}`),
        }))}
        value={state.blocked}
        allowDeselect={false}
        onChange={(value) => set("blocked", (value ?? "all") as BlockedChoice)}
        data-testid="filter-blocked"
      />
      <Select
        w={170}
        aria-label={t("sort")}
        data={sorts.map((value) => ({ value, label: t(`sorts.${value}`) }))}
        value={state.sort}
        allowDeselect={false}
        onChange={(value) => set("sort", (value ?? "lastInteraction") as ContactSort)}
        data-testid="contact-sort"
      />
      {props.filtered && (
        <Button
          variant="subtle"
          onClick={() => {
            props.onSearch("");
            onChange({ ...defaultFilterState, sort: state.sort });
          }}
        >
          {t("clear")}
        </Button>
      )}
    </Group>
  );
}
