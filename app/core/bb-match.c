/* bb-match.c - many phrases against one text, without allocating
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bb-match.h"
#include "bb-reason-patterns.h"

#include <string.h>

#define MAX_GAP 60

static inline guint
gram_hash (const char *p)
{
  guint h = ((guchar) p[0] * 961u) ^ ((guchar) p[1] * 31u) ^ (guchar) p[2];

  return (h * 2654435761u) >> 20 & 4095u;
}

void
bb_match_text_init (BbMatchText *mt,
                    const char  *lower_text,
                    gsize        len)
{
  mt->text = lower_text;
  mt->len = len;
  memset (mt->grams, 0, sizeof mt->grams);
  for (gsize i = 0; i + 3 <= len; i++)
    {
      guint h = gram_hash (lower_text + i);
      mt->grams[h >> 6] |= G_GUINT64_CONSTANT (1) << (h & 63);
    }
}

static inline gboolean
may_contain (const BbMatchText *mt,
             const char        *piece,
             gsize              n)
{
  guint h;

  if (n < 3)
    return TRUE;
  h = gram_hash (piece);
  if (!(mt->grams[h >> 6] & (G_GUINT64_CONSTANT (1) << (h & 63))))
    return FALSE;
  h = gram_hash (piece + n - 3);
  return (mt->grams[h >> 6] & (G_GUINT64_CONSTANT (1) << (h & 63))) != 0;
}

/* Matches the pieces of @phrase after the first, each within MAX_GAP bytes
 * of the previous one; returns the end of the match or NULL. */
static const char *
match_rest (const char *text,
            const char *end,
            const char *phrase)
{
  const char *star;
  gsize       n;
  const char *limit;

  if (*phrase == '\0')
    return text;
  star = strchr (phrase, '*');
  n = star != NULL ? (gsize) (star - phrase) : strlen (phrase);
  limit = MIN (end, text + MAX_GAP + n);
  for (const char *p = text; p + n <= limit; p++)
    {
      if (memcmp (p, phrase, n) != 0)
        continue;
      if (star == NULL)
        return p + n;
      {
        const char *r = match_rest (p + n, end, star + 1);
        if (r != NULL)
          return r;
      }
    }
  return NULL;
}

gboolean
bb_match_phrase (const BbMatchText *mt,
                 const char        *phrase,
                 gsize             *match_start,
                 gsize             *match_len)
{
  const char *star = strchr (phrase, '*');
  gsize       n = star != NULL ? (gsize) (star - phrase) : strlen (phrase);
  const char *text = mt->text;
  const char *end = mt->text + mt->len;
  const char *p = text;

  if (n == 0 || !may_contain (mt, phrase, n))
    return FALSE;
  while (p + n <= end)
    {
      const char *hit = memmem (p, end - p, phrase, n);
      const char *stop;

      if (hit == NULL)
        return FALSE;
      stop = star != NULL ? match_rest (hit + n, end, star + 1) : hit + n;
      if (stop != NULL)
        {
          if (match_start != NULL)
            *match_start = hit - text;
          if (match_len != NULL)
            *match_len = stop - hit;
          return TRUE;
        }
      p = hit + 1;
    }
  return FALSE;
}

const char *
bb_match_reason (const BbMatchText *mt,
                 const char        *reason,
                 gsize             *match_start,
                 gsize             *match_len)
{
  const char *const *phrases = bb_reason_phrases (reason);

  if (phrases == NULL || mt->len == 0)
    return NULL;
  for (guint i = 0; phrases[i] != NULL; i++)
    if (bb_match_phrase (mt, phrases[i], match_start, match_len))
      return phrases[i];
  return NULL;
}

/* ---- many phrases, indexed by their first three bytes ---- */

struct _BbPhraseIndex
{
  guint        n_phrases;
  const char **phrases;      /* borrowed, static */
  guint32     *bucket_start; /* 4097 offsets into bucket_items */
  guint32     *bucket_items; /* phrase ids by bucket */
  GArray      *short_items;  /* phrases whose first piece is under 3 bytes */
  gsize       *first_len;    /* each phrase's first piece, in bytes */
};

static gsize
first_piece_len (const char *phrase)
{
  const char *star = strchr (phrase, '*');

  return star != NULL ? (gsize) (star - phrase) : strlen (phrase);
}

/**
 * bb_phrase_index_new:
 * @phrases: (array length=n): static phrases, same syntax as
 *   bb_match_phrase()
 *
 * Returns: (transfer full): an index for bb_phrase_index_scan()
 */
