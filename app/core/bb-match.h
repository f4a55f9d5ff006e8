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

#define BB_MAX_REASONS 48

/**
 * BbReasonMatches:
 * @start: for each reason index, where one of its phrases matched, or -1
 * @len: the length of that match
 *
 * Every reason's phrases matched against one text in a single pass.
 */
typedef struct
{
  gssize start[BB_MAX_REASONS];
  gsize  len[BB_MAX_REASONS];
} BbReasonMatches;

typedef struct _BbPhraseIndex BbPhraseIndex;

typedef gboolean (*BbPhraseFunc) (guint    id,
                                  gsize    start,
                                  gsize    len,
                                  gpointer user_data);

BbPhraseIndex *bb_phrase_index_new  (const char * const *phrases,
                                     guint               n);
void        bb_phrase_index_scan    (const BbPhraseIndex *index,
                                     const BbMatchText   *mt,
                                     BbPhraseFunc         func,
                                     gpointer             user_data);

void        bb_match_reasons        (const BbMatchText *mt,
                                     BbReasonMatches   *out);
gint        bb_match_reason_index   (const char        *reason);

G_END_DECLS
