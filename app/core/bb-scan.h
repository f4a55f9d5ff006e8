/* bb-scan.h - find failed recipients and the server's words in the text of
 * a notice that has no (or an incomplete) machine-readable report
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  char *address;
  char *diagnostic;   /* the block of text about this recipient, unfolded */
  char *reply;        /* the server reply inside it ("550 5.1.1 …"), or NULL */
  char *status;
  char *reply_code;
  char *command;      /* CONN HELO EHLO MAIL RCPT DATA, or NULL */
  char *remote_mta;
} BbScanHit;

typedef struct
{
  GPtrArray *hits;            /* BbScanHit */
  gsize      original_offset; /* where the returned original starts, or G_MAXSIZE */
  char      *notice;          /* the notice's text before the original, unfolded */
} BbScanResult;

BbScanResult *bb_scan_text          (const char         *text,
                                     gsize               len,
                                     const char * const *exclude);
void          bb_scan_result_free   (BbScanResult *result);
void          bb_scan_hit_free      (BbScanHit *hit);
void          bb_scan_diagnostic    (const char *diagnostic,
                                     char      **status,
                                     char      **reply_code,
                                     char      **command,
                                     char      **remote_mta,
                                     char      **reply);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BbScanResult, bb_scan_result_free)

G_END_DECLS
