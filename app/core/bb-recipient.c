/* bb-recipient.c - one failed (or reported) recipient of a bounce
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bb-recipient-private.h"

#include "bb-blocklist.h"

G_DEFINE_FINAL_TYPE (BbRecipient, bb_recipient, G_TYPE_OBJECT)

static void
bb_recipient_finalize (GObject *object)
{
  BbRecipient *self = (BbRecipient *) object;

  g_free (self->address);
  g_free (self->status);
  g_free (self->reply_code);
  g_free (self->diagnostic);
  g_free (self->diagnostic_type);
  g_free (self->action);
  g_free (self->remote_mta);
  g_free (self->reporting_mta);
  g_free (self->smtp_command);
  g_free (self->date);
  g_free (self->reason);
  g_free (self->evidence);
  g_free (self->typo_suggestion);
  g_clear_pointer (&self->blocklists, g_ptr_array_unref);
  g_free (self->sending_ip);
  g_free (self->reason_hint);

  G_OBJECT_CLASS (bb_recipient_parent_class)->finalize (object);
}

static void
bb_recipient_class_init (BbRecipientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bb_recipient_finalize;
}

static void
bb_recipient_init (BbRecipient *self)
{
  self->category = BB_CATEGORY_UNKNOWN;
  self->urgency = BB_URGENCY_MEDIUM;
  self->side = BB_SIDE_UNKNOWN;
}

BbRecipient *
_bb_recipient_new (const char *address)
{
  BbRecipient *self = g_object_new (BB_TYPE_RECIPIENT, NULL);

  self->address = g_strdup (address);
  self->blocklists = g_ptr_array_new_with_free_func ((GDestroyNotify) bb_blocklist_hit_free);
  return self;
}

/* Replaces a string field; empty strings become NULL so that "absent"
 * has a single representation. */
void
_bb_recipient_set (char      **field,
                   const char *value)
{
  if (*field == value)
    return;
  g_free (*field);
  if (value == NULL || *value == '\0')
    *field = NULL;
  /* Every string of the model is UTF-8, whatever the notice held (a
   * stray byte of another charset, a sequence cut short) */
  else if (!g_utf8_validate (value, -1, NULL))
    *field = g_utf8_make_valid (value, -1);
  else
    *field = g_strdup (value);
}

#define GETTER(type, name)                                   \
  type bb_recipient_get_##name (BbRecipient *self)           \
  {                                                          \
    g_return_val_if_fail (BB_IS_RECIPIENT (self), (type) 0); \
    return self->name;                                       \
  }

GETTER (const char *, address)
GETTER (const char *, status)
GETTER (const char *, reply_code)
GETTER (const char *, diagnostic)
GETTER (const char *, diagnostic_type)
GETTER (const char *, action)
GETTER (const char *, remote_mta)
GETTER (const char *, reporting_mta)
GETTER (const char *, smtp_command)
GETTER (const char *, date)
GETTER (const char *, reason)
GETTER (gboolean, hard_bounce)
GETTER (BbCategory, category)
GETTER (BbUrgency, urgency)
GETTER (BbSide, side)
GETTER (const char *, evidence)
GETTER (const BbProvider *, provider)
GETTER (const char *, provider_code)
GETTER (const char *, provider_note)
GETTER (const char *, typo_suggestion)
GETTER (const char *, sending_ip)

/**
 * bb_recipient_get_blocklists:
 *
 * Returns: (transfer none) (element-type BbBlocklistHit): the blocklists
 *   the server's words name (bb_blocklist_scan()), possibly none
 */
GPtrArray *
bb_recipient_get_blocklists (BbRecipient *self)
{
  g_return_val_if_fail (BB_IS_RECIPIENT (self), NULL);
  return self->blocklists;
}

#undef GETTER
