import type { ComponentProps } from "react";
import { Button } from "@/components/ui/button";

/**
 * A form's submit button. It works before (and without) JavaScript: the progressive forms post
 * with method="post" (useFormAction), so nothing typed ends up in a URL. `pending` shows the
 * busy label and ignores further clicks while the action runs.
 */
export function SubmitButton({ pending = false, pendingLabel, children, disabled, ...rest }: Omit<ComponentProps<typeof Button>, "type"> & { pending?: boolean; pendingLabel?: string }) {
  return (
    <Button {...rest} type="submit" disabled={disabled} aria-disabled={pending || undefined}>
      {pending && pendingLabel ? pendingLabel : children}
    </Button>
  );
}
