import { describe, expect, it } from "vitest";
import { csvField, readCsv } from "./csv";

async function all(chunks: string[]) {
  const out = [];
  for await (const r of readCsv((async function* () { yield* chunks; })())) out.push(r);
  return out;
}

describe("readCsv", () => {
  it("reads plain records with line numbers, LF and CRLF", async () => {
    expect(await all(["a,b\r\n1,2\n3,4"])).toEqual([
      { line: 1, fields: ["a", "b"] },
      { line: 2, fields: ["1", "2"] },
      { line: 3, fields: ["3", "4"] },
    ]);
  });
  it("handles quotes, doubled quotes, commas and line breaks in quotes, across chunk borders", async () => {
    const rows = await all(['x,"hello, ""wor', 'ld"""\n"multi\nline",z\n', "\n", "last,row\n"]);
    expect(rows).toEqual([
      { line: 1, fields: ["x", 'hello, "world"'] },
      { line: 2, fields: ["multi\nline", "z"] },
      { line: 5, fields: ["last", "row"] },
    ]);
  });
  it("numbers lines after CRLF breaks inside quotes, blank lines and a BOM", async () => {
    const rows = await all(["\uFEFFh,i\r\n\r\n", '"a\r\nb\r\nc",d\r\n', "\r\n\r\n", "e,f\r\n", '"g\nh",i\n', "j,k"]);
    expect(rows).toEqual([
      { line: 1, fields: ["h", "i"] },
      { line: 3, fields: ["a\r\nb\r\nc", "d"] },
      { line: 8, fields: ["e", "f"] },
      { line: 9, fields: ["g\nh", "i"] },
      { line: 11, fields: ["j", "k"] },
    ]);
  });
  it("keeps empty fields and a quote inside an unquoted field", async () => {
    expect(await all([',a,,\n', 'O"Neil,b\n'])).toEqual([
      { line: 1, fields: ["", "a", "", ""] },
      { line: 2, fields: ['O"Neil', "b"] },
    ]);
  });
  it("a CR split from its LF by a chunk border is one line break", async () => {
    expect(await all(["a\r", "\nb\n"])).toEqual([
      { line: 1, fields: ["a"] },
      { line: 2, fields: ["b"] },
    ]);
  });
  it("an unclosed quote is reported with its line instead of swallowing the file", async () => {
    await expect(all(["a,b\n", 'c,"never closed\n', "d,e\n"])).rejects.toThrow(/line 2/);
  });
  it("csvField quotes only when needed and round-trips", async () => {
    expect(csvField("plain")).toBe("plain");
    const tricky = 'a "quoted", value\nwith break';
    expect(await all([`${csvField(tricky)},b\n`])).toEqual([{ line: 1, fields: [tricky, "b"] }]);
  });
});
