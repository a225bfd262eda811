"use client";

import type { ComponentProps } from "react";
import { Button } from "@/components/ui/button";
import { useHydrated } from "./use-hydrated";

/**
 * A form's submit button, disabled until React has hydrated the form: a click before that would
 * submit the form natively and put its fields (passwords included) in the URL.
 */
export function SubmitButton({ disabled, ...rest }: Omit<ComponentProps<typeof Button>, "type">) {
  const hydrated = useHydrated();
  return <Button {...rest} type="submit" disabled={!hydrated || disabled} />;
}
