import type { SavedReport } from "../../db/generated/client";
import {
  reportFilters,
  type ReportComparison,
  type ReportDefinition,
  type ReportDimension,
  type ReportFormat,
  type ReportMetric,
  type ReportSchedule,
  type SavedReportDto,
} from "../../../shared/schemas/reports";

/** A stored report as the browser sees it (columns hold codes validated when saved). */
export function savedReportDto(row: SavedReport): SavedReportDto {
  return {
    id: row.id,
    name: row.name,
    metrics: row.metrics as ReportMetric[],
    dimension: row.dimension as ReportDimension,
    periodDays: row.periodDays as ReportDefinition["periodDays"],
    filters: reportFilters.parse(row.filters),
    comparison: row.comparison as ReportComparison,
    schedule: {
      frequency: row.scheduleFrequency as ReportSchedule["frequency"],
      time: row.scheduleTime,
      weekday: row.scheduleWeekday,
      monthDay: row.scheduleMonthDay,
      recipients: row.recipients,
      format: row.attachmentFormat as ReportFormat,
    },
    nextRunAt: row.nextRunAt,
    lastSentAt: row.lastSentAt,
    updatedAt: row.updatedAt,
  };
}

/** The columns a definition is stored in. */
export function savedReportColumns(definition: ReportDefinition) {
  const { schedule } = definition;
  return {
    name: definition.name,
    metrics: definition.metrics,
    dimension: definition.dimension,
    periodDays: definition.periodDays,
    filters: definition.filters,
    comparison: definition.comparison ?? "none",
    scheduleFrequency: schedule.frequency,
    scheduleTime: schedule.time,
    scheduleWeekday: schedule.weekday,
    scheduleMonthDay: schedule.monthDay,
    recipients: schedule.recipients,
    attachmentFormat: schedule.format,
  };
}
