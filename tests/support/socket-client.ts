import { io, type Socket } from "socket.io-client";
import { baseUrl } from "./test-env";

/**
 * Socket.IO connections as a browser opens them (websocket, the session cookie), closed by `closeSockets`
 * (call it in afterEach).
 */
const open: Socket[] = [];

export async function connectSocket(cookie: string): Promise<Socket> {
  const socket = io(baseUrl, {
    path: "/socket.io",
    transports: ["websocket"],
    extraHeaders: { cookie },
    reconnection: false,
  });
  open.push(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", reject);
  });
  return socket;
}

export function closeSockets(): void {
  open.splice(0).forEach((s) => s.close());
}
