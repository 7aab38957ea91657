/**
 * Evolution's request pipeline: body parsing, route matching, the guards `[instanceExistsGuard,
 * instanceLoggedGuard, apikey]` (so an unknown instance is 404 before any 401, a taken name 403 before the key
 * check), schema validation, and the error middleware's envelope.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { badRequest, errorResponse, forbidden, notFound, unauthorized } from "./evolution-errors.ts";
import { matchPath, parseBody, readBody, sendJson } from "./http-io.ts";
import type { Instance } from "./instance.ts";
import { validate, type JsonSchema } from "./json-schema.ts";
import type { Runtime } from "./runtime.ts";

/**
 * Which guards a route runs: "instance" routes end in `:instanceName`; "create" and "fetchInstances" are the two
 * instance routes without it; "globalKey" only checks the key; "public" nothing.
 */
export type GuardKind = "instance" | "create" | "fetchInstances" | "globalKey" | "public";

export interface EvolutionRequest {
  method: string;
  /** The original path and query, as Express's 404 message quotes it. */
  url: string;
  host: string;
  params: Record<string, string>;
  query: Record<string, string>;
  body: unknown;
  apikey: string | undefined;
  receivedAt: Date;
}

export interface RouteResult {
  status: number;
  body: unknown;
}

export interface EvolutionRoute {
  method: "GET" | "POST" | "DELETE";
  path: string;
  guard: GuardKind;
  handle(request: EvolutionRequest): Promise<RouteResult>;
}

export const ok = (body: unknown): RouteResult => ({ status: 200, body });
export const created = (body: unknown): RouteResult => ({ status: 201, body });

/** `dataValidate`: the schema's messages travel as one argument, hence the nested array in the 400 body. */
export function validated<T>(body: unknown, schema: JsonSchema): T {
  const messages = validate(body, schema);
  if (messages.length > 0) throw badRequest(messages);
  return body as T;
}

/** The instance named in the URL; the exists guard has already run. */
export function routeInstance(runtime: Runtime, request: EvolutionRequest): Instance {
  return runtime.store.get(request.params.instanceName!)!;
}

function runGuards(runtime: Runtime, route: EvolutionRoute, request: EvolutionRequest): void {
  if (route.guard === "public") return;
  const instanceName = request.params.instanceName;
  if (route.guard === "instance" && !runtime.store.get(instanceName!)) {
    throw notFound(`The "${instanceName}" instance does not exist`);
  }
  if (route.guard === "create") {
    const requestedName = (request.body as { instanceName?: unknown } | null)?.instanceName;
    if (typeof requestedName === "string" && runtime.store.get(requestedName)) {
      throw forbidden(`This name "${requestedName}" is already in use.`);
    }
  }

  const key = request.apikey;
  if (!key) throw unauthorized();
  if (key === runtime.apiKey) return;
  if (route.guard === "instance" && runtime.store.get(instanceName!)?.row.token === key) return;
  if (route.guard === "fetchInstances" && runtime.store.list().some((instance) => instance.row.token === key)) return;
  throw unauthorized();
}

export function createEvolutionHandler(runtime: Runtime, routes: EvolutionRoute[]) {
  return async (incoming: IncomingMessage, response: ServerResponse, url: URL): Promise<void> => {
    const receivedAt = new Date();
    const method = (incoming.method ?? "GET").toUpperCase();
    const reply = (status: number, body: unknown) => {
      if (!response.headersSent && !response.destroyed) sendJson(incoming, response, status, body);
    };

    let body: unknown;
    try {
      body = parseBody(incoming, await readBody(incoming));
    } catch (error) {
      const failure = errorResponse(error);
      return reply(failure.status, failure.body);
    }

    for (const route of routes) {
      if (route.method !== method) continue;
      const params = matchPath(route.path, url.pathname);
      if (!params) continue;

      const apikeyHeader = incoming.headers.apikey;
      const request: EvolutionRequest = {
        method,
        url: incoming.url ?? url.pathname,
        host: incoming.headers.host ?? "localhost",
        params,
        query: Object.fromEntries(url.searchParams),
        body,
        apikey: Array.isArray(apikeyHeader) ? apikeyHeader[0] : apikeyHeader,
        receivedAt,
      };
      try {
        runGuards(runtime, route, request);
        const result = await route.handle(request);
        return reply(result.status, result.body);
      } catch (error) {
        if (runtime.closing.aborted) return void incoming.socket.destroy();
        const failure = errorResponse(error);
        return reply(failure.status, failure.body);
      }
    }

    reply(404, { status: 404, error: "Not Found", response: { message: [`Cannot ${method} ${incoming.url}`] } });
  };
}
