import { describe, expect, it } from "vitest";
import { errorFromFailedAck, errorFromStatus, evolutionMessages, transportError } from "./errors";

const request = { method: "POST", path: "/message/sendText/acme" };

describe("evolutionMessages", () => {
  it("flattens the nested arrays of schema validation errors", () => {
    const body = { status: 400, error: "Bad Request", response: { message: [['instance requires property "text"']] } };
    expect(evolutionMessages(body)).toEqual(['instance requires property "text"']);
  });

  it("reads the plain string message of a 401", () => {
    const body = { status: 401, error: "Unauthorized", response: { message: "Unauthorized" } };
    expect(evolutionMessages(body)).toEqual(["Unauthorized"]);
  });

  it("reads whatsappNumbers' raw exception, which has no `response` wrapper", () => {
    const body = { status: 400, error: "Bad Request", message: ["numbers must be unique"] };
    expect(evolutionMessages(body)).toEqual(["numbers must be unique"]);
  });

  it("keeps objects and tolerates bodies that are not envelopes", () => {
    const lookup = { jid: "5511900000000@s.whatsapp.net", exists: false, number: "5511900000000" };
    expect(evolutionMessages({ response: { message: [lookup] } })).toEqual([lookup]);
    expect(evolutionMessages("<html>Bad Gateway</html>")).toEqual(["<html>Bad Gateway</html>"]);
    expect(evolutionMessages(null)).toEqual([]);
    expect(evolutionMessages({ foo: 1 })).toEqual([]);
  });
});

describe("errorFromStatus", () => {
  it("maps a 400 holding the failed number lookup to 'not on WhatsApp'", () => {
    const body = {
      status: 400,
      error: "Bad Request",
      response: { message: [{ jid: "5511900000000@s.whatsapp.net", exists: false, number: "5511900000000" }] },
    };
    const error = errorFromStatus(400, body, request);
    expect(error).toMatchObject({ code: "BAD_REQUEST", reason: "notOnWhatsapp" });
    expect(error.details).toMatchObject({ reason: "not-on-whatsapp", numbers: ["5511900000000"], status: 400 });
  });

  it("maps schema validation errors to BAD_REQUEST with the messages in details, not in the message", () => {
    const body = { status: 400, error: "Bad Request", response: { message: [['instance requires property "text"']] } };
    const error = errorFromStatus(400, body, request);
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).not.toMatch(/instance requires/);
    expect(error.details).toMatchObject({
      reason: "rejected",
      evolutionMessages: ['instance requires property "text"'],
      method: "POST",
      path: "/message/sendText/acme",
    });
  });

  it("maps a 401 to the apikey message", () => {
    const body = { status: 401, error: "Unauthorized", response: { message: "Unauthorized" } };
    expect(errorFromStatus(401, body, request)).toMatchObject({
      code: "BAD_REQUEST",
      reason: "evolutionUnauthorized",
      details: { reason: "unauthorized" },
    });
  });

  it("maps 404 to NOT_FOUND for an unknown instance, but not for an unknown route", () => {
    const unknownInstance = {
      status: 404,
      error: "Not Found",
      response: { message: ['The "acme" instance does not exist'] },
    };
    expect(errorFromStatus(404, unknownInstance, request)).toMatchObject({
      code: "NOT_FOUND",
      details: { reason: "instance-not-found" },
    });
    const unknownRoute = {
      status: 404,
      error: "Not Found",
      response: { message: ["Cannot POST /v2/message/sendText/acme"] },
    };
    expect(errorFromStatus(404, unknownRoute, request)).toMatchObject({
      code: "BAD_REQUEST",
      details: { reason: "unknown-route" },
    });
  });

  it("maps a name in use (403 on create) to CONFLICT", () => {
    const body = { status: 403, error: "Forbidden", response: { message: ['This name "acme" is already in use.'] } };
    expect(errorFromStatus(403, body, request)).toMatchObject({ code: "CONFLICT", details: { reason: "name-in-use" } });
  });

  it("recognises an instance that is not connected", () => {
    const logout = {
      status: 400,
      error: "Bad Request",
      response: { message: ['The "acme" instance is not connected'] },
    };
    expect(errorFromStatus(400, logout, request).details).toMatchObject({ reason: "not-connected" });
    const send = { status: 400, error: "Bad Request", response: { message: ["Error: Connection Closed"] } };
    expect(errorFromStatus(400, send, request).details).toMatchObject({ reason: "not-connected" });
  });

  it("maps 5xx (including proxies' non-JSON pages and 2.4.0's license gate) to UPSTREAM_UNAVAILABLE", () => {
    const crash = {
      status: 500,
      error: "Internal Server Error",
      response: { message: "Cannot read properties of undefined" },
    };
    expect(errorFromStatus(500, crash, request)).toMatchObject({
      code: "UPSTREAM_UNAVAILABLE",
      details: { reason: "server-error", evolutionMessages: ["Cannot read properties of undefined"] },
    });
    expect(errorFromStatus(502, "<html>Bad Gateway</html>", request).code).toBe("UPSTREAM_UNAVAILABLE");
    const license = { error: "service not activated", code: "LICENSE_REQUIRED" };
    expect(errorFromStatus(503, license, request).details).toMatchObject({ reason: "license-required" });
  });
});

describe("errorFromFailedAck", () => {
  it("turns connect/restart's 200 {error: true} into an error", () => {
    expect(errorFromFailedAck({ error: true, message: "[object Object]" }, request)).toMatchObject({
      code: "BAD_REQUEST",
      reason: "evolutionConnectFailed",
      details: { reason: "connect-failed", evolutionMessages: ["[object Object]"] },
    });
  });
});

describe("transportError", () => {
  it("tells a timeout from a refused connection", () => {
    const timeout = new DOMException("The operation was aborted due to timeout", "TimeoutError");
    expect(transportError(timeout, request)).toMatchObject({
      code: "UPSTREAM_UNAVAILABLE",
      reason: "evolutionTimeout",
      details: { reason: "timeout" },
    });
    const refused = new TypeError("fetch failed", {
      cause: Object.assign(new Error("connect"), { code: "ECONNREFUSED" }),
    });
    expect(transportError(refused, request)).toMatchObject({
      code: "UPSTREAM_UNAVAILABLE",
      details: { reason: "network", networkError: "ECONNREFUSED" },
    });
  });
});
