import { afterEach, describe, expect, it } from "vitest";
import { makeOrganization, TEST_PASSWORD } from "../support/factory";
import { signInOverHttp, trpcMutation } from "../support/http-session";
import { closeSockets, connectSocket } from "../support/socket-client";

afterEach(closeSockets);
const connect = connectSocket;

describe("realtime", () => {
  it("an event emitted by the worker process reaches its organization's browsers and no one else's", async () => {
    const a = await makeOrganization();
    const b = await makeOrganization();
    const socketA = await connect(await signInOverHttp(a.ownerEmail, TEST_PASSWORD));
    const socketB = await connect(await signInOverHttp(b.ownerEmail, TEST_PASSWORD));
    const receivedByB: unknown[] = [];
    socketB.on("realtime.check", (event) => receivedByB.push(event));

    const arrived = new Promise<{ checkId: string; workerAt: string }>((resolve) =>
      socketA.on("realtime.check", resolve),
    );
    const cookieA = await signInOverHttp(a.ownerEmail, TEST_PASSWORD);
    const { body } = await trpcMutation(cookieA, "system.realtimeCheck");
    const { checkId } = body.result!.data.json as { checkId: string };
    const event = await arrived;
    expect(event.checkId).toBe(checkId);
    expect(Date.parse(event.workerAt)).not.toBeNaN();

    // Give B's delivery the same chance to (wrongly) arrive.
    await new Promise((r) => setTimeout(r, 500));
    expect(receivedByB).toEqual([]);
  });

  it("refuses a connection without a valid session", async () => {
    await expect(connect("next-auth.session-token=forged")).rejects.toThrow(/unauthorized/);
  });
});
