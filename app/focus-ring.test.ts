import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// WCAG 1.4.11: the focus ring in globals.css needs 3:1 against every background it is drawn on.

/** WCAG 2 relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const css = fs.readFileSync(path.join(import.meta.dirname, "globals.css"), "utf8");
const ring = /:focus-visible\s*\{[^}]*outline:\s*\d+px solid (#[0-9a-f]{6})/i.exec(css)?.[1];
const brand = (shade: number) => new RegExp(`--color-brand-${shade}:\\s*(#[0-9a-f]{6})`, "i").exec(css)![1]!;

describe("the focus ring", () => {
  it("is a #rrggbb outline on :focus-visible", () => {
    expect(ring).toMatch(/^#[0-9a-f]{6}$/i);
  });

  it("measures at least 3:1 on white, the page, brand-50 boxes, green-50 notes and the brand-800 header", () => {
    const backgrounds = { white: "#ffffff", page: "#f5f7fa", brand50: brand(50), green50: "#f0fdf4", brand800: brand(800) };
    const ratios = Object.fromEntries(Object.entries(backgrounds).map(([name, bg]) => [name, Math.round(contrast(ring!, bg) * 100) / 100]));
    // The figures stated in the comment in globals.css.
    expect(ratios).toEqual({ white: 3.49, page: 3.25, brand50: 3.2, green50: 3.33, brand800: 3.18 });
    for (const r of Object.values(ratios)) expect(r).toBeGreaterThanOrEqual(3);
  });

  it("the old amber (#f59e0b) would fail on white", () => {
    expect(contrast("#f59e0b", "#ffffff")).toBeLessThan(3);
  });
});
