/* bb-classify.h - decide the reason, hard/soft, category, urgency and side
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bb-bounce.h"
#include "bb-recipient.h"

G_BEGIN_DECLS

/* Lower-cased, unfolded text with a trigram filter, matched against many
 * phrases without allocating. */
typedef struct
{
  const char *text;
  gsize       len;
  guint64     grams[64];
} BbMatchText;

void        bb_match_text_init      (BbMatchText *mt,
                                     const char  *lower_text,
                                     gsize        len);
gboolean    bb_match_phrase         (const BbMatchText *mt,
                                     const char        *phrase,
                                     gsize             *match_start,
                                     gsize             *match_len);
const char *bb_match_reason         (const BbMatchText *mt,
                                     const char        *reason,
                                     gsize             *match_start,
                                     gsize             *match_len);

const char *bb_classify_status_reason (const char *status);

void        bb_classify_recipient   (BbBounce    *bounce,
                                     BbRecipient *recipient,
                                     const char  *context);

G_END_DECLS
