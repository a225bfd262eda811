import Link from "next/link";
import type { ComponentProps } from "react";

/** An underlined in-portal link, as the Message Box pages use them. */
export function BoxLink({ className = "", ...rest }: ComponentProps<typeof Link>) {
  return <Link className={`text-brand-700 underline ${className}`} {...rest} />;
}
