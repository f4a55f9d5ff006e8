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

/* Appends @n bytes: straight into the string's room when it has it (the
 * usual case once the batch's string has grown), else through GString. */
static inline void
put (GString    *out,
     const char *s,
     gsize       n)
{
  gsize at = out->len;

  if (G_LIKELY (at + n < out->allocated_len))
    {
      memcpy (out->str + at, s, n);
      out->len = at + n;
      out->str[out->len] = '\0';
    }
  else
    g_string_append_len (out, s, n);
}

static inline void
put_c (GString *out,
       char     c)
{
  put (out, &c, 1);
}

/* The bytes of a string that need no escaping (printable ASCII but the
 * quote and the backslash); the rest is left to the careful path. */
static gsize
plain_ascii_run (const char *p)
{
  const char *q = p;
  guchar      c;

  while ((c = (guchar) *q) >= 0x20 && c < 0x7f && c != '"' && c != '\\')
    q++;
  return q - p;
}

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
  gsize            plain;

  if (value == NULL)
    {
      put (out, "null", 4);
      return;
    }
  /* most values are plain ASCII through and through: one copy */
  plain = plain_ascii_run (value);
  if (value[plain] == '\0')
    {
      put_c (out, '"');
      put (out, value, plain);
      put_c (out, '"');
      return;
    }
  if (!g_utf8_validate (value, -1, NULL))
    value = valid = g_utf8_make_valid (value, -1);
  put_c (out, '"');
  for (const char *p = value; *p != '\0';)
    {
      const char *run = p;
      guchar      c;

      /* Copy runs of bytes that need no escaping in one go. */
      while ((c = (guchar) *p) >= 0x20 && c != '"' && c != '\\' && c != 0x7f)
        p++;
      if (p > run)
        put (out, run, p - run);
      if (c == '\0')
        break;
      switch (c)
        {
        case '"':
          put (out, "\\\"", 2);
          break;
        case '\\':
          put (out, "\\\\", 2);
          break;
        case '\n':
          put (out, "\\n", 2);
          break;
        case '\r':
          put (out, "\\r", 2);
          break;
        case '\t':
          put (out, "\\t", 2);
          break;
        default:
          g_string_append_printf (out, "\\u%04x", c);
        }
      p++;
    }
  put_c (out, '"');
}

/**
 * bb_json_key:
 * @name: a member name (plain ASCII, not escaped)
 *
 * Appends `"name":`, after a comma unless @out ends an object or array
 * opening.
 */
void
bb_json_key (GString    *out,
             const char *name)
{
  if (out->len > 0)
    {
      char last = out->str[out->len - 1];
      if (last != '{' && last != '[')
        put_c (out, ',');
    }
  put_c (out, '"');
  put (out, name, strlen (name));
  put (out, "\":", 2);
}

/**
 * bb_json_member_string:
 * @value: (nullable): the value, or %NULL for null
 */
void
bb_json_member_string (GString    *out,
                       const char *name,
                       const char *value)
{
  bb_json_key (out, name);
  bb_json_append_string (out, value);
}

void
bb_json_member_bool (GString    *out,
                     const char *name,
                     gboolean    value)
{
  bb_json_key (out, name);
  if (value)
    put (out, "true", 4);
  else
    put (out, "false", 5);
}

/**
 * bb_json_member_strv:
 * @values: (nullable) (array zero-terminated=1): the strings, or %NULL for
 *   null
 */
void
bb_json_member_strv (GString           *out,
                     const char        *name,
                     const char *const *values)
{
  bb_json_key (out, name);
  if (values == NULL)
    {
      g_string_append (out, "null");
      return;
    }
  put_c (out, '[');
  for (guint i = 0; values[i] != NULL; i++)
    {
      if (i > 0)
        put_c (out, ',');
      bb_json_append_string (out, values[i]);
    }
  put_c (out, ']');
}

static void
kv_uint (GString    *out,
         const char *name,
         guint64     value)
{
  bb_json_key (out, name);
  g_string_append_printf (out, "%" G_GUINT64_FORMAT, value);
}

