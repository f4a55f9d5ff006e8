/* bb-entry-private.h - the fields of an entry, for the store that fills
 * them
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bb-entry.h"

G_BEGIN_DECLS

struct _BbEntry
{
  GObject parent_instance;

  gint64       id;
  char        *message_sha256;
  gboolean     has_message;
  char        *address;
  char        *domain;
  char        *status;
  char        *reply_code;
  char        *reason;
  char        *category;
  char        *urgency;
  char        *side;
  gboolean     hard_bounce;
  char        *provider_id;
  char        *provider_code;
  char        *diagnostic;
  char        *evidence;
  char        *subject;
  char        *original_date;
  char        *original_message_id;
  char        *original_from;
  char        *original_to;
  gint64       bounced_at;
  char        *source;
  char        *kind;
  gint64       created_at;
  gint64       updated_at;

  /* what the rep changes; bb_store_refresh_entry() notifies on change */
  BbEntryState state;
  char        *note;
  GStrv        tags; /* sorted */
};

G_END_DECLS
