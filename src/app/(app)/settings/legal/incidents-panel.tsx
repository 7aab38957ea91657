"use client";

import {
  Badge,
  Button,
  Group,
  Modal,
  MultiSelect,
  NumberInput,
  Paper,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { incidentDataCategories, registerIncidentInput } from "~/shared/schemas/legal";
import { useErrorWording } from "~/trpc/errors";
import { useTRPC } from "~/trpc/react";
import { useFormCheck } from "../../../_components/use-schema-validation";

const clockColor = { on_time: "teal", due_soon: "yellow", overdue: "red", notified: "gray" } as const;

/** The incident register (ANPD Res. 15/2024): the 3-business-day clock and the pre-filled notices. */
export function IncidentsPanel() {
  const t = useTranslations("settings.legal");
  const tl = useTranslations("legal");
  const format = useFormatter();
  const { messageOf } = useErrorWording();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const incidents = useQuery(trpc.legal.incidents.list.queryOptions());
  const [registering, setRegistering] = useState(false);
  const [notice, setNotice] = useState<{ incidentId: string; audience: "anpd" | "subjects" } | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.legal.incidents.list.queryKey() });
  const recordNotice = useMutation(
    trpc.legal.incidents.recordNotice.mutationOptions({
      onSuccess: refresh,
      onError: (error) => notifications.show({ color: "red", message: messageOf(error, t("failed")) }),
    }),
  );
  const when = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "short", timeStyle: "short" });
  return (
    <Paper withBorder p="md">
      <Stack>
        <Group justify="space-between">
          <div>
            <Title order={4}>{t("incidents")}</Title>
            <Text size="sm" c="dimmed">
              {t("incidentsIntro")}
            </Text>
          </div>
          <Button onClick={() => setRegistering(true)} data-testid="incident-new">
            {t("registerIncident")}
          </Button>
        </Group>
        {incidents.data?.length === 0 && <Text c="dimmed">{t("noIncidents")}</Text>}
        {!!incidents.data?.length && (
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("detectedAt")}</Table.Th>
                <Table.Th>{t("description")}</Table.Th>
                <Table.Th>{t("noticeDueAt")}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {incidents.data.map((incident) => (
                <Table.Tr key={incident.id}>
                  <Table.Td>{when(incident.detectedAt)}</Table.Td>
                  <Table.Td>
                    <Text size="sm" lineClamp={2}>
                      {incident.description}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {incident.dataCategories.map((c) => tl(`dataCategory.${c}`)).join(", ")} ·{" "}
                      {t("affected", { count: incident.affectedCount })}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge color={clockColor[incident.clock]}>{t(`clock.${incident.clock}`)}</Badge>
                    <Text size="xs">{when(incident.noticeDueAt)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs">
                      <Button
                        size="xs"
                        variant="light"
                        onClick={() => setNotice({ incidentId: incident.id, audience: "anpd" })}
                      >
                        {t("noticeAnpd")}
                      </Button>
                      <Button
                        size="xs"
                        variant="light"
                        onClick={() => setNotice({ incidentId: incident.id, audience: "subjects" })}
                      >
                        {t("noticeSubjects")}
                      </Button>
                      {!incident.anpdNotifiedAt && (
                        <Button
                          size="xs"
                          variant="default"
                          onClick={() => recordNotice.mutate({ incidentId: incident.id, audience: "anpd" })}
                        >
                          {t("markNotified")}
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
      {registering && <RegisterIncidentModal onClose={() => setRegistering(false)} onSaved={refresh} />}
      {notice && <NoticeModal {...notice} onClose={() => setNotice(null)} />}
    </Paper>
  );
}

function NoticeModal(props: { incidentId: string; audience: "anpd" | "subjects"; onClose: () => void }) {
  const t = useTranslations("settings.legal");
  const trpc = useTRPC();
  const notice = useQuery(
    trpc.legal.incidents.notice.queryOptions({ incidentId: props.incidentId, audience: props.audience }),
  );
  return (
    <Modal
      opened
      onClose={props.onClose}
      size="lg"
      title={props.audience === "anpd" ? t("noticeAnpd") : t("noticeSubjects")}
    >
      <Textarea autosize minRows={12} readOnly value={notice.data?.text ?? ""} data-testid="incident-notice" />
    </Modal>
  );
}

function RegisterIncidentModal(props: { onClose: () => void; onSaved: () => Promise<void> }) {
  const t = useTranslations("settings.legal");
  const tl = useTranslations("legal");
  const { messageOf } = useErrorWording();
  const trpc = useTRPC();
  const [description, setDescription] = useState("");
  const [detectedAt, setDetectedAt] = useState(() => new Date().toISOString().slice(0, 16));
  const [dataCategories, setDataCategories] = useState<string[]>([]);
  const [affectedCount, setAffectedCount] = useState<number | string>(0);
  const [measures, setMeasures] = useState("");
  const register = useMutation(
    trpc.legal.incidents.register.mutationOptions({
      onSuccess: async () => {
        await props.onSaved();
        props.onClose();
      },
    }),
  );
  const { errors, check } = useFormCheck(registerIncidentInput, register.error);
  function submit(event: FormEvent) {
    event.preventDefault();
    const detected = new Date(detectedAt);
    check(
      {
        description,
        detectedAt: Number.isNaN(detected.getTime()) ? detectedAt : detected.toISOString(),
        dataCategories: dataCategories as (typeof incidentDataCategories)[number][],
        affectedCount: Number(affectedCount),
        measures,
      },
      (input) => register.mutate(input),
    );
  }
  return (
    <Modal opened onClose={props.onClose} size="lg" title={t("registerIncident")}>
      <form onSubmit={submit} noValidate>
        <Stack>
          {register.error && !Object.keys(errors).length && (
            <Text c="red">{messageOf(register.error, t("failed"))}</Text>
          )}
          <Textarea
            label={t("description")}
            value={description}
            error={errors.description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            data-testid="incident-description"
          />
          <input
            type="datetime-local"
            aria-label={t("detectedAt")}
            value={detectedAt}
            onChange={(e) => setDetectedAt(e.currentTarget.value)}
          />
          {errors.detectedAt && (
            <Text c="red" size="sm">
              {errors.detectedAt}
            </Text>
          )}
          <MultiSelect
            label={t("categories")}
            data={incidentDataCategories.map((value) => ({ value, label: tl(`dataCategory.${value}`) }))}
            value={dataCategories}
            error={errors.dataCategories}
            onChange={setDataCategories}
          />
          <NumberInput
            label={t("affectedCount")}
            min={0}
            value={affectedCount}
            error={errors.affectedCount}
            onChange={setAffectedCount}
          />
          <Textarea
            label={t("measures")}
            value={measures}
            error={errors.measures}
            onChange={(e) => setMeasures(e.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {t("cancel")}
            </Button>
            <Button type="submit" loading={register.isPending} data-testid="incident-save">
              {t("save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
