/* bb-recipient-private.h - fields of BbRecipient, for the analyser only
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bb-recipient.h"

G_BEGIN_DECLS

struct _BbRecipient
{
  GObject parent_instance;

  char *address;
  char *status;          /* enhanced status code as found, "5.1.1" */
  char *reply_code;      /* SMTP reply code as found, "550" */
  char *diagnostic;      /* the server's own words, unfolded */
  char *diagnostic_type; /* "SMTP", "X-Postfix", "X-Unix" … */
  char *action;          /* failed, delayed, delivered, relayed, expanded */
  char *remote_mta;
  char *reporting_mta;
  char *smtp_command;    /* CONN, HELO, EHLO, MAIL, RCPT, DATA … */
  char *date;

  char      *reason;     /* Sisimai v5 vocabulary */
  gboolean   hard_bounce;
  BbCategory category;
  BbUrgency  urgency;
  BbSide     side;
  char      *evidence;   /* the code or phrase that decided the reason */

  const BbProvider *provider; /* receiving provider, or NULL */
  const char       *provider_code; /* e.g. "S3150", "DT:SPM" (static) */
  const char       *provider_note; /* untranslated msgid (static) */

  char *typo_suggestion; /* corrected address, or NULL */
  GPtrArray *blocklists; /* BbBlocklistHit*, never NULL */
  char      *sending_ip; /* the sender's server the bounce names, or NULL */

  /* Scratch used while analysing; not part of the public model. */
  char *reason_hint;     /* a reason the format itself states */
  guint from_dsn : 1;
  guint diagnostic_is_notice : 1; /* no words of its own: the whole notice */
};

BbRecipient *_bb_recipient_new (const char *address);
void         _bb_recipient_set (char      **field,
                                const char *value);

G_END_DECLS
