/* bb-text.c - small text helpers for the analyser
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bb-text.h"

#include <errno.h>
#include <gmime/gmime.h>
#include <iconv.h>
#include <string.h>

/* Charset labels seen in real mail that iconv does not know, or that are
 * better decoded with a superset (GB18030 covers GB2312 and GBK). */
static const struct
{
  const char *label;
  const char *iconv_name;
} charset_aliases[] = {
  { "gb2312", "GB18030" },
  { "gbk", "GB18030" },
  { "x-gbk", "GB18030" },
  { "cp936", "GB18030" },
  { "gb_2312-80", "GB18030" },
  { "euc-cn", "GB18030" },
  { "x-euc-cn", "GB18030" },
  { "csgb2312", "GB18030" },
  { "gb18030", "GB18030" },
  { "big5", "BIG5-HKSCS" },
  { "x-big5", "BIG5-HKSCS" },
  { "big5-hkscs", "BIG5-HKSCS" },
  { "ks_c_5601-1987", "CP949" },
  { "euc-kr", "CP949" },
  { "unicode-1-1-utf-7", "UTF-7" },
  { "utf-7", "UTF-7" },
  { "uft-8", "UTF-8" },
  { "utf8", "UTF-8" },
  { "shift_jis", "CP932" },
  { "shift-jis", "CP932" },
  { "x-sjis", "CP932" },
  { "sjis", "CP932" },
  { "windows-31j", "CP932" },
  { "iso-2022-jp", "ISO-2022-JP-3" },
  { "iso-2022-jp-ms", "ISO-2022-JP-3" },
  { "euc-jp", "EUC-JP-MS" },
  { "us-ascii", "UTF-8" },
  { "ascii", "UTF-8" },
  { "iso-8859-1", "CP1252" },
  { "latin1", "CP1252" },
};

static const char *
charset_iconv_name (const char *charset)
{
  for (gsize i = 0; i < G_N_ELEMENTS (charset_aliases); i++)
    if (g_ascii_strcasecmp (charset, charset_aliases[i].label) == 0)
      return charset_aliases[i].iconv_name;
  return g_mime_charset_iconv_name (charset);
}

#define ONES  G_GUINT64_CONSTANT (0x0101010101010101)
#define HIGHS G_GUINT64_CONSTANT (0x8080808080808080)

/**
 * bb_text_has_high_bytes:
 *
 * Whether any of the @len bytes is outside ASCII (eight bytes at a time).
 */
gboolean
bb_text_has_high_bytes (const char *data,
                        gsize       len)
{
  gsize i = 0;

  for (; i + 8 <= len; i += 8)
    {
      guint64 word;

      memcpy (&word, data + i, 8);
      if (word & HIGHS)
        return TRUE;
    }
  for (; i < len; i++)
    if ((guchar) data[i] >= 0x80)
      return TRUE;
  return FALSE;
}

/* ASCII without NUL bytes: valid UTF-8 as it stands. */
static gboolean
is_plain_ascii (const char *data,
                gsize       len)
{
  return !bb_text_has_high_bytes (data, len) && memchr (data, '\0', len) == NULL;
}

/**
 * bb_text_pin_converters:
 *
 * glibc loads a gconv module when a converter is opened and unloads it
 * when the last one is closed, so opening and closing one per part (as
 * GMime does for every encoded header) costs a dlopen and a dlclose each
 * time.  Keeping one converter per common charset open for the life of
 * the process keeps the modules loaded.  Called once, from bb_core_init().
 */
void
bb_text_pin_converters (void)
{
  static const char *const charsets[] = {
    "GB18030",
    "GBK",
    "GB2312",
    "BIG5",
    "BIG5-HKSCS",
    "ISO-2022-JP",
    "ISO-2022-JP-3",
    "EUC-JP",
    "EUC-JP-MS",
    "SHIFT_JIS",
    "CP932",
    "CP949",
    "EUC-KR",
    "UTF-7",
    "CP1252",
    "CP1251",
    "CP1250",
    "KOI8-R",
    "ISO-8859-2",
    "ISO-8859-15",
    "UTF-16",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (charsets); i++)
    {
      /* Deliberately never closed: these are process-wide handles. */
      iconv_t cd = iconv_open ("UTF-8", charsets[i]);
      (void) cd;
    }
}

