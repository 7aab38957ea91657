import { describe, expect, it } from "vitest";
import { broadcastMessage } from "./emitter";

describe("broadcastMessage", () => {
  it("speaks @socket.io/postgres-adapter 0.5's format, namespace included", () => {
    expect(JSON.parse(broadcastMessage("org:1", "realtime.check", { checkId: "c" }))).toEqual({
      uid: "emitter",
      nsp: "/",
      type: 3,
      data: {
        packet: { type: 2, data: ["realtime.check", { checkId: "c" }], nsp: "/" },
        opts: { rooms: ["org:1"], except: [], flags: {} },
      },
    });
  });
});
