/* bb-report.c - the human-readable report the CLI prints, in the user's
 * language
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bb-advice.h"
#include "bb-kb.h"
#include "bb-provider.h"
#include "bb-report.h"

#include <glib/gi18n-lib.h>

char *
bb_report_format_size (guint64 bytes)
{
  return g_format_size (bytes);
}

static const char *
kind_sentence (BbKind kind)
{
  switch (kind)
    {
    case BB_KIND_BOUNCE:
      return _ ("Bounce: the message could not be delivered.");
    case BB_KIND_DELAYED:
      return _ ("Delivery delay notice: the server is still trying; nothing to do yet.");
    case BB_KIND_AUTOREPLY:
      return _ ("Automatic reply (out of office), not a bounce: your e-mail was delivered.");
    case BB_KIND_FEEDBACK:
      return _ ("Feedback report, not a bounce: a recipient's provider reports a complaint about your e-mail.");
    case BB_KIND_DELIVERED:
      return _ ("Delivery confirmation, not a bounce: your e-mail was delivered.");
    case BB_KIND_NOT_BOUNCE:
      return _ ("Not a bounce: this is an ordinary message, no delivery failure is reported.");
    case BB_KIND_UNREADABLE:
    default:
      return _ ("Could not be read.");
    }
}

static void
write_recipient (GString     *out,
                 BbBounce    *bounce,
                 BbRecipient *r)
{
  const char       *status = bb_recipient_get_status (r);
  const char       *reply = bb_recipient_get_reply_code (r);
  const BbProvider *provider = bb_recipient_get_provider (r);
  g_autoptr (GPtrArray) steps = NULL;
  g_autofree char *explanation = NULL;

  g_string_append_printf (out, "  %s\n", *bb_recipient_get_address (r) != '\0' ? bb_recipient_get_address (r)
                                                                              : _ ("(address not in the text)"));
  g_string_append_printf (out, "    %s\n", bb_kb_category_title (bb_recipient_get_category (r)));
  if (bb_bounce_get_kind (bounce) == BB_KIND_BOUNCE || bb_bounce_get_kind (bounce) == BB_KIND_DELAYED)
    g_string_append_printf (out, "    %s · %s · %s\n",
                            bb_recipient_get_hard_bounce (r) ? _ ("Hard bounce") : _ ("Soft bounce"),
                            bb_kb_urgency_title (bb_recipient_get_urgency (r)),
                            bb_recipient_get_reason (r));
  if (reply != NULL)
    {
      const char *title = bb_kb_reply_code_title (reply);
      g_string_append_printf (out, "    %s: %s\n", reply, title != NULL ? title : "");
    }
  if (status != NULL)
    {
      const char *title = bb_kb_status_title (status);
      g_string_append_printf (out, "    %s: %s\n", status, title != NULL ? title : "");
    }
  g_string_append_printf (out, "    %s\n", bb_kb_side_title (bb_recipient_get_side (r)));
  if (bb_recipient_get_diagnostic (r) != NULL)
    /* Translators: the server's own words, quoted */
    g_string_append_printf (out, "    %s “%s”\n", _ ("The server said:"), bb_recipient_get_diagnostic (r));
  if (bb_recipient_get_evidence (r) != NULL)
    g_string_append_printf (out, "    %s “%s”\n", _ ("Decided by:"), bb_recipient_get_evidence (r));
  if (provider != NULL)
    g_string_append_printf (out, "    %s %s\n", _ ("Receiving provider:"), bb_provider_get_display_name (provider));
  if (bb_recipient_get_provider_note (r) != NULL)
    g_string_append_printf (out, "    %s (%s): %s\n", _ ("Provider code"),
                            bb_recipient_get_provider_code (r) != NULL ? bb_recipient_get_provider_code (r) : "",
                            bb_kb_gettext (bb_recipient_get_provider_note (r)));
  if (bb_recipient_get_typo_suggestion (r) != NULL)
    g_string_append_printf (out, "    %s %s\n", _ ("Did you mean:"), bb_recipient_get_typo_suggestion (r));
  explanation = bb_advice_explanation (bounce, r);
  if (explanation != NULL)
    g_string_append_printf (out, "    %s\n", explanation);
  steps = bb_advice_steps (bounce, r);
  if (steps != NULL && steps->len > 0)
    {
      g_string_append_printf (out, "    %s\n", _ ("Next steps:"));
      for (guint i = 0; i < steps->len; i++)
        g_string_append_printf (out, "      %u. %s\n", i + 1, (const char *) g_ptr_array_index (steps, i));
    }
}

/**
 * bb_report_write:
 *
 * Appends a plain-text report of @bounce, translated.
 */
void
bb_report_write (GString  *out,
                 BbBounce *bounce)
{
  guint             n = bb_bounce_get_n_recipients (bounce);
  const BbProvider *sender = bb_bounce_get_sender_provider (bounce);
  GPtrArray        *list;

  g_string_append_printf (out, "== %s\n", bb_bounce_get_source (bounce));
  g_string_append_printf (out, "%s\n", kind_sentence (bb_bounce_get_kind (bounce)));
  if (bb_bounce_get_error (bounce) != NULL)
    g_string_append_printf (out, "%s\n", bb_bounce_get_error (bounce));
  if (bb_bounce_get_kind (bounce) != BB_KIND_NOT_BOUNCE && bb_bounce_get_kind (bounce) != BB_KIND_UNREADABLE)
    g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u recipient:\n", "%u recipients:\n", n), n);
  for (guint i = 0; i < n; i++)
    write_recipient (out, bounce, bb_bounce_get_recipient (bounce, i));
  if (sender != NULL && bb_bounce_get_sender_address (bounce) != NULL)
    g_string_append_printf (out, "%s %s (%s)\n", _ ("Your mailbox:"), bb_bounce_get_sender_address (bounce),
                            bb_provider_get_display_name (sender));
  if (bb_bounce_has_original (bounce))
    {
      g_string_append_printf (out, "%s “%s”", _ ("Original e-mail:"),
                              bb_bounce_get_original_subject (bounce) != NULL ? bb_bounce_get_original_subject (bounce) : "");
      if (bb_bounce_get_original_date (bounce) != NULL)
        g_string_append_printf (out, " (%s)", bb_bounce_get_original_date (bounce));
      g_string_append_c (out, '\n');
      list = bb_bounce_get_attachments (bounce);
      for (guint i = 0; i < list->len; i++)
        {
          const BbAttachment *att = g_ptr_array_index (list, i);
          g_autofree char    *size = g_format_size (att->size);

          g_string_append_printf (out, "  %s %s (%s)\n", _ ("Attachment:"),
                                  att->filename != NULL ? att->filename : att->content_type, size);
        }
    }
  list = bb_bounce_get_content_hints (bounce);
  for (guint i = 0; i < list->len; i++)
    {
      g_autofree char *text = bb_content_hint_describe (g_ptr_array_index (list, i));
      g_string_append_printf (out, "%s %s\n", _ ("Content hint:"), text);
    }
  g_string_append_c (out, '\n');
}