/* Converts with iconv; with @strict, any invalid or incomplete sequence fails the whole
 * conversion; otherwise bad bytes become U+FFFD. */
static char *
convert_with (const char *data,
              gsize       len,
              const char *from,
              gboolean    strict)
{
  iconv_t  cd = g_mime_iconv_open ("UTF-8", from);
  GString *out;
  char    *in = (char *) data;
  gsize    inleft = len;
  char     buf[4096];

  if (cd == (iconv_t) -1)
    return NULL;
  out = g_string_sized_new (len + len / 2 + 16);
  while (inleft > 0)
    {
      char *o = buf;
      gsize oleft = sizeof buf;
      gsize rc = iconv (cd, &in, &inleft, &o, &oleft);

      g_string_append_len (out, buf, o - buf);
      if (rc == (gsize) -1)
        {
          if (errno == E2BIG)
            continue;
          if (strict)
            {
              g_mime_iconv_close (cd);
              g_string_free (out, TRUE);
              return NULL;
            }
          g_string_append (out, "\xef\xbf\xbd");
          in++;
          inleft--;
          iconv (cd, NULL, NULL, NULL, NULL);
        }
    }
  {
    char *o = buf;
    gsize oleft = sizeof buf;

    iconv (cd, NULL, NULL, &o, &oleft); /* flush shift states */
    g_string_append_len (out, buf, o - buf);
  }
  g_mime_iconv_close (cd);
  return g_string_free (out, FALSE);
}

static char *
convert_strict (const char *data,
                gsize       len,
                const char *from)
{
  return convert_with (data, len, from, TRUE);
}

/* Share of the non-ASCII characters that are CJK ideographs or CJK
 * punctuation: tells a real GB18030 text from Latin-1 bytes that happen to
 * decode as GB18030. */
static gboolean
mostly_cjk (const char *utf8)
{
  guint cjk = 0;
  guint other = 0;

  for (const char *p = utf8; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x80)
        continue;
      if ((c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3000 && c <= 0x303F) ||
          (c >= 0xFF00 && c <= 0xFFEF))
        cjk++;
      else
        other++;
    }
  return cjk > 0 && cjk >= other * 4;
}

/**
 * bb_text_to_utf8:
 * @data: bytes in some charset
 * @len: their length
 * @charset: (nullable): the declared charset label
 *
 * Decodes to UTF-8 whatever the label says, guessing when it is missing,
 * wrong or unknown (UTF-8, then ISO-2022-JP by its escapes, then GB18030
 * when the result reads as Chinese, then Windows-1252).  Never fails.
 *
 * Returns: (transfer full): valid UTF-8
 */
char *
bb_text_to_utf8 (const char *data,
                 gsize       len,
                 const char *charset)
{
  char *out = NULL;

  if (data == NULL || len == 0)
    return g_strdup ("");

  if (charset != NULL && *charset != '\0')
    {
      const char *name = charset_iconv_name (charset);

      if (name != NULL && g_ascii_strcasecmp (name, "UTF-8") != 0)
        {
          if (!bb_text_has_high_bytes (data, len) && memchr (data, 0x1b, len) == NULL &&
              memchr (data, '+', len) == NULL)
            return g_strndup (data, len);
          out = convert_strict (data, len, name);
          if (out == NULL && g_ascii_strcasecmp (name, "GB18030") != 0)
            {
              /* Lenient second try: keep what decodes. */
              out = convert_with (data, len, name, FALSE);
            }
          if (out != NULL)
            {
              if (!g_utf8_validate (out, -1, NULL))
                {
                  char *valid = g_utf8_make_valid (out, -1);
                  g_free (out);
                  out = valid;
                }
              return out;
            }
        }
    }

  if (is_plain_ascii (data, len) || g_utf8_validate_len (data, len, NULL))
    return g_strndup (data, len);

  if (memchr (data, 0x1b, len) != NULL)
    {
      out = convert_strict (data, len, "ISO-2022-JP-3");
      if (out != NULL)
        return out;
    }

  out = convert_strict (data, len, "GB18030");
  if (out != NULL && mostly_cjk (out))
    return out;
  g_clear_pointer (&out, g_free);

  out = convert_strict (data, len, "CP1252");
  if (out == NULL)
    out = convert_strict (data, len, "ISO-8859-1");
  if (out == NULL)
    out = g_utf8_make_valid (data, len);
  return out;
}

