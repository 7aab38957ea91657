/** `GET /` and `POST /verify-creds` (`index.router.ts`). */
import { ok, type EvolutionRoute } from "../evolution-app.ts";

export const EVOLUTION_VERSION = "2.3.6";

export function rootRoutes(): EvolutionRoute[] {
  return [
    {
      method: "GET",
      path: "/",
      guard: "public",
      handle: async (request) =>
        ok({
          status: 200,
          message: "Welcome to the Evolution API, it is working!",
          version: EVOLUTION_VERSION,
          clientName: "evolution_exchange",
          manager: `http://${request.host}/manager`,
          documentation: "https://doc.evolution-api.com",
          whatsappWebVersion: "2.3000.1028442591",
        }),
    },
    {
      method: "POST",
      path: "/verify-creds",
      guard: "globalKey",
      handle: async () => ok({ status: 200, message: "Credentials are valid" }),
    },
  ];
}
