/* bb-dsn.c - RFC 3464 delivery-status fields
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bb-dsn.h"
#include "bb-text.h"

#include <string.h>

typedef enum
{
  F_NONE,
  F_REPORTING_MTA,
  F_RECEIVED_FROM_MTA,
  F_ARRIVAL_DATE,
  F_FINAL_RECIPIENT,
  F_ORIGINAL_RECIPIENT,
  F_ACTION,
  F_STATUS,
  F_REMOTE_MTA,
  F_DIAGNOSTIC_CODE,
  F_LAST_ATTEMPT_DATE,
  F_WILL_RETRY_UNTIL,
  F_BOUNCE_CATEGORY,
} Field;

static const struct
{
  const char *name;
  Field       field;
} field_names[] = {
  { "reporting-mta", F_REPORTING_MTA },
  { "received-from-mta", F_RECEIVED_FROM_MTA },
  { "arrival-date", F_ARRIVAL_DATE },
  { "final-recipient", F_FINAL_RECIPIENT },
  { "original-recipient", F_ORIGINAL_RECIPIENT },
  { "x-actual-recipient", F_NONE },
  { "action", F_ACTION },
  { "status", F_STATUS },
  { "remote-mta", F_REMOTE_MTA },
  { "diagnostic-code", F_DIAGNOSTIC_CODE },
  { "last-attempt-date", F_LAST_ATTEMPT_DATE },
  { "will-retry-until", F_WILL_RETRY_UNTIL },
  { "x-powermta-bouncecategory", F_BOUNCE_CATEGORY },
};

static void
recipient_free (gpointer data)
{
  BbDsnRecipient *r = data;

  g_free (r->final_recipient);
  g_free (r->original_recipient);
  g_free (r->action);
  g_free (r->status);
  g_free (r->remote_mta);
  g_free (r->diagnostic_type);
  g_free (r->diagnostic_code);
  g_free (r->last_attempt_date);
  g_free (r->will_retry_until);
  g_free (r->category);
  g_free (r);
}

void
bb_dsn_report_free (BbDsnReport *report)
{
  if (report == NULL)
    return;
  g_free (report->reporting_mta);
  g_free (report->received_from_mta);
  g_free (report->arrival_date);
  g_ptr_array_unref (report->recipients);
  g_free (report);
}

const char *
bb_dsn_recipient_address (const BbDsnRecipient *recipient)
{
  return recipient->final_recipient != NULL ? recipient->final_recipient
                                            : recipient->original_recipient;
}

/**
 * bb_dsn_strip_type:
 * @value: "smtp; 550 5.1.1 …" or "dns; mx.example.com"
 * @type: (out) (optional): the type ("SMTP"), upper case, or %NULL
 *
 * Returns: (transfer full): the value after the type, trimmed
 */
char *
bb_dsn_strip_type (const char *value,
                   char      **type)
{
  const char *semi = strchr (value, ';');
  const char *p;

  if (type != NULL)
    *type = NULL;
  if (semi != NULL && semi - value <= 20)
    {
      gboolean token = semi > value;

      for (p = value; p < semi; p++)
        if (!(g_ascii_isalnum (*p) || *p == '-' || *p == '_' || *p == ' '))
          token = FALSE;
      if (token)
        {
          if (type != NULL)
            {
              g_autofree char *t = g_strndup (value, semi - value);
              *type = g_ascii_strup (g_strstrip (t), -1);
            }
          value = semi + 1;
        }
    }
  while (*value == ' ' || *value == '\t')
    value++;
  return g_strstrip (g_strdup (value));
}

static Field
field_lookup (const char *name,
              gsize       len)
{
  for (gsize i = 0; i < G_N_ELEMENTS (field_names); i++)
    if (strlen (field_names[i].name) == len &&
        g_ascii_strncasecmp (name, field_names[i].name, len) == 0)
      return field_names[i].field;
  return F_NONE;
}

