import { describe, expect, it } from "vitest";
import { z } from "../../shared/zod";
import { campaignColumn, campaignColumnValue } from "../domain/campaigns/campaign-settings-schema";
import { customFieldsOf } from "../domain/contacts/custom-field-value";
import { AppError, MASKED_REASON, toPublicError } from "../errors";
import { parseJsonColumn, toJsonColumn } from "./json-column";

const thresholds = z.object({ failureRate: z.number(), minSample: z.number().int() });

function thrown(work: () => unknown): unknown {
  try {
    work();
  } catch (error) {
    return error;
  }
  throw new Error("expected a throw");
}

describe("JSON columns", () => {
  it("reads a stored value through its schema", () => {
    expect(
      parseJsonColumn(thresholds, { failureRate: 0.2, minSample: 20 }, { table: "campaigns", column: "thresholds" }),
    ).toEqual({ failureRate: 0.2, minSample: 20 });
  });

  it("reports stored data that does not match as INTERNAL, naming the row and the paths, masked for clients", () => {
    const error = thrown(() =>
      parseJsonColumn(thresholds, { failureRate: "20%" }, { table: "campaigns", column: "thresholds", id: "c-1" }),
    );
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({
      code: "INTERNAL",
      reason: "internal",
      details: {
        table: "campaigns",
        column: "thresholds",
        id: "c-1",
        issues: [
          { path: "failureRate", code: "invalid_type" },
          { path: "minSample", code: "invalid_type" },
        ],
      },
    });
    expect(toPublicError(error)).toMatchObject({ code: "INTERNAL", status: 500, reason: MASKED_REASON });
  });

  it("checks a value before it is written", () => {
    expect(toJsonColumn(thresholds, { failureRate: 0.1, minSample: 5 })).toEqual({ failureRate: 0.1, minSample: 5 });
    expect(() => toJsonColumn(thresholds, { failureRate: 0.1, minSample: 2.5 })).toThrow();
  });

  it("parses each campaign column with its own schema", () => {
    const row = {
      id: "c-2",
      schedule: {
        startAt: "2026-12-01T12:00:00.000Z",
        weekdays: [1, 2],
        from: "09:00",
        to: "18:00",
        skipHolidays: true,
      },
      variants: [],
    };
    expect(campaignColumn(row, "schedule")).toMatchObject({ from: "09:00", weekdays: [1, 2] });
    // A campaign always has a message: an empty variant list is corrupt, not "nothing to send".
    expect(thrown(() => campaignColumn(row, "variants"))).toMatchObject({
      code: "INTERNAL",
      details: { table: "campaigns", column: "variants", id: "c-2" },
    });
    expect(() => campaignColumnValue("schedule", { ...row.schedule, from: "9h" })).toThrow();
  });

  it("refuses custom field values of a type no field holds", () => {
    expect(customFieldsOf({ id: "ct-1", customFields: { cidade: "Recife", saldo: 10.5 } })).toEqual({
      cidade: "Recife",
      saldo: 10.5,
    });
    expect(thrown(() => customFieldsOf({ id: "ct-1", customFields: { vip: true } }))).toMatchObject({
      code: "INTERNAL",
      details: { table: "contacts", column: "custom_fields", id: "ct-1", issues: [{ path: "vip" }] },
    });
  });
});
