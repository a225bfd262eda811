"use client";

import { useEffect, useState } from "react";

/** False during server render and until React has hydrated this component in the browser. */
export function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}