static const struct
{
  const char *name;
  const char *utf8;
} html_entities[] = {
  { "nbsp", " " },
  { "amp", "&" },
  { "lt", "<" },
  { "gt", ">" },
  { "quot", "\"" },
  { "apos", "'" },
  { "copy", "©" },
  { "reg", "®" },
  { "mdash", "—" },
  { "ndash", "–" },
  { "hellip", "…" },
  { "rsquo", "’" },
  { "lsquo", "‘" },
  { "rdquo", "”" },
  { "ldquo", "“" },
  { "middot", "·" },
  { "bull", "•" },
  { "raquo", "»" },
  { "laquo", "«" },
  { "trade", "™" },
};

static const char *
decode_entity (const char *p,
               const char *end,
               GString    *out)
{
  const char *semi;
  gsize       n;

  g_assert (*p == '&');
  semi = memchr (p, ';', MIN ((gsize) (end - p), 12));
  if (semi == NULL)
    {
      g_string_append_c (out, '&');
      return p + 1;
    }
  n = semi - (p + 1);
  if (n >= 2 && p[1] == '#')
    {
      gunichar c;
      char     buf[8];
      int      blen;

      if (p[2] == 'x' || p[2] == 'X')
        c = (gunichar) g_ascii_strtoull (p + 3, NULL, 16);
      else
        c = (gunichar) g_ascii_strtoull (p + 2, NULL, 10);
      if (c == 0xa0)
        c = ' ';
      if (c == 0 || !g_unichar_validate (c))
        c = 0xfffd;
      blen = g_unichar_to_utf8 (c, buf);
      g_string_append_len (out, buf, blen);
      return semi + 1;
    }
  for (gsize i = 0; i < G_N_ELEMENTS (html_entities); i++)
    if (strlen (html_entities[i].name) == n &&
        g_ascii_strncasecmp (p + 1, html_entities[i].name, n) == 0)
      {
        g_string_append (out, html_entities[i].utf8);
        return semi + 1;
      }
  g_string_append_c (out, '&');
  return p + 1;
}

static gboolean
tag_is (const char *tag,
        gsize       len,
        const char *name)
{
  gsize n = strlen (name);

  if (len < n || g_ascii_strncasecmp (tag, name, n) != 0)
    return FALSE;
  return len == n || !g_ascii_isalnum (tag[n]);
}

/**
 * bb_text_html_to_text:
 *
 * Turns HTML into plain text: never rendered, never fetched.  Block tags
 * become line breaks, cells become spaces, scripts, styles and comments go,
 * entities are decoded.
 *
 * Returns: (transfer full): the text
 */
