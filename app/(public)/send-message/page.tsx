import { SendMessageForm } from "@/components/support/send-message-form";
import { FormCard } from "@/components/ui/card";
import { sendSupportMessageAction } from "./actions";

export const metadata = { title: "Send Message" };

export default function SendMessagePage() {
  return (
    <FormCard title="Send Message" intro="Write to the portal's support team about signing in, registering or using the portal. For questions about a member's care or claims, call the number below.">
      <SendMessageForm action={sendSupportMessageAction} />
    </FormCard>
  );
}
