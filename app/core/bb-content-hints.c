/* bb-content-hints.c - why a filter may have disliked the original
 *
 * Only when the server refused the message for its content or its size,
 * and the notice returns the original: then the subject, the body and the
 * attachments are read for what spam filters and size limits react to.
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bb-bounce-private.h"
#include "bb-content-hints-private.h"
#include "bb-gmime-private.h"
#include "bb-message.h"
#include "bb-recipient-private.h"
#include "bb-text.h"

#include <string.h>

#define MAX_BODY (256 * 1024)

/* Words that spam filters weigh, in English and Chinese (our users write
 * both).  Lower case; matched on word boundaries for the Latin ones. */
static const char *const marketing_words[] = {
  "free",
  "discount",
  "urgent",
  "cheap",
  "lowest price",
  "best price",
  "special offer",
  "limited time",
  "act now",
  "buy now",
  "click here",
  "order now",
  "winner",
  "guarantee",
  "100%",
  "risk-free",
  "no obligation",
  "promotion",
  "hot sale",
  "big sale",
  "clearance",
  "wholesale price",
  "factory price",
  "free sample",
  "free shipping",
  "unsubscribe",
  "免费",
  "优惠",
  "折扣",
  "促销",
  "限时",
  "特价",
  "低价",
  "大促",
  "赚钱",
  "包邮",
  "秒杀",
  NULL,
};

/* Attachment types that filters block or quarantine. */
static const char *const risky_extensions[] = {
  ".exe",
  ".scr",
  ".bat",
  ".cmd",
  ".com",
  ".pif",
  ".js",
  ".jse",
  ".vbs",
  ".vbe",
  ".wsf",
  ".jar",
  ".msi",
  ".ps1",
  ".hta",
  ".lnk",
  ".iso",
  ".img",
  ".docm",
  ".xlsm",
  ".pptm",
  ".dotm",
  ".xlam",
  ".chm",
  ".cpl",
  ".reg",
  NULL,
};

static gboolean
needs_hints (BbBounce *b)
{
  for (guint i = 0; i < b->recipients->len; i++)
    {
      BbRecipient *r = g_ptr_array_index (b->recipients, i);

      if (r->category == BB_CATEGORY_CONTENT || r->category == BB_CATEGORY_TOO_BIG ||
          r->category == BB_CATEGORY_POLICY ||
          (r->reason != NULL && (strcmp (r->reason, "spamdetected") == 0 ||
                                 strcmp (r->reason, "mesgtoobig") == 0 ||
                                 strcmp (r->reason, "exceedlimit") == 0 ||
                                 strcmp (r->reason, "contenterror") == 0 ||
                                 strcmp (r->reason, "virusdetected") == 0 ||
                                 strcmp (r->reason, "policyviolation") == 0)))
        return TRUE;
    }
  return FALSE;
}

static gboolean
is_word_char (guchar c)
{
  return g_ascii_isalnum (c) || c == '-' || c == '\'';
}

static void
find_marketing_words (const char *lower,
                      GString    *found)
{
  for (guint i = 0; marketing_words[i] != NULL; i++)
    {
      const char *w = marketing_words[i];
      gsize       n = strlen (w);
      const char *p = lower;

      while ((p = strstr (p, w)) != NULL)
        {
          gboolean latin = (guchar) w[0] < 0x80;
          gboolean bounded = !latin || ((p == lower || !is_word_char (p[-1])) && !is_word_char (p[n]));

          if (bounded)
            {
              if (found->len > 0)
                g_string_append (found, ", ");
              g_string_append (found, w);
              break;
            }
          p += n;
        }
      if (found->len > 120)
        break;
    }
}

/* "SPECIAL OFFER FOR YOU": most letters are capitals. */
static gboolean
mostly_capitals (const char *subject)
{
  guint upper = 0, lower = 0;

  for (const char *p = subject; *p != '\0'; p++)
    {
      if (g_ascii_isupper (*p))
        upper++;
      else if (g_ascii_islower (*p))
        lower++;
    }
  return upper >= 8 && upper * 10 >= (upper + lower) * 7;
}

static gboolean
has_exclamation_run (const char *text,
                     char      **sample)
{
  const char *p = text;

  while ((p = strchr (p, '!')) != NULL)
    {
      if (p[1] == '!')
        {
          *sample = g_strdup ("!!");
          return TRUE;
        }
      p++;
    }
  if ((p = strstr (text, "！！")) != NULL || (p = strstr (text, "!！")) != NULL)
    {
      *sample = g_strdup ("！！");
      return TRUE;
    }
  return FALSE;
}

static guint
count_ci (const char *haystack,
          const char *needle)
{
  guint n = 0;

  for (const char *p = strcasestr (haystack, needle); p != NULL; p = strcasestr (p + 1, needle))
    n++;
  return n;
}

/**
 * _bb_content_hints_size_limit:
 * @diagnostic: a server's words
 *
 * Reads a size limit a server quoted: "exceeds fixed maximum message size
 * (10485760 bytes)", "size limit of 20 MB", "max 25M" …
 *
 * Returns: the limit in bytes, or 0
 */