char *
bb_text_html_to_text (const char *html,
                      gsize       len)
{
  GString    *out = g_string_sized_new (len / 2 + 16);
  const char *p = html;
  const char *end = html + len;

  while (p < end)
    {
      if (*p == '<')
        {
          const char *close;
          const char *tag = p + 1;
          gboolean    closing = FALSE;
          gsize       tlen;

          if (end - p >= 4 && memcmp (p, "<!--", 4) == 0)
            {
              const char *c = bb_text_memmem (p + 4, end - p - 4, "-->");
              p = c != NULL ? c + 3 : end;
              continue;
            }
          close = memchr (p, '>', end - p);
          if (close == NULL)
            break;
          if (*tag == '/')
            {
              closing = TRUE;
              tag++;
            }
          tlen = close - tag;
          if (!closing && (tag_is (tag, tlen, "script") || tag_is (tag, tlen, "style") ||
                           tag_is (tag, tlen, "head") || tag_is (tag, tlen, "title")))
            {
              const char *name_end = tag;
              char        closer[16];
              const char *c;

              while (name_end < close && g_ascii_isalpha (*name_end))
                name_end++;
              g_snprintf (closer, sizeof closer, "</%.*s", (int) (name_end - tag), tag);
              for (char *q = closer; *q != '\0'; q++)
                *q = g_ascii_tolower (*q);
              c = bb_text_find_ci_len (close, MIN (end - close, 1 << 20), closer);
              p = c != NULL ? c : end;
              close = memchr (p, '>', end - p);
              p = close != NULL ? close + 1 : end;
              continue;
            }
          if (tag_is (tag, tlen, "br") || tag_is (tag, tlen, "p") || tag_is (tag, tlen, "div") ||
              tag_is (tag, tlen, "tr") || tag_is (tag, tlen, "li") || tag_is (tag, tlen, "table") ||
              tag_is (tag, tlen, "h1") || tag_is (tag, tlen, "h2") || tag_is (tag, tlen, "h3") ||
              tag_is (tag, tlen, "h4") || tag_is (tag, tlen, "blockquote") ||
              tag_is (tag, tlen, "pre") || tag_is (tag, tlen, "hr"))
            g_string_append_c (out, '\n');
          else if (tag_is (tag, tlen, "td") || tag_is (tag, tlen, "th"))
            g_string_append_c (out, ' ');
          p = close + 1;
        }
      else if (*p == '&')
        p = decode_entity (p, end, out);
      else if (*p == '\r')
        p++;
      else
        g_string_append_c (out, *p++);
    }

  /* Tidy: strip trailing blanks on each line, at most one empty line. */
  {
    GString *tidy = g_string_sized_new (out->len);
    gchar  **lines = g_strsplit (out->str, "\n", -1);
    guint    empty = 0;

    for (guint i = 0; lines[i] != NULL; i++)
      {
        char *l = g_strstrip (lines[i]);

        if (*l == '\0')
          {
            if (empty++ == 0 && tidy->len > 0)
              g_string_append_c (tidy, '\n');
            continue;
          }
        empty = 0;
        g_string_append (tidy, l);
        g_string_append_c (tidy, '\n');
      }
    g_strfreev (lines);
    g_string_free (out, TRUE);
    return g_string_free (tidy, FALSE);
  }
}

/**
 * bb_text_ascii_lower:
 * @len: bytes to read, or -1 up to the NUL
 *
 * As g_ascii_strdown(), without a function call per character (it runs
 * over every diagnostic, several times).
 *
 * Returns: (transfer full): the copy, ASCII letters in lower case
 */
char *
bb_text_ascii_lower (const char *str,
                     gssize      len)
{
  char *out;

  g_return_val_if_fail (str != NULL, NULL);
  out = len < 0 ? g_strdup (str) : g_strndup (str, (gsize) len);
  for (char *p = out; *p != '\0'; p++)
    if ((guchar) (*p - 'A') < 26)
      *p += 'a' - 'A';
  return out;
}

/**
 * bb_text_collapse:
 *
 * Unfolds: every run of white space (newlines included) becomes one space;
 * leading and trailing space goes.
 */