BbPhraseIndex *
bb_phrase_index_new (const char *const *phrases,
                     guint              n)
{
  BbPhraseIndex *index = g_new0 (BbPhraseIndex, 1);
  guint32       *counts = g_new0 (guint32, 4097);

  index->n_phrases = n;
  index->phrases = g_memdup2 (phrases, sizeof (char *) * MAX (n, 1));
  index->short_items = g_array_new (FALSE, FALSE, sizeof (guint32));
  index->first_len = g_new0 (gsize, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    index->first_len[i] = first_piece_len (phrases[i]);
  for (guint i = 0; i < n; i++)
    if (index->first_len[i] >= 3)
      counts[gram_hash (phrases[i]) + 1]++;
  for (guint b = 1; b <= 4096; b++)
    counts[b] += counts[b - 1];
  index->bucket_start = g_memdup2 (counts, sizeof (guint32) * 4097);
  index->bucket_items = g_new0 (guint32, MAX (1, counts[4096]));
  for (guint32 i = 0; i < n; i++)
    {
      gsize len = index->first_len[i];

      if (len >= 3)
        index->bucket_items[counts[gram_hash (phrases[i])]++] = i;
      else if (len > 0)
        g_array_append_val (index->short_items, i);
    }
  g_free (counts);
  return index;
}

static gboolean
phrase_at (const char *end,
           const char *p,
           const char *phrase,
           gsize       n,
           gsize      *match_len)
{
  const char *stop;

  if ((gsize) (end - p) < n || memcmp (p, phrase, n) != 0)
    return FALSE;
  stop = phrase[n] == '*' ? match_rest (p + n, end, phrase + n + 1) : p + n;
  if (stop == NULL)
    return FALSE;
  *match_len = stop - p;
  return TRUE;
}

/**
 * bb_phrase_index_scan:
 * @func: called for each (phrase id, position, length) matched; return
 *   %FALSE to stop
 *
 * One pass over the text for all the phrases of @index.
 */
void
bb_phrase_index_scan (const BbPhraseIndex *index,
                      const BbMatchText   *mt,
                      BbPhraseFunc         func,
                      gpointer             user_data)
{
  const char *text = mt->text;
  const char *end = mt->text + mt->len;

  for (gsize i = 0; i + 3 <= mt->len; i++)
    {
      guint h = gram_hash (text + i);

      for (guint32 k = index->bucket_start[h]; k < index->bucket_start[h + 1]; k++)
        {
          guint32 id = index->bucket_items[k];
          gsize   len = 0;

          if (phrase_at (end, text + i, index->phrases[id], index->first_len[id], &len) &&
              !func (id, i, len, user_data))
            return;
        }
    }
  for (guint k = 0; k < index->short_items->len; k++)
    {
      guint32 id = g_array_index (index->short_items, guint32, k);
      gsize   st = 0, ln = 0;

      if (bb_match_phrase (mt, index->phrases[id], &st, &ln) && !func (id, st, ln, user_data))
        return;
    }
}

/* ---- every reason's phrases ---- */

typedef struct
{
  BbPhraseIndex *index;
  guint8        *reason_of; /* phrase → reason index */
} ReasonIndex;

static gpointer
build_reason_index (gpointer data)
{
  ReasonIndex *ri = g_new0 (ReasonIndex, 1);
  guint        n_reasons = MIN (bb_reason_count (), BB_MAX_REASONS);
  g_autoptr (GPtrArray) phrases = g_ptr_array_new ();
  g_autoptr (GByteArray) reasons = g_byte_array_new ();

  for (guint r = 0; r < n_reasons; r++)
    {
      const char *const *list = bb_reason_phrases_at (r);
      guint8             rr = (guint8) r;

      for (guint i = 0; list != NULL && list[i] != NULL; i++)
        {
          g_ptr_array_add (phrases, (gpointer) list[i]);
          g_byte_array_append (reasons, &rr, 1);
        }
    }
  ri->index = bb_phrase_index_new ((const char *const *) phrases->pdata, phrases->len);
  ri->reason_of = g_byte_array_free (g_steal_pointer (&reasons), FALSE);
  return ri;
}

/* Built once and never changed: shared read-only by every thread. */
static const ReasonIndex *
reason_index (void)
{
  static GOnce once = G_ONCE_INIT;

  return g_once (&once, build_reason_index, NULL);
}

typedef struct
{
  const ReasonIndex *ri;
  BbReasonMatches   *out;
} ReasonScan;

static gboolean
reason_hit_cb (guint    id,
               gsize    start,
               gsize    len,
               gpointer user_data)
{
  ReasonScan *scan = user_data;
  guint       r = scan->ri->reason_of[id];

  if (scan->out->start[r] < 0)
    {
      scan->out->start[r] = start;
      scan->out->len[r] = len;
    }
  return TRUE;
}

/**
 * bb_match_reasons:
 *
 * Matches the phrases of every reason against @mt in one pass over the
 * text, instead of one pass per phrase.
 */
void
bb_match_reasons (const BbMatchText *mt,
                  BbReasonMatches   *out)
{
  ReasonScan scan = { reason_index (), out };

  for (guint r = 0; r < BB_MAX_REASONS; r++)
    {
      out->start[r] = -1;
      out->len[r] = 0;
    }
  bb_phrase_index_scan (scan.ri->index, mt, reason_hit_cb, &scan);
}

static gpointer
build_reason_positions (gpointer data)
{
  GHashTable *positions = g_hash_table_new (g_str_hash, g_str_equal);
  guint       n = bb_reason_count ();

  (void) data;
  for (guint r = MIN (n, BB_MAX_REASONS); r > 0; r--) /* the first of a name wins */
    g_hash_table_insert (positions, (gpointer) bb_reason_name_at (r - 1), GUINT_TO_POINTER (r));
  return positions;
}

gint
bb_match_reason_index (const char *reason)
{
  static GOnce once = G_ONCE_INIT;
  GHashTable  *positions = g_once (&once, build_reason_positions, NULL);

  return (gint) GPOINTER_TO_UINT (g_hash_table_lookup (positions, reason)) - 1;
}