gsize
_bb_content_hints_size_limit (const char *diagnostic)
{
  g_autofree char *lower = NULL;
  const char      *p;

  if (diagnostic == NULL)
    return 0;
  lower = bb_text_ascii_lower (diagnostic, -1);
  if (strstr (lower, "size") == NULL && strstr (lower, "large") == NULL &&
      strstr (lower, "limit") == NULL && strstr (lower, "big") == NULL &&
      strstr (lower, "exceed") == NULL)
    return 0;
  for (p = lower; *p != '\0'; p++)
    {
      char  *end = NULL;
      double value;

      if (!g_ascii_isdigit (*p) || (p > lower && (g_ascii_isalnum (p[-1]) || p[-1] == '.')))
        continue;
      value = g_ascii_strtod (p, &end);
      if (end == NULL || end == p)
        continue;
      while (*end == ' ')
        end++;
      if (g_str_has_prefix (end, "bytes") || g_str_has_prefix (end, "byte"))
        {
          if (value >= 10240)
            return (gsize) value;
        }
      else if (g_str_has_prefix (end, "mb") || (end[0] == 'm' && !g_ascii_isalpha (end[1])) ||
               g_str_has_prefix (end, "mib") || g_str_has_prefix (end, "megabyte"))
        {
          if (value >= 1 && value <= 4096)
            return (gsize) (value * 1024 * 1024);
        }
      else if (g_str_has_prefix (end, "kb") || (end[0] == 'k' && !g_ascii_isalpha (end[1])) ||
               g_str_has_prefix (end, "kib") || g_str_has_prefix (end, "kilobyte"))
        {
          if (value >= 10 && value <= 4 * 1024 * 1024)
            return (gsize) (value * 1024);
        }
      p = end - 1;
    }
  return 0;
}

/**
 * _bb_content_hints_compute:
 * @original: (nullable): the returned original (maybe headers only)
 * @original_text: (nullable): the original as text, when the notice
 *   quotes it instead of attaching it
 *
 * Adds content hints to @bounce when a content or size refusal makes
 * them worth reading.
 */
void
_bb_content_hints_compute (BbBounce     *bounce,
                           BbOriginal   *original,
                           const char   *original_text)
{
  g_autoptr (GString) text = NULL;
  g_autoptr (GString) html = NULL;
  g_autoptr (GString) words = NULL;
  g_autofree char *lower = NULL;
  g_autofree char *sample = NULL;
  const char      *subject = bounce->original_subject;

  for (guint i = 0; i < bounce->recipients->len && bounce->size_limit == 0; i++)
    {
      BbRecipient *r = g_ptr_array_index (bounce->recipients, i);
      bounce->size_limit = _bb_content_hints_size_limit (r->diagnostic);
    }

  if (!needs_hints (bounce) || (original == NULL && original_text == NULL))
    return;

  text = g_string_new (NULL);
  html = g_string_new (NULL);
  if (original != NULL && !bb_original_is_headers_only (original))
    bb_original_collect_bodies (original, text, html, MAX_BODY);
  if (text->len == 0 && html->len == 0 && original_text != NULL)
    g_string_append_len (text, original_text, MIN (strlen (original_text), MAX_BODY));

  if (subject != NULL && mostly_capitals (subject))
    _bb_bounce_add_content_hint (bounce, "subject-capitals", subject);

  {
    g_autofree char *all = g_strconcat (subject != NULL ? subject : "", "\n", text->str, "\n", html->str, NULL);

    if (has_exclamation_run (all, &sample))
      _bb_bounce_add_content_hint (bounce, "exclamation-marks", sample);
    lower = bb_text_ascii_lower (all, -1);
  }

  words = g_string_new (NULL);
  find_marketing_words (lower, words);
  if (words->len > 0)
    _bb_bounce_add_content_hint (bounce, "marketing-words", words->str);

  for (guint i = 0; i < bounce->attachments->len; i++)
    {
      const BbAttachment *att = g_ptr_array_index (bounce->attachments, i);
      g_autofree char    *name = att->filename != NULL ? bb_text_ascii_lower (att->filename, -1) : NULL;

      if (name == NULL)
        continue;
      for (guint k = 0; risky_extensions[k] != NULL; k++)
        if (g_str_has_suffix (name, risky_extensions[k]))
          {
            _bb_bounce_add_content_hint (bounce, "risky-attachment", att->filename);
            break;
          }
    }

  if (bounce->size_limit > 0 && bounce->original_size > bounce->size_limit)
    {
      g_autofree char *have = g_format_size (bounce->original_size);
      g_autofree char *limit = g_format_size (bounce->size_limit);
      g_autofree char *detail = g_strdup_printf ("%s > %s", have, limit);

      _bb_bounce_add_content_hint (bounce, "over-size-limit", detail);
    }

  if (html->len > 0)
    {
      guint            images = count_ci (html->str, "<img");
      g_autofree char *plain = bb_text_html_to_text (html->str, html->len);
      g_autofree char *collapsed = bb_text_collapse (plain, -1);
      gsize            chars = g_utf8_strlen (collapsed, -1);

      bounce->original_images = images;
      bounce->original_html_text = chars;
      if (images >= 3 && chars < (gsize) images * 120)
        {
          g_autofree char *detail = g_strdup_printf ("%u <img>, %" G_GSIZE_FORMAT " chars", images, chars);
          _bb_bounce_add_content_hint (bounce, "image-heavy-html", detail);
        }
    }
  {
    guint links = count_ci (lower, "http://") + count_ci (lower, "https://");

    bounce->original_links = links;
    if (links >= 10)
      {
        g_autofree char *detail = g_strdup_printf ("%u", links);
        _bb_bounce_add_content_hint (bounce, "many-links", detail);
      }
  }
}