char *
bb_text_collapse (const char *text,
                  gssize      len)
{
  char       *out;
  char       *o;
  gboolean    space = FALSE;
  const char *end;

  if (text == NULL)
    return NULL;
  if (len < 0)
    len = strlen (text);
  end = text + len;
  o = out = g_malloc (len + 1);
  for (const char *p = text; p < end; p++)
    {
      guchar c = (guchar) *p;

      /* (white space is at or below ' ': one test for most bytes) */
      if (c <= ' ' && (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'))
        {
          space = o > out;
          continue;
        }
      if (space)
        *o++ = ' ';
      space = FALSE;
      *o++ = (char) c;
    }
  *o = '\0';
  /* Most texts lose a few bytes only: keep the block unless that is much. */
  return (gsize) (o - out) + 256 < (gsize) len ? g_realloc (out, o - out + 1) : out;
}

static inline gboolean
is_digit (char c)
{
  return c >= '0' && c <= '9';
}

/* Reads 1..max digits at p (bounded by end); returns how many. */
static inline int
digits_at (const char *p,
           const char *end,
           int         max)
{
  int n = 0;

  while (p + n < end && is_digit (p[n]))
    n++;
  return (n >= 1 && n <= max) ? n : 0;
}

/**
 * bb_text_find_status:
 * @out: receives "C.S.D"
 *
 * Finds the first RFC 3463 enhanced status code (class 2, 4 or 5,
 * subject 0–7, detail 0–999) standing on its own: not inside an IP
 * address, a version number or a longer number.
 *
 * Returns: where the code starts, or %NULL
 */
const char *
bb_text_find_status (const char *text,
                     const char *end,
                     char        out[16])
{
  for (const char *p = text; p + 5 <= end; p++)
    {
      int nd;

      if (*p != '2' && *p != '4' && *p != '5')
        continue;
      if (p[1] != '.' || !is_digit (p[2]) || p[2] > '7' || p[3] != '.')
        continue;
      if (p > text && (is_digit (p[-1]) || p[-1] == '.' || g_ascii_isalpha (p[-1]) ||
                       p[-1] == '-' || p[-1] == '/' || p[-1] == '_'))
        continue;
      nd = digits_at (p + 4, end, 3);
      if (nd == 0)
        continue;
      {
        const char *after = p + 4 + nd;

        if (after < end && (is_digit (*after) || g_ascii_isalpha (*after) || *after == '/' ||
                            *after == '_' ||
                            (*after == '.' && after + 1 < end && is_digit (after[1]))))
          continue;
      }
      g_snprintf (out, 16, "%.*s", (int) (4 + nd), p);
      return p;
    }
  return NULL;
}

gboolean
bb_text_is_status (const char *text)
{
  char        buf[16];
  const char *end;

  if (text == NULL)
    return FALSE;
  end = text + strlen (text);
  return bb_text_find_status (text, end, buf) == text && strlen (buf) == (gsize) (end - text);
}

/**
 * bb_text_find_reply_code:
 * @out: receives the three digits
 *
 * Finds the first SMTP reply code: three digits, first 2/4/5, second 0–5,
 * standing alone and followed by a space, a dash or the end of a clause.
 */
const char *
bb_text_find_reply_code (const char *text,
                         const char *end,
                         char        out[4])
{
  for (const char *p = text; p + 3 <= end; p++)
    {
      char after;

      if (*p != '2' && *p != '4' && *p != '5')
        continue;
      if (!is_digit (p[1]) || p[1] > '5' || !is_digit (p[2]))
        continue;
      if (p > text && (is_digit (p[-1]) || g_ascii_isalpha (p[-1]) || p[-1] == '.' ||
                       p[-1] == '-' || p[-1] == '/' || p[-1] == '_' || p[-1] == '+' ||
                       p[-1] == '$'))
        continue;
      after = (p + 3 < end) ? p[3] : '\0';
      if (!(after == ' ' || after == '-' || after == '\0' || after == '\n' || after == '\r' ||
            after == '\t' || after == ')' || after == ';' || after == ',' || after == ']' ||
            after == '>' || (after == ':' && (p + 4 >= end || p[4] == ' '))))
        continue;
      /* "Size (in bytes): 222" is a size, not a reply. */
      if (p - text >= 2 && p[-1] == ' ' && p[-2] == ':' &&
          (p - text >= 8 && (g_ascii_strncasecmp (p - 8, "bytes", 5) == 0 ||
                             g_ascii_strncasecmp (p - 8, "lines", 5) == 0)))
        continue;
      /* "250 KB", "550 bytes", "450 MB" are sizes, not replies. */
      if (after == ' ' && p + 6 <= end &&
          (g_ascii_strncasecmp (p + 4, "kb", 2) == 0 || g_ascii_strncasecmp (p + 4, "mb", 2) == 0 ||
           g_ascii_strncasecmp (p + 4, "bytes", MIN (5, end - p - 4)) == 0 ||
           g_ascii_strncasecmp (p + 4, "days", MIN (4, end - p - 4)) == 0 ||
           g_ascii_strncasecmp (p + 4, "hours", MIN (5, end - p - 4)) == 0 ||
           g_ascii_strncasecmp (p + 4, "second", MIN (6, end - p - 4)) == 0 ||
           g_ascii_strncasecmp (p + 4, "minute", MIN (6, end - p - 4)) == 0))
        continue;
      out[0] = p[0];
      out[1] = p[1];
      out[2] = p[2];
      out[3] = '\0';
      return p;
    }
  return NULL;
}

static inline gboolean
is_local_char (guchar c)
{
  return g_ascii_isalnum (c) || c >= 0x80 || strchr ("!#$%&'*+-/=?^_`{|}~.", c) != NULL;
}

static inline gboolean
is_domain_char (guchar c)
{
  return g_ascii_isalnum (c) || c >= 0x80 || c == '-' || c == '.' || c == '_';
}

static gboolean
has_ascii_alnum (const char *from,
                 const char *to)
{
  for (const char *p = from; p < to; p++)
    if (g_ascii_isalnum (*p))
      return TRUE;
  return FALSE;
}

/* CJK and full-width punctuation (，。：；（）「」…): never in an address,
 * always the sentence around it. */
static gboolean
is_cjk_punctuation (gunichar c)
{
  return (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFF0F) || (c >= 0xFF1A && c <= 0xFF20) ||
         (c >= 0xFF3B && c <= 0xFF40) || (c >= 0xFF5B && c <= 0xFF65);
}

/* Where the domain that starts at @start ends.  Labels are ASCII or
 * wholly another script (IDN); where one turns into the other, or at CJK
 * punctuation, the sentence has taken over ("example.com的退信",
 * "例子.公司，无法投递"). *dot: the domain has a dot. */
static const char *
domain_end (const char *start,
            const char *end,
            gboolean   *dot)
{
  const char *p = start;
  gboolean    label_ascii = FALSE;
  gboolean    label_other = FALSE;

  while (p < end)
    {
      guchar c = (guchar) *p;

      if (c < 0x80)
        {
          if (!is_domain_char (c) || (g_ascii_isalnum (c) && label_other))
            break;
          if (c == '.')
            label_ascii = label_other = FALSE;
          else
            label_ascii = TRUE;
          p++;
        }
      else
        {
          gunichar u = g_utf8_get_char_validated (p, end - p);

          if (u == (gunichar) -1 || u == (gunichar) -2 || label_ascii || is_cjk_punctuation (u))
            break;
          label_other = TRUE;
          p = g_utf8_next_char (p);
        }
    }
  /* a closing full stop or hyphen is the sentence's */
  while (p > start && (p[-1] == '.' || p[-1] == '-'))
    p--;
  *dot = memchr (start, '.', p - start) != NULL;
  return p;
}

/* Where the local part before @at really starts, given the first
 * candidate @l: after the last CJK punctuation, and past non-ASCII text
 * glued to an ASCII local part ("来自ann@…"), and past quotes. */
static const char *
local_start (const char *l,
             const char *at)
{
  const char *p = l;

  while (p < at)
    {
      const char *next = p + 1;

      if ((guchar) *p >= 0x80)
        {
          gunichar u = g_utf8_get_char_validated (p, at - p);

          if (u != (gunichar) -1 && u != (gunichar) -2)
            {
              next = g_utf8_next_char (p);
              if (is_cjk_punctuation (u))
                l = next;
            }
        }
      p = next;
    }
  if (has_ascii_alnum (l, at))
    while (l < at && (guchar) *l >= 0x80)
      l++;
  /* A local part may hold these, but never starts with them in practice:
   * they are the quotes of the text around (`ann@…`, 'ann@…'). */
  while (l < at && (*l == '.' || *l == '`' || *l == '\''))
    l++;
  return l;
}

/**
 * bb_text_find_address:
 * @found_at: (out) (optional): where the address starts
 *
 * Finds the first thing that looks like an e-mail address (local@domain
 * with a dot in the domain, or a bracketed IP literal).
 *
 * Returns: (transfer full) (nullable): the address, as written
 */
char *
bb_text_find_address (const char  *text,
                      const char  *end,
                      const char **found_at)
{
  const char *p = text;

  while (p < end)
    {
      const char *at = memchr (p, '@', end - p);
      const char *l, *r;
      gboolean    dot = FALSE;

      if (at == NULL)
        return NULL;
      l = at;
      while (l > text && is_local_char ((guchar) l[-1]))
        l--;
      l = local_start (l, at);
      r = at + 1;
      if (r < end && *r == '[')
        {
          const char *close = memchr (r, ']', end - r);
          if (close != NULL && close - r < 48)
            {
              r = close + 1;
              dot = TRUE;
            }
        }
      else
        r = domain_end (at + 1, end, &dot);
      if (l < at && r > at + 1 && dot)
        {
          /* Reject the "=" of quoted-printable soft breaks and such. */
          if (found_at != NULL)
            *found_at = l;
          return g_strndup (l, r - l);
        }
      p = at + 1;
    }
  return NULL;
}

/**
 * bb_text_clean_address:
 *
 * Takes "rfc822; <John@Example.COM>" or "John <john@example.com>" and
 * returns "john@example.com"-shaped text: brackets, type prefixes, quotes
 * and trailing punctuation removed, the domain lower-cased.
 */
char *
bb_text_clean_address (const char *text)
{
  const char *start, *end;
  char       *address;
  char       *at;

  if (text == NULL)
    return NULL;
  end = text + strlen (text);
  address = bb_text_find_address (text, end, &start);
  if (address == NULL)
    return NULL;
  at = strrchr (address, '@');
  if (at != NULL)
    for (char *d = at + 1; *d != '\0'; d++)
      *d = g_ascii_tolower (*d);
  return address;
}

/**
 * bb_text_looks_binary:
 *
 * True when the first kilobytes hold NUL bytes or mostly control bytes:
 * an image, an archive, an Outlook .msg, not a mail message.
 */
gboolean
bb_text_looks_binary (const char *data,
                      gsize       len)
{
  gsize n = MIN (len, 2048);
  gsize control = 0;
  gsize nul = 0;

  /* A stray NUL happens in real mail; binary formats are full of them.
   * The control bytes text may hold: tab, newlines, form feed, escape
   * (ISO-2022-JP).  Words with no byte below 0x20 (most) are skipped
   * whole. */
  const guint32 allowed = (1u << '\t') | (1u << '\n') | (1u << '\r') | (1u << '\f') | (1u << 0x1b);

  gsize i = 0;

  /* Eight bytes at a time: the bytes below 0x20 are flagged (with maybe a
   * few above, which the look at each flagged byte sorts out), and a word
   * with none (most) costs one test. */
  for (; i + 8 <= n; i += 8)
    {
      guint64 word;
      guint64 flagged;

      memcpy (&word, data + i, 8);
      for (flagged = (word - ONES * 0x20) & ~word & HIGHS; flagged != 0; flagged &= flagged - 1)
        {
          guchar c = data[i + (__builtin_ctzll (flagged) >> 3)];

          if (c == 0)
            nul++;
          else if (c < 0x20 && !((allowed >> c) & 1))
            control++;
        }
    }
  for (; i < n; i++)
    {
      guchar c = data[i];

      if (c == 0)
        nul++;
      else if (c < 0x20 && !((allowed >> c) & 1))
        control++;
    }
  /* Text mail has next to no control bytes; binary data has one in ten. */
  return n > 0 && (nul > 16 || (control + nul) * 50 > n);
}

/**
 * bb_text_normalize_newlines:
 *
 * Returns a copy with CRLF and bare CR turned into LF and stray NUL bytes
 * into spaces, or %NULL when there is nothing to fix (GMime copes with
 * CRLF itself).
 */
char *
bb_text_normalize_newlines (const char *data,
                            gsize       len,
                            gsize      *out_len)
{
  const char *cr = memchr (data, '\r', len);
  gboolean    fix = memchr (data, '\0', len) != NULL;
  char       *out, *o;

  while (cr != NULL && !fix)
    {
      if ((gsize) (cr - data) + 1 >= len || cr[1] != '\n')
        fix = TRUE;
      else
        cr = memchr (cr + 1, '\r', len - (cr + 1 - data));
    }
  if (!fix)
    return NULL;
  out = o = g_malloc (len + 1);
  for (gsize i = 0; i < len; i++)
    {
      if (data[i] == '\r')
        {
          *o++ = '\n';
          if (i + 1 < len && data[i + 1] == '\n')
            i++;
        }
      else if (data[i] == '\0')
        *o++ = ' ';
      else
        *o++ = data[i];
    }
  *o = '\0';
  *out_len = o - out;
  return out;
}

const char *
bb_text_memmem (const char *haystack,
                gsize       haystack_len,
                const char *needle)
{
  return memmem (haystack, haystack_len, needle, strlen (needle));
}

/**
 * bb_text_find_ci_len:
 * @haystack: a text of @len bytes (NUL bytes are plain bytes)
 * @needle: what to find, compared without regard to ASCII case
 *
 * A case-blind search that goes from one candidate to the next: the
 * places where the needle's first byte stands, in either case, which
 * memchr() finds.
 *
 * Returns: (nullable): the first match in @haystack
 */
const char *
bb_text_find_ci_len (const char *haystack,
                     gsize       len,
                     const char *needle)
{
  gsize       n = strlen (needle);
  const char *end = haystack + len;
  char        lo, up;
  const char *next_lo, *next_up;

  if (n == 0)
    return haystack;
  lo = g_ascii_tolower (needle[0]);
  up = g_ascii_toupper (needle[0]);
  next_lo = memchr (haystack, lo, len);
  next_up = lo == up ? NULL : memchr (haystack, up, len);
  while (next_lo != NULL || next_up != NULL)
    {
      const char *p = next_up == NULL || (next_lo != NULL && next_lo < next_up) ? next_lo : next_up;

      if ((gsize) (end - p) < n)
        return NULL;
      if (g_ascii_strncasecmp (p + 1, needle + 1, n - 1) == 0)
        return p;
      if (p == next_lo)
        next_lo = memchr (p + 1, lo, end - p - 1);
      else
        next_up = memchr (p + 1, up, end - p - 1);
    }
  return NULL;
}

/**
 * bb_text_find_ci:
 * @haystack: a NUL-terminated text
 *
 * strcasestr(), faster on long texts: see bb_text_find_ci_len().
 *
 * Returns: (nullable): the first match in @haystack
 */
const char *
bb_text_find_ci (const char *haystack,
                 const char *needle)
{
  return bb_text_find_ci_len (haystack, strlen (haystack), needle);
}

gboolean
bb_text_has_prefix_ci (const char *text,
                       const char *prefix)
{
  return g_ascii_strncasecmp (text, prefix, strlen (prefix)) == 0;
}