static void
write_provider (GString          *out,
                const char       *name,
                const BbProvider *provider)
{
  bb_json_key (out, name);
  if (provider == NULL)
    {
      g_string_append (out, "null");
      return;
    }
  put_c (out, '{');
  bb_json_member_string (out, "id", provider->id);
  bb_json_member_string (out, "name", bb_provider_get_display_name (provider));
  bb_json_member_bool (out, "personal", provider->personal);
  put_c (out, '}');
}

static void
write_mailbox (GString         *out,
               const BbMailbox *mailbox)
{
  put_c (out, '{');
  bb_json_member_string (out, "name", mailbox->name);
  bb_json_member_string (out, "address", mailbox->address);
  put_c (out, '}');
}

static void
write_blocklists (GString    *out,
                  GPtrArray  *hits,
                  BbJsonFlags flags)
{
  bb_json_key (out, "blocklists");
  put_c (out, '[');
  for (guint i = 0; hits != NULL && i < hits->len; i++)
    {
      const BbBlocklistHit *hit = g_ptr_array_index (hits, i);

      if (i > 0)
        put_c (out, ',');
      put_c (out, '{');
      bb_json_member_string (out, "id", hit->list->id);
      bb_json_member_string (out, "name", bb_kb_gettext (hit->list->name));
      bb_json_member_string (out, "listed", hit->listed);
      bb_json_member_string (out, "url", hit->url != NULL ? hit->url : hit->list->lookup_url);
      bb_json_member_bool (out, "defunct", hit->list->defunct);
      if (flags & BB_JSON_EXPLAIN)
        bb_json_member_string (out, "advice", bb_kb_gettext (hit->list->advice));
      put_c (out, '}');
    }
  put_c (out, ']');
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

  put_c (out, '{');
  bb_json_member_string (out, "address", bb_recipient_get_address (r));
  bb_json_member_string (out, "status", status);
  bb_json_member_string (out, "reply_code", reply_code);
  bb_json_member_string (out, "reason", bb_recipient_get_reason (r));
  bb_json_member_bool (out, "hard_bounce", bb_recipient_get_hard_bounce (r));
  bb_json_member_string (out, "category", bb_category_to_string (bb_recipient_get_category (r)));
  bb_json_member_string (out, "urgency", bb_urgency_to_string (bb_recipient_get_urgency (r)));
  bb_json_member_string (out, "side", bb_side_to_string (bb_recipient_get_side (r)));
  bb_json_member_string (out, "action", bb_recipient_get_action (r));
  bb_json_member_string (out, "diagnostic", bb_recipient_get_diagnostic (r));
  bb_json_member_string (out, "diagnostic_type", bb_recipient_get_diagnostic_type (r));
  bb_json_member_string (out, "smtp_command", bb_recipient_get_smtp_command (r));
  bb_json_member_string (out, "remote_mta", bb_recipient_get_remote_mta (r));
  bb_json_member_string (out, "reporting_mta", bb_recipient_get_reporting_mta (r));
  bb_json_member_string (out, "date", bb_recipient_get_date (r));
  bb_json_member_string (out, "evidence", bb_recipient_get_evidence (r));
  write_provider (out, "provider", provider);
  bb_json_member_string (out, "provider_code", bb_recipient_get_provider_code (r));
  bb_json_member_string (out, "typo_suggestion", bb_recipient_get_typo_suggestion (r));
  bb_json_member_string (out, "sending_ip", bb_recipient_get_sending_ip (r));
  write_blocklists (out, bb_recipient_get_blocklists (r), flags);
  if (!(flags & BB_JSON_EXPLAIN))
    {
      put_c (out, '}');
      return;
    }
  bb_json_member_string (out, "provider_note",
             bb_recipient_get_provider_note (r) != NULL ? bb_kb_gettext (bb_recipient_get_provider_note (r)) : NULL);
  bb_json_member_string (out, "headline", bb_kb_category_title (bb_recipient_get_category (r)));
  bb_json_member_string (out, "status_text", status != NULL ? bb_kb_status_explanation (status) : NULL);
  bb_json_member_string (out, "reply_code_text", reply_code != NULL ? bb_kb_reply_code_explanation (reply_code) : NULL);
  bb_json_member_string (out, "side_text", bb_kb_side_explanation (bb_recipient_get_side (r)));
  explanation = bb_advice_explanation (bounce, r);
  bb_json_member_string (out, "explanation", explanation);
  steps = bb_advice_steps (bounce, r);
  bb_json_key (out, "steps");
  put_c (out, '[');
  for (guint i = 0; steps != NULL && i < steps->len; i++)
    {
      if (i > 0)
        put_c (out, ',');
      bb_json_append_string (out, g_ptr_array_index (steps, i));
    }
  put_c (out, ']');
  put_c (out, '}');
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

  put_c (out, '{');
  bb_json_member_string (out, "source", bb_bounce_get_source (bounce));
  bb_json_member_bool (out, "bounce", bb_bounce_is_bounce (bounce));
  bb_json_member_string (out, "kind", bb_kind_to_string (bb_bounce_get_kind (bounce)));
  if (bb_bounce_get_error (bounce) != NULL)
    bb_json_member_string (out, "error", bb_bounce_get_error (bounce));
  bb_json_member_string (out, "format", bb_bounce_get_format (bounce));
  bb_json_member_string (out, "subject", bb_bounce_get_subject (bounce));
  bb_json_member_string (out, "from", bb_bounce_get_from (bounce));
  bb_json_member_string (out, "date", bb_bounce_get_date (bounce));
  bb_json_member_string (out, "sender", bb_bounce_get_sender_address (bounce));
  write_provider (out, "sender_provider", bb_bounce_get_sender_provider (bounce));

  bb_json_key (out, "recipients");
  put_c (out, '[');
  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        put_c (out, ',');
      write_recipient (out, bounce, bb_bounce_get_recipient (bounce, i), flags);
    }
  put_c (out, ']');

  bb_json_key (out, "original");
  if (!bb_bounce_has_original (bounce))
    g_string_append (out, "null");
  else
    {
      put_c (out, '{');
      bb_json_member_string (out, "subject", bb_bounce_get_original_subject (bounce));
      bb_json_member_string (out, "date", bb_bounce_get_original_date (bounce));
      bb_json_member_string (out, "message_id", bb_bounce_get_original_message_id (bounce));
      bb_json_key (out, "from");
      if (bb_bounce_get_original_from (bounce) != NULL)
        write_mailbox (out, bb_bounce_get_original_from (bounce));
      else
        g_string_append (out, "null");
      bb_json_key (out, "to");
      put_c (out, '[');
      list = bb_bounce_get_original_to (bounce);
      for (guint i = 0; i < list->len; i++)
        {
          if (i > 0)
            put_c (out, ',');
          write_mailbox (out, g_ptr_array_index (list, i));
        }
      put_c (out, ']');
      bb_json_key (out, "attachments");
      put_c (out, '[');
      list = bb_bounce_get_attachments (bounce);
      for (guint i = 0; i < list->len; i++)
        {
          const BbAttachment *att = g_ptr_array_index (list, i);

          if (i > 0)
            put_c (out, ',');
          put_c (out, '{');
          bb_json_member_string (out, "filename", att->filename);
          bb_json_member_string (out, "content_type", att->content_type);
          kv_uint (out, "size", att->size);
          put_c (out, '}');
        }
      put_c (out, ']');
      kv_uint (out, "size", bb_bounce_get_original_size (bounce));
      put_c (out, '}');
    }

  bb_json_key (out, "content_hints");
  put_c (out, '[');
  list = bb_bounce_get_content_hints (bounce);
  for (guint i = 0; i < list->len; i++)
    {
      const BbContentHint *hint = g_ptr_array_index (list, i);
      if (i > 0)
        put_c (out, ',');
      put_c (out, '{');
      bb_json_member_string (out, "id", hint->id);
      bb_json_member_string (out, "detail", hint->detail);
      if (flags & BB_JSON_EXPLAIN)
        {
          g_autofree char *text = bb_content_hint_describe (hint);
          bb_json_member_string (out, "text", text);
        }
      put_c (out, '}');
    }
  put_c (out, ']');
  put_c (out, '}');
}
