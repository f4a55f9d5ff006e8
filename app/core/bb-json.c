/* bb-json.c - the CLI's JSON Lines contract
 *
 * A small writer rather than json-glib: one object per message, written
 * straight into a GString, keeps the CLI's output path free of a tree of
 * nodes per message (it runs tens of thousands of times a second).
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bb-advice.h"
#include "bb-blocklist.h"
#include "bb-json.h"
#include "bb-kb.h"
#include "bb-provider.h"

#include <string.h>

/**
 * bb_json_append_string:
 *
 * Appends @value as a JSON string (or null), escaping what RFC 8259
 * requires; invalid UTF-8 is replaced, never passed through.
 */
void
bb_json_append_string (GString    *out,
                       const char *value)
{
  g_autofree char *valid = NULL;

  if (value == NULL)
    {
      g_string_append (out, "null");
      return;
    }
  if (!g_utf8_validate (value, -1, NULL))
    value = valid = g_utf8_make_valid (value, -1);
  g_string_append_c (out, '"');
  for (const char *p = value; *p != '\0';)
    {
      const char *run = p;
      guchar      c;

      /* Copy runs of bytes that need no escaping in one go. */
      while ((c = (guchar) *p) >= 0x20 && c != '"' && c != '\\' && c != 0x7f)
        p++;
      if (p > run)
        g_string_append_len (out, run, p - run);
      if (c == '\0')
        break;
      switch (c)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        default:
          g_string_append_printf (out, "\\u%04x", c);
        }
      p++;
    }
  g_string_append_c (out, '"');
}

static void
key (GString    *out,
     const char *name)
{
  if (out->len > 0)
    {
      char last = out->str[out->len - 1];
      if (last != '{' && last != '[')
        g_string_append_c (out, ',');
    }
  g_string_append_c (out, '"');
  g_string_append (out, name);
  g_string_append (out, "\":");
}

static void
kv_string (GString    *out,
           const char *name,
           const char *value)
{
  key (out, name);
  bb_json_append_string (out, value);
}

static void
kv_bool (GString    *out,
         const char *name,
         gboolean    value)
{
  key (out, name);
  g_string_append (out, value ? "true" : "false");
}

static void
kv_uint (GString    *out,
         const char *name,
         guint64     value)
{
  key (out, name);
  g_string_append_printf (out, "%" G_GUINT64_FORMAT, value);
}

static void
write_provider (GString          *out,
                const char       *name,
                const BbProvider *provider)
{
  key (out, name);
  if (provider == NULL)
    {
      g_string_append (out, "null");
      return;
    }
  g_string_append_c (out, '{');
  kv_string (out, "id", provider->id);
  kv_string (out, "name", bb_provider_get_display_name (provider));
  kv_bool (out, "personal", provider->personal);
  g_string_append_c (out, '}');
}

static void
write_mailbox (GString         *out,
               const BbMailbox *mailbox)
{
  g_string_append_c (out, '{');
  kv_string (out, "name", mailbox->name);
  kv_string (out, "address", mailbox->address);
  g_string_append_c (out, '}');
}

static void
write_blocklists (GString    *out,
                  GPtrArray  *hits,
                  BbJsonFlags flags)
{
  key (out, "blocklists");
  g_string_append_c (out, '[');
  for (guint i = 0; hits != NULL && i < hits->len; i++)
    {
      const BbBlocklistHit *hit = g_ptr_array_index (hits, i);

      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, '{');
      kv_string (out, "id", hit->list->id);
      kv_string (out, "name", bb_kb_gettext (hit->list->name));
      kv_string (out, "listed", hit->listed);
      kv_string (out, "url", hit->url != NULL ? hit->url : hit->list->lookup_url);
      kv_bool (out, "defunct", hit->list->defunct);
      if (flags & BB_JSON_EXPLAIN)
        kv_string (out, "advice", bb_kb_gettext (hit->list->advice));
      g_string_append_c (out, '}');
    }
  g_string_append_c (out, ']');
}

static void
write_recipient (GString     *out,
                 BbBounce    *bounce,
                 BbRecipient *r,
                 BbJsonFlags  flags)
{
  const char       *status = bb_recipient_get_status (r);
  const char       *reply_code = bb_recipient_get_reply_code (r);
  const BbProvider *provider = bb_recipient_get_provider (r);
  g_autoptr (GPtrArray) steps = NULL;
  g_autofree char *explanation = NULL;

  g_string_append_c (out, '{');
  kv_string (out, "address", bb_recipient_get_address (r));
  kv_string (out, "status", status);
  kv_string (out, "reply_code", reply_code);
  kv_string (out, "reason", bb_recipient_get_reason (r));
  kv_bool (out, "hard_bounce", bb_recipient_get_hard_bounce (r));
  kv_string (out, "category", bb_category_to_string (bb_recipient_get_category (r)));
  kv_string (out, "urgency", bb_urgency_to_string (bb_recipient_get_urgency (r)));
  kv_string (out, "side", bb_side_to_string (bb_recipient_get_side (r)));
  kv_string (out, "action", bb_recipient_get_action (r));
  kv_string (out, "diagnostic", bb_recipient_get_diagnostic (r));
  kv_string (out, "diagnostic_type", bb_recipient_get_diagnostic_type (r));
  kv_string (out, "smtp_command", bb_recipient_get_smtp_command (r));
  kv_string (out, "remote_mta", bb_recipient_get_remote_mta (r));
  kv_string (out, "reporting_mta", bb_recipient_get_reporting_mta (r));
  kv_string (out, "date", bb_recipient_get_date (r));
  kv_string (out, "evidence", bb_recipient_get_evidence (r));
  write_provider (out, "provider", provider);
  kv_string (out, "provider_code", bb_recipient_get_provider_code (r));
  kv_string (out, "typo_suggestion", bb_recipient_get_typo_suggestion (r));
  kv_string (out, "sending_ip", bb_recipient_get_sending_ip (r));
  write_blocklists (out, bb_recipient_get_blocklists (r), flags);
  if (!(flags & BB_JSON_EXPLAIN))
    {
      g_string_append_c (out, '}');
      return;
    }
  kv_string (out, "provider_note",
             bb_recipient_get_provider_note (r) != NULL ? bb_kb_gettext (bb_recipient_get_provider_note (r)) : NULL);
  kv_string (out, "headline", bb_kb_category_title (bb_recipient_get_category (r)));
  kv_string (out, "status_text", status != NULL ? bb_kb_status_explanation (status) : NULL);
  kv_string (out, "reply_code_text", reply_code != NULL ? bb_kb_reply_code_explanation (reply_code) : NULL);
  kv_string (out, "side_text", bb_kb_side_explanation (bb_recipient_get_side (r)));
  explanation = bb_advice_explanation (bounce, r);
  kv_string (out, "explanation", explanation);
  steps = bb_advice_steps (bounce, r);
  key (out, "steps");
  g_string_append_c (out, '[');
  for (guint i = 0; steps != NULL && i < steps->len; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      bb_json_append_string (out, g_ptr_array_index (steps, i));
    }
  g_string_append_c (out, ']');
  g_string_append_c (out, '}');
}

