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
  gsize n;
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
  gsize n = star != NULL ? (gsize) (star - phrase) : strlen (phrase);
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
  const char * const *phrases = bb_reason_phrases (reason);

  if (phrases == NULL || mt->len == 0)
    return NULL;
  for (guint i = 0; phrases[i] != NULL; i++)
    if (bb_match_phrase (mt, phrases[i], match_start, match_len))
      return phrases[i];
  return NULL;
}

