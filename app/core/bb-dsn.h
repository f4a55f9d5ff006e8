/* bb-dsn.h - RFC 3464 delivery-status fields
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  char *final_recipient;    /* address only */
  char *original_recipient; /* address only */
  char *action;             /* lower case */
  char *status;
  char *remote_mta;
  char *diagnostic_type;    /* "SMTP", "X-Postfix" … */
  char *diagnostic_code;    /* the text after the type, unfolded */
  char *last_attempt_date;
  char *will_retry_until;
  char *category;           /* X-PowerMTA-BounceCategory, lower case */
} BbDsnRecipient;

typedef struct
{
  char      *reporting_mta;
  char      *received_from_mta;
  char      *arrival_date;
  GPtrArray *recipients; /* BbDsnRecipient */
} BbDsnReport;

BbDsnReport *bb_dsn_parse        (const char *text,
                                  gsize       len);
void         bb_dsn_report_free  (BbDsnReport *report);
const char  *bb_dsn_recipient_address (const BbDsnRecipient *recipient);
char        *bb_dsn_strip_type   (const char *value,
                                  char      **type);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BbDsnReport, bb_dsn_report_free)

G_END_DECLS