/**
 * bb_json_write_bounce:
 *
 * Appends one JSON object (no newline) describing @bounce, with the
 * translated explanations.
 */
void
bb_json_write_bounce (GString  *out,
                      BbBounce *bounce)
{
  bb_json_write_bounce_with_flags (out, bounce, BB_JSON_EXPLAIN);
}

/**
 * bb_json_write_bounce_with_flags:
 *
 * Appends one JSON object (no newline) describing @bounce.
 */
void
bb_json_write_bounce_with_flags (GString    *out,
                                 BbBounce   *bounce,
                                 BbJsonFlags flags)
{
  guint      n = bb_bounce_get_n_recipients (bounce);
  GPtrArray *list;

  g_string_append_c (out, '{');
  kv_string (out, "source", bb_bounce_get_source (bounce));
  kv_bool (out, "bounce", bb_bounce_is_bounce (bounce));
  kv_string (out, "kind", bb_kind_to_string (bb_bounce_get_kind (bounce)));
  if (bb_bounce_get_error (bounce) != NULL)
    kv_string (out, "error", bb_bounce_get_error (bounce));
  kv_string (out, "format", bb_bounce_get_format (bounce));
  kv_string (out, "subject", bb_bounce_get_subject (bounce));
  kv_string (out, "from", bb_bounce_get_from (bounce));
  kv_string (out, "date", bb_bounce_get_date (bounce));
  kv_string (out, "sender", bb_bounce_get_sender_address (bounce));
  write_provider (out, "sender_provider", bb_bounce_get_sender_provider (bounce));

  key (out, "recipients");
  g_string_append_c (out, '[');
  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      write_recipient (out, bounce, bb_bounce_get_recipient (bounce, i), flags);
    }
  g_string_append_c (out, ']');

  key (out, "original");
  if (!bb_bounce_has_original (bounce))
    g_string_append (out, "null");
  else
    {
      g_string_append_c (out, '{');
      kv_string (out, "subject", bb_bounce_get_original_subject (bounce));
      kv_string (out, "date", bb_bounce_get_original_date (bounce));
      kv_string (out, "message_id", bb_bounce_get_original_message_id (bounce));
      key (out, "from");
      if (bb_bounce_get_original_from (bounce) != NULL)
        write_mailbox (out, bb_bounce_get_original_from (bounce));
      else
        g_string_append (out, "null");
      key (out, "to");
      g_string_append_c (out, '[');
      list = bb_bounce_get_original_to (bounce);
      for (guint i = 0; i < list->len; i++)
        {
          if (i > 0)
            g_string_append_c (out, ',');
          write_mailbox (out, g_ptr_array_index (list, i));
        }
      g_string_append_c (out, ']');
      key (out, "attachments");
      g_string_append_c (out, '[');
      list = bb_bounce_get_attachments (bounce);
      for (guint i = 0; i < list->len; i++)
        {
          const BbAttachment *att = g_ptr_array_index (list, i);

          if (i > 0)
            g_string_append_c (out, ',');
          g_string_append_c (out, '{');
          kv_string (out, "filename", att->filename);
          kv_string (out, "content_type", att->content_type);
          kv_uint (out, "size", att->size);
          g_string_append_c (out, '}');
        }
      g_string_append_c (out, ']');
      kv_uint (out, "size", bb_bounce_get_original_size (bounce));
      g_string_append_c (out, '}');
    }

  key (out, "content_hints");
  g_string_append_c (out, '[');
  list = bb_bounce_get_content_hints (bounce);
  for (guint i = 0; i < list->len; i++)
    {
      const BbContentHint *hint = g_ptr_array_index (list, i);
      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, '{');
      kv_string (out, "id", hint->id);
      kv_string (out, "detail", hint->detail);
      if (flags & BB_JSON_EXPLAIN)
        {
          g_autofree char *text = bb_content_hint_describe (hint);
          kv_string (out, "text", text);
        }
      g_string_append_c (out, '}');
    }
  g_string_append_c (out, ']');
  g_string_append_c (out, '}');
}
