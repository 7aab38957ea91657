import { describe, expect, it } from "vitest";
import { weekdayList } from "./weekdays";

describe("weekdayList", () => {
  it("writes runs as ranges and the whole week as one phrase", () => {
    expect(weekdayList([5, 1, 2, 3, 4], "pt-BR", "todos os dias")).toBe("seg.–sex.");
    expect(weekdayList([1, 3, 5], "en", "every day")).toBe("Mon, Wed, Fri");
    expect(weekdayList([0, 1, 2, 3, 4, 5, 6], "pt-BR", "todos os dias")).toBe("todos os dias");
  });
});
