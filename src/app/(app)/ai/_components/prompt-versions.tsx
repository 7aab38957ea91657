"use client";

import { Alert, Badge, Button, Code, Group, Paper, Select, Stack, Table, Text, Textarea, Title } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { promptFeatures, promptVariables, type PromptFeature } from "~/shared/ai-prompts";
import { savePromptDraftInput } from "~/shared/schemas/ai-prompts";
import { useErrorWording } from "~/trpc/errors";
import { useTRPC } from "~/trpc/react";
import type { RouterOutputs } from "~/trpc/types";
import { useFormCheck } from "../../../_components/use-schema-validation";
import { EvaluationResult } from "./evaluation-result";
import { PromptAb } from "./prompt-ab";
import { PromptDiff } from "./prompt-diff";
import { PromptPlayground } from "./prompt-playground";

type Version = RouterOutputs["aiPrompts"]["versions"]["versions"][number];

/** IA → Prompts: a feature's versions, the draft editor, publishing, rollback, diff, playground, A/B, evaluation. */
export function PromptVersions({ currency }: { currency: string }) {
  const t = useTranslations("ai.prompts");
  const tFeature = useTranslations("ai.calls.features");
  const { messageOf } = useErrorWording();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [feature, setFeature] = useState<PromptFeature>("classification");
  const [editing, setEditing] = useState<{ id?: string; body: string } | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const versions = useQuery({
    ...trpc.aiPrompts.versions.queryOptions({ feature }),
    // A queued evaluation finishes in the worker: look again until none is pending.
    refetchInterval: (query) =>
      query.state.data?.versions.some((v) => isPending(v.evaluation)) || isPending(query.state.data?.localEvaluation)
        ? 1500
        : false,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.aiPrompts.pathKey() });
  const save = useMutation(
    trpc.aiPrompts.saveDraft.mutationOptions({
      onSuccess: (saved) => {
        setEditing(null);
        setSelected(saved.id);
        void refresh();
      },
    }),
  );
  const publish = useMutation(trpc.aiPrompts.publish.mutationOptions({ onSuccess: () => void refresh() }));
  const rollback = useMutation(trpc.aiPrompts.rollback.mutationOptions({ onSuccess: () => void refresh() }));
  const evaluate = useMutation(trpc.aiPrompts.evaluate.mutationOptions({ onSuccess: () => void refresh() }));
  const { errors, check } = useFormCheck(savePromptDraftInput, save.error);
  const list = versions.data?.versions ?? [];
  const active = list.filter((v) => v.share > 0);
  const current = list.find((v) => v.id === selected) ?? active[0] ?? null;
  const failure = publish.error ?? rollback.error ?? evaluate.error;
  const classification = feature === "classification";

  function choose(next: PromptFeature) {
    setFeature(next);
    setEditing(null);
    setSelected(null);
  }

  return (
    <Stack data-testid="ai-prompts">
      <Group align="flex-end">
        <Select
          label={t("feature")}
          data={promptFeatures.map((value) => ({ value, label: tFeature(value) }))}
          value={feature}
          onChange={(value) => value && choose(value as PromptFeature)}
          allowDeselect={false}
          data-testid="prompt-feature"
        />
        <Text size="sm" c="dimmed">
          {t("active", { versions: active.map((v) => `v${v.number} (${v.share}%)`).join(" · ") || "—" })}
        </Text>
      </Group>
      {versions.error && <Alert color="red">{messageOf(versions.error, t("loadError"))}</Alert>}
      {failure && <Alert color="red">{messageOf(failure, t("actionError"))}</Alert>}
      <Paper withBorder p="md">
        <Title order={4} mb="xs">
          {t("versions")}
        </Title>
        <Table data-testid="prompt-versions">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("version")}</Table.Th>
              <Table.Th>{t("status")}</Table.Th>
              <Table.Th>{t("share")}</Table.Th>
              {classification && <Table.Th>{t("evaluation.title")}</Table.Th>}
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.map((version) => (
              <Table.Tr
                key={version.id}
                data-version={version.number}
                data-status={version.status}
                data-share={version.share}
                bg={current?.id === version.id ? "var(--mantine-color-default-hover)" : undefined}
              >
                <Table.Td>
                  <Button variant="subtle" size="compact-sm" onClick={() => setSelected(version.id)}>
                    {t("versionNumber", { number: version.number })}
                  </Button>
                </Table.Td>
                <Table.Td>
                  <Badge variant="light" color={version.status === "draft" ? "gray" : "teal"}>
                    {t(`statuses.${version.status}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>{version.share ? `${version.share}%` : "—"}</Table.Td>
                {classification && (
                  <Table.Td>
                    <EvaluationResult run={version.evaluation} />
                  </Table.Td>
                )}
                <Table.Td>
                  <VersionActions
                    version={version}
                    classification={classification}
                    onEdit={() => setEditing({ id: version.id, body: version.body })}
                    onCopy={() => setEditing({ body: version.body })}
                    onPublish={() => publish.mutate({ id: version.id })}
                    onRollback={() => rollback.mutate({ id: version.id })}
                    onEvaluate={() => evaluate.mutate({ promptVersionId: version.id })}
                    busy={publish.isPending || rollback.isPending || evaluate.isPending}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {classification && versions.data && (
          <Group mt="sm" gap="sm" data-testid="prompt-local-evaluation">
            <Text size="sm">{t("evaluation.local")}</Text>
            <EvaluationResult run={versions.data.localEvaluation} />
            <Button
              size="compact-xs"
              variant="light"
              onClick={() => evaluate.mutate({ promptVersionId: null })}
              disabled={!versions.data.evaluationSetSize}
            >
              {t("evaluation.run")}
            </Button>
            <Text size="xs" c="dimmed">
              {t("evaluation.setSize", { count: versions.data.evaluationSetSize })}
            </Text>
          </Group>
        )}
      </Paper>
      {editing && (
        <Paper withBorder p="md" data-testid="prompt-editor">
          <Title order={4}>{editing.id ? t("editor.editTitle") : t("editor.newTitle")}</Title>
          <Text size="xs" c="dimmed" mb="xs">
            {t("editor.variables")}{" "}
            <Code data-prompt-text>{promptVariables[feature].allowed.map((name) => `{{${name}}}`).join(", ")}</Code> ·{" "}
            {t("editor.required")}{" "}
            <Code data-prompt-text>
              {promptVariables[feature].required.map((name) => `{{${name}}}`).join(", ") || "—"}
            </Code>
          </Text>
          <form
            onSubmit={(event) => {
              event.preventDefault();
              check({ feature, id: editing.id, body: editing.body }, (values) => save.mutate(values));
            }}
          >
            <Stack gap="xs">
              <Textarea
                label={t("editor.body")}
                autosize
                minRows={6}
                value={editing.body}
                onChange={(event) => setEditing({ ...editing, body: event.currentTarget.value })}
                error={errors.body}
                data-testid="prompt-body"
                data-prompt-text
              />
              {save.error && !errors.body && <Alert color="red">{messageOf(save.error, t("actionError"))}</Alert>}
              <Group>
                <Button type="submit" size="xs" loading={save.isPending} data-testid="prompt-save">
                  {t("editor.save")}
                </Button>
                <Button size="xs" variant="subtle" onClick={() => setEditing(null)}>
                  {t("editor.cancel")}
                </Button>
              </Group>
            </Stack>
          </form>
        </Paper>
      )}
      {current && (
        <Paper withBorder p="md" data-testid="prompt-current">
          <Title order={5} mb="xs">
            {t("versionNumber", { number: current.number })}
          </Title>
          <Code block style={{ whiteSpace: "pre-wrap" }} data-prompt-text>
            {current.body}
          </Code>
          {active[0] && active[0].id !== current.id && <PromptDiff fromId={active[0].id} toId={current.id} />}
        </Paper>
      )}
      {current && <PromptPlayground version={current} currency={currency} />}
      <PromptAb feature={feature} versions={list} currency={currency} />
    </Stack>
  );
}

function isPending(run: Version["evaluation"] | undefined): boolean {
  return run?.status === "queued" || run?.status === "running";
}

function VersionActions(props: {
  version: Version;
  classification: boolean;
  busy: boolean;
  onEdit: () => void;
  onCopy: () => void;
  onPublish: () => void;
  onRollback: () => void;
  onEvaluate: () => void;
}) {
  const t = useTranslations("ai.prompts");
  const { version } = props;
  return (
    <Group gap={4} justify="flex-end" wrap="nowrap">
      {version.status === "draft" && (
        <Button size="compact-xs" variant="subtle" onClick={props.onEdit}>
          {t("actions.edit")}
        </Button>
      )}
      <Button size="compact-xs" variant="subtle" onClick={props.onCopy} data-testid="prompt-copy">
        {t("actions.copy")}
      </Button>
      {props.classification && (
        <Button size="compact-xs" variant="subtle" onClick={props.onEvaluate} disabled={props.busy}>
          {t("evaluation.run")}
        </Button>
      )}
      {version.status === "draft" && (
        <Button size="compact-xs" onClick={props.onPublish} disabled={props.busy} data-testid="prompt-publish">
          {t("actions.publish")}
        </Button>
      )}
      {version.status === "published" && version.share < 100 && (
        <Button size="compact-xs" variant="light" onClick={props.onRollback} disabled={props.busy}>
          {version.share ? t("actions.keep") : t("actions.rollback")}
        </Button>
      )}
    </Group>
  );
}
