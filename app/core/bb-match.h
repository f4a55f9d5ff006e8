/* bb-match.h - many phrases against one text, without allocating
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Lower-cased, unfolded text with a trigram filter: a phrase whose first
 * or last three bytes never occur in the text is ruled out at once. */
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

G_END_DECLS
