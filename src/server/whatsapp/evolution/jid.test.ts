import { describe, expect, it } from "vitest";
import {
  addressFromJid,
  chatKind,
  identityOfJids,
  isIgnoredChat,
  jidFromAddress,
  lidFromJid,
  phoneFromCopiedJid,
  phoneFromJid,
  phoneJidOfKey,
} from "./jid";

describe("jid helpers", () => {
  it("tells chat kinds apart", () => {
    expect(chatKind("5511987654321@s.whatsapp.net")).toBe("user");
    expect(chatKind("120363025246125888@g.us")).toBe("group");
    expect(chatKind("201234567890123@lid")).toBe("lid");
    expect(chatKind("status@broadcast")).toBe("broadcast");
    expect(chatKind("123@newsletter")).toBeNull();
  });

  it("reads the phone digits of a user JID only", () => {
    expect(phoneFromJid("5511987654321@s.whatsapp.net")).toBe("5511987654321");
    expect(phoneFromJid("5511987654321:12@s.whatsapp.net")).toBe("5511987654321");
    expect(phoneFromJid("201234567890123@lid")).toBeNull();
    expect(phoneFromJid("120363025246125888@g.us")).toBeNull();
    expect(phoneFromJid(null)).toBeNull();
  });

  it("finds the phone JID on either side of a LID key, whatever the version's order", () => {
    const phone = "5511987654321@s.whatsapp.net";
    const lid = "201234567890123@lid";
    expect(phoneJidOfKey({ remoteJid: phone, remoteJidAlt: lid })).toBe(phone);
    expect(phoneJidOfKey({ remoteJid: lid, remoteJidAlt: phone })).toBe(phone);
    expect(phoneJidOfKey({ remoteJid: lid })).toBeNull();
  });

  it("looks at the participant pair in groups", () => {
    const key = {
      remoteJid: "120363025246125888@g.us",
      participant: "201234567890123@lid",
      participantAlt: "5511987654321@s.whatsapp.net",
    };
    expect(phoneJidOfKey(key)).toBe("5511987654321@s.whatsapp.net");
  });

  it("reads a LID, without a device suffix", () => {
    expect(lidFromJid("201234567890123@lid")).toBe("201234567890123@lid");
    expect(lidFromJid("201234567890123:7@lid")).toBe("201234567890123@lid");
    expect(lidFromJid("5511987654321@s.whatsapp.net")).toBeNull();
    expect(lidFromJid(undefined)).toBeNull();
  });

  it("finds phone and LID among JIDs in any order", () => {
    const phone = "5511987654321@s.whatsapp.net";
    const lid = "201234567890123@lid";
    expect(identityOfJids([phone, lid])).toEqual({ phone: "5511987654321", lid });
    expect(identityOfJids([lid, phone])).toEqual({ phone: "5511987654321", lid });
    expect(identityOfJids([lid, null])).toEqual({ phone: null, lid });
  });

  it("ignores broadcasts, channels and unknown kinds", () => {
    expect(["status@broadcast", "123@broadcast", "120363400000000000@newsletter", "x@bot"].map(isIgnoredChat)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(
      ["5511987654321@s.whatsapp.net", "201234567890123@lid", "120363025246125888@g.us"].map(isIgnoredChat),
    ).toEqual([false, false, false]);
  });

  it("maps JIDs to neutral chat addresses and back: phone JIDs as digits, the rest opaque", () => {
    const jids = ["5511987654321@s.whatsapp.net", "201234567890123@lid", "120363025246125888@g.us"];
    expect(jids.map(addressFromJid)).toEqual(["5511987654321", "201234567890123@lid", "120363025246125888@g.us"]);
    expect(jids.map(addressFromJid).map(jidFromAddress)).toEqual(jids);
    // A device suffix is not part of the chat.
    expect(addressFromJid("5511987654321:12@s.whatsapp.net")).toBe("5511987654321");
  });

  it("reads phone digits from JIDs people copy, and nothing else", () => {
    expect(phoneFromCopiedJid(" 553199998888:12@s.whatsapp.net ")).toBe("553199998888");
    expect(phoneFromCopiedJid("5511987654321@C.US")).toBe("5511987654321");
    expect(["201234567890123@lid", "120363025246125888@g.us", "ana@example.com"].map(phoneFromCopiedJid)).toEqual([
      null,
      null,
      null,
    ]);
  });
});