static void
store_field (BbDsnReport    *report,
             BbDsnRecipient *r,
             Field           field,
             const char     *raw)
{
  g_autofree char *value = bb_text_collapse (raw, -1);
  char           **slot = NULL;

  if (value == NULL || *value == '\0')
    return;
  switch (field)
    {
    case F_REPORTING_MTA:
      g_free (report->reporting_mta);
      report->reporting_mta = bb_dsn_strip_type (value, NULL);
      return;
    case F_RECEIVED_FROM_MTA:
      slot = &report->received_from_mta;
      break;
    case F_ARRIVAL_DATE:
      slot = &report->arrival_date;
      break;
    case F_FINAL_RECIPIENT:
    case F_ORIGINAL_RECIPIENT:
      {
        char *address = bb_text_clean_address (value);

        if (address == NULL)
          return;
        slot = field == F_FINAL_RECIPIENT ? &r->final_recipient : &r->original_recipient;
        g_free (*slot);
        *slot = address;
        return;
      }
    case F_ACTION:
      slot = &r->action;
      g_free (*slot);
      {
        /* "failed (bad destination mailbox address)" → "failed" */
        char *sp = strpbrk (value, " ;(");
        if (sp != NULL)
          *sp = '\0';
      }
      *slot = bb_text_ascii_lower (value, -1);
      return;
    case F_STATUS:
      {
        char        code[16];
        const char *end = value + strlen (value);

        if (bb_text_find_status (value, end, code) == NULL)
          return;
        g_free (r->status);
        r->status = g_strdup (code);
        return;
      }
    case F_REMOTE_MTA:
      g_free (r->remote_mta);
      r->remote_mta = bb_dsn_strip_type (value, NULL);
      return;
    case F_DIAGNOSTIC_CODE:
      g_free (r->diagnostic_code);
      g_free (r->diagnostic_type);
      r->diagnostic_code = bb_dsn_strip_type (value, &r->diagnostic_type);
      return;
    case F_LAST_ATTEMPT_DATE:
      slot = &r->last_attempt_date;
      break;
    case F_WILL_RETRY_UNTIL:
      slot = &r->will_retry_until;
      break;
    case F_BOUNCE_CATEGORY:
      g_free (r->category);
      r->category = bb_text_ascii_lower (value, -1);
      return;
    case F_NONE:
    default:
      return;
    }
  g_free (*slot);
  *slot = g_steal_pointer (&value);
}

static gboolean
recipient_started (const BbDsnRecipient *r)
{
  return r->final_recipient != NULL || r->original_recipient != NULL || r->action != NULL ||
         r->status != NULL || r->diagnostic_code != NULL;
}

/**
 * bb_dsn_parse:
 *
 * Reads the fields of a delivery-status body.  Tolerant: groups need not be
 * separated by blank lines (a second Final-Recipient starts a new
 * recipient), folded lines are unfolded, unknown fields are skipped.
 *
 * Returns: (transfer full): the report, possibly with no recipients
 */
BbDsnReport *
bb_dsn_parse (const char *text,
              gsize       len)
{
  BbDsnReport    *report = g_new0 (BbDsnReport, 1);
  BbDsnRecipient *current = g_new0 (BbDsnRecipient, 1);
  const char     *p = text;
  const char     *end = text + len;
  GString        *value = g_string_new (NULL);
  Field           field = F_NONE;

  report->recipients = g_ptr_array_new_with_free_func (recipient_free);

#define FLUSH_FIELD()                                   \
  G_STMT_START                                          \
  {                                                     \
    if (field != F_NONE)                                \
      store_field (report, current, field, value->str); \
    field = F_NONE;                                     \
    g_string_truncate (value, 0);                       \
  }                                                     \
  G_STMT_END

#define FLUSH_RECIPIENT()                              \
  G_STMT_START                                         \
  {                                                    \
    if (bb_dsn_recipient_address (current) != NULL)    \
      {                                                \
        g_ptr_array_add (report->recipients, current); \
        current = g_new0 (BbDsnRecipient, 1);          \
      }                                                \
  }                                                    \
  G_STMT_END

  while (p < end)
    {
      const char *eol = memchr (p, '\n', end - p);
      const char *line_end = eol != NULL ? eol : end;
      const char *next = eol != NULL ? eol + 1 : end;
      gsize       llen;

      if (line_end > p && line_end[-1] == '\r')
        line_end--;
      llen = line_end - p;

      if (llen == 0 || (llen > 0 && strspn (p, " \t") >= llen))
        {
          /* Blank line: end of a group. */
          FLUSH_FIELD ();
          if (recipient_started (current))
            {
              if (bb_dsn_recipient_address (current) != NULL)
                FLUSH_RECIPIENT ();
            }
          p = next;
          continue;
        }
      if ((*p == ' ' || *p == '\t') && field != F_NONE)
        {
          g_string_append_c (value, ' ');
          g_string_append_len (value, p, llen);
          p = next;
          continue;
        }
      {
        const char *colon = memchr (p, ':', llen);
        Field       f;

        FLUSH_FIELD ();
        if (colon == NULL || colon == p || colon - p > 40)
          {
            p = next;
            continue;
          }
        f = field_lookup (p, colon - p);
        /* A field already set starts the next recipient: groups are not
         * always separated by blank lines, nor always in RFC order. */
        if ((f == F_FINAL_RECIPIENT && current->final_recipient != NULL) ||
            (f == F_ORIGINAL_RECIPIENT && current->original_recipient != NULL) ||
            (f == F_ACTION && current->action != NULL && bb_dsn_recipient_address (current) != NULL) ||
            (f == F_STATUS && current->status != NULL && bb_dsn_recipient_address (current) != NULL))
          FLUSH_RECIPIENT ();
        field = f;
        g_string_append_len (value, colon + 1, line_end - colon - 1);
      }
      p = next;
    }
  FLUSH_FIELD ();
  if (bb_dsn_recipient_address (current) != NULL)
    g_ptr_array_add (report->recipients, current);
  else
    recipient_free (current);

#undef FLUSH_FIELD
#undef FLUSH_RECIPIENT

  g_string_free (value, TRUE);
  return report;
}
