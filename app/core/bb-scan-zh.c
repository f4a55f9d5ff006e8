/* bb-scan-zh.c - the notices Chinese providers send their own users
 *
 * NetEase (163/126/yeah) and other Coremail systems, QQ Mail / Foxmail,
 * Tencent Exmail and Alibaba Mail write their bounces from fixed Chinese
 * templates: a friendly sentence of their own, then (usually) the remote
 * server's words.  The friendly sentence can contradict the server (NetEase
 * says "blacklist" for "user unknown"), so the diagnostic is always the
 * server's text; the provider's own sentence is used only where no remote
 * server spoke at all (QQ's "the domain does not exist").
 *
 * The text is matched after full-width punctuation has been folded to
 * ASCII.  Every search is bounded by the text's end; nothing here trusts
 * the input to be complete or valid UTF-8.
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bb-scan-zh.h"
#include "bb-text.h"

#include <string.h>

/* Notices are a few kilobytes; a pasted mailbox is not a notice. */
#define MAX_TEXT (512 * 1024)
#define MAX_HITS 200
#define MAX_DIAGNOSTIC 2048
#define MAX_FIELD_GAP 24

typedef struct
{
  const char *start;
  const char *end;
} Span;

/* Folds the full-width forms (U+FF01–U+FF5E) to ASCII, and the ideographic
 * space, comma and full stop, the no-break space and the lenticular
 * brackets, so that "收件人邮件地址（x）" and "英文说明：" match one
 * spelling.  Drops CR. */
static char *
fold_text (const char *text,
           gsize       len,
           gsize      *out_len)
{
  GString      *out = g_string_sized_new (len + 1);
  const guchar *p = (const guchar *) text;
  const guchar *end = p + len;

  while (p < end)
    {
      if (p[0] == 0xEF && end - p >= 3 && (p[1] == 0xBC || p[1] == 0xBD))
        {
          guint cp = ((p[0] & 0x0Fu) << 12) | ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3Fu);

          if (cp >= 0xFF01 && cp <= 0xFF5E)
            {
              g_string_append_c (out, (char) (cp - 0xFEE0));
              p += 3;
              continue;
            }
        }
      else if (p[0] == 0xE3 && end - p >= 3 && p[1] == 0x80)
        {
          /* ideographic space, 、 。 【 】 */
          char c = p[2] == 0x80   ? ' '
                   : p[2] == 0x81 ? ','
                   : p[2] == 0x82 ? '.'
                   : p[2] == 0x90 ? '['
                   : p[2] == 0x91 ? ']'
                                  : '\0';

          if (c != '\0')
            {
              g_string_append_c (out, c);
              p += 3;
              continue;
            }
        }
      else if (p[0] == 0xC2 && end - p >= 2 && p[1] == 0xA0)
        {
          g_string_append_c (out, ' ');
          p += 2;
          continue;
        }
      else if (p[0] == '\r')
        {
          p++;
          continue;
        }
      else if (p[0] == '\0')
        {
          g_string_append_c (out, ' ');
          p++;
          continue;
        }
      g_string_append_c (out, (char) p[0]);
      p++;
    }
  *out_len = out->len;
  return g_string_free (out, FALSE);
}

static const char *
find (Span        s,
      const char *needle)
{
  if (s.start == NULL || s.end <= s.start)
    return NULL;
  return bb_text_memmem (s.start, s.end - s.start, needle);
}

static gboolean
contains (Span        s,
          const char *needle)
{
  return find (s, needle) != NULL;
}

/* Case-insensitive for ASCII needles. */
static const char *
find_ci (Span        s,
         const char *needle)
{
  if (s.start == NULL)
    return NULL;
  return bb_text_find_ci_len (s.start, s.end - s.start, needle);
}

static gboolean
contains_ci (Span        s,
             const char *needle)
{
  return find_ci (s, needle) != NULL;
}

static const char *
line_end (const char *p,
          const char *end)
{
  const char *nl = memchr (p, '\n', end - p);

  return nl != NULL ? nl : end;
}

static const char *
skip_blanks (const char *p,
             const char *end,
             gboolean    newlines)
{
  while (p < end && (*p == ' ' || *p == '\t' || (newlines && *p == '\n')))
    p++;
  return p;
}

static gboolean
is_local_char (guchar c)
{
  return g_ascii_isalnum (c) || (c != '\0' && strchr (".!#$%'*+-^_`{|}~", c) != NULL);
}

static gboolean
is_domain_char (guchar c)
{
  return g_ascii_isalnum (c) || c == '-' || c == '.';
}

/* The first address in [p, end): ASCII only, so that Chinese text glued to
 * it ("无法发送到ann@example.com") stays out.  @after is set past it. */
static char *
next_address (const char  *p,
              const char  *end,
              const char **found,
              const char **after)
{
  while (p < end)
    {
      const char *at = memchr (p, '@', end - p);
      const char *l, *r;

      if (at == NULL)
        return NULL;
      l = at;
      while (l > p && is_local_char ((guchar) l[-1]) && at - l < 128)
        l--;
      /* (quotes of the text around: `ann@…`, 'ann@…') */
      while (l < at && (*l == '.' || *l == '`' || *l == '\''))
        l++;
      r = at + 1;
      while (r < end && is_domain_char ((guchar) *r) && r - at < 256)
        r++;
      while (r > at + 1 && (r[-1] == '.' || r[-1] == '-'))
        r--;
      if (l < at && r > at + 1 && memchr (at + 1, '.', r - at - 1) != NULL)
        {
          char *address = g_strndup (l, r - l);
          char *domain = strchr (address, '@') + 1;

          for (char *d = domain; *d != '\0'; d++)
            *d = g_ascii_tolower (*d);
          if (found != NULL)
            *found = l;
          if (after != NULL)
            *after = r;
          return address;
        }
      p = at + 1;
    }
  return NULL;
}

/* The address that starts right at @p, after blanks and an optional
 * opening bracket, or NULL. */
static char *
address_at (const char  *p,
            const char  *end,
            const char **after)
{
  const char *found = NULL;
  const char *e;
  char       *address;

  p = skip_blanks (p, end, TRUE);
  if (p < end && (*p == '<' || *p == '(' || *p == '"' || *p == '`' || *p == '\''))
    p++;
  e = MIN (end, p + 384);
  address = next_address (p, e, &found, after);
  if (address != NULL && found != p)
    {
      g_free (address);
      return NULL;
    }
  return address;
}

/* Did the notice already name this address? */
static gboolean
has_hit (BbScanResult *result,
         const char   *address)
{
  for (guint i = 0; i < result->hits->len; i++)
    {
      BbScanHit *hit = g_ptr_array_index (result->hits, i);

      if (g_ascii_strcasecmp (hit->address, address) == 0)
        return TRUE;
    }
  return FALSE;
}

/* Adds a hit for @address (taken) with @diagnostic (copied, may be NULL).
 * @status, when the notice gives one of its own, fills in for a
 * diagnostic that carries none. */
static void
add_hit (BbScanResult *result,
         char         *address,
         const char   *diagnostic,
         const char   *status)
{
  BbScanHit *hit;

  if (address == NULL)
    return;
  if (result->hits->len >= MAX_HITS || has_hit (result, address))
    {
      g_free (address);
      return;
    }
  hit = g_new0 (BbScanHit, 1);
  hit->address = address;
  hit->diagnostic = diagnostic != NULL && *diagnostic != '\0' ? g_strdup (diagnostic) : NULL;
  bb_scan_diagnostic (hit->diagnostic, &hit->status, &hit->reply_code, &hit->command,
                      &hit->remote_mta, &hit->reply);
  if (hit->status == NULL && status != NULL && bb_text_is_status (status))
    hit->status = g_strdup (status);
  g_ptr_array_add (result->hits, hit);
}

/* Text in [start, end), unfolded to one line, without surrounding blanks or
 * the punctuation a label leaves behind. */
static char *
clean_value (const char *start,
             const char *end)
{
  g_autofree char *collapsed = NULL;
  char            *value;

  if (end <= start)
    return NULL;
  if (end - start > MAX_DIAGNOSTIC)
    end = start + MAX_DIAGNOSTIC;
  collapsed = bb_text_collapse (start, end - start);
  if (collapsed == NULL)
    return NULL;
  value = collapsed;
  while (*value == ':' || *value == ' ' || *value == ',' || *value == '.')
    value++;
  g_strchomp (value);
  if (*value == '\0')
    return NULL;
  return g_strdup (value);
}

/* Where the first of @labels occurs in @s, or s.end. */
static const char *
first_of (Span               s,
          const char *const *labels)
{
  const char *best = s.end;

  for (guint i = 0; labels[i] != NULL; i++)
    {
      const char *at = find (s, labels[i]);

      if (at != NULL && at < best)
        best = at;
    }
  return best;
}

/* The value of a labelled paragraph: from after @label to the first blank
 * line or stop label. */
static char *
paragraph_after (Span               s,
                 const char        *label,
                 const char *const *stops)
{
  const char *at = find (s, label);
  const char *p;
  const char *e;
  const char *blank;

  if (at == NULL)
    return NULL;
  p = at + strlen (label);
  p = skip_blanks (p, s.end, FALSE);
  if (p < s.end && *p == ':')
    p++;
  p = skip_blanks (p, s.end, TRUE);
  e = first_of ((Span){ p, s.end }, stops);
  blank = find ((Span){ p, e }, "\n\n");
  if (blank != NULL)
    e = blank;
  return clean_value (p, e);
}

/* Addresses following @label ("收件人: a@x, b@y"): only where an address
 * comes right after the label, so the same word in a sentence is not a
 * field.  Further addresses are taken while only separators lie between
 * them (line breaks included: the field may wrap). */
static GPtrArray *
field_addresses (Span        s,
                 const char *label)
{
  GPtrArray  *out = g_ptr_array_new_with_free_func (g_free);
  const char *p = s.start;
  gsize       n = strlen (label);

  while (p < s.end && out->len == 0)
    {
      const char *at = find ((Span){ p, s.end }, label);
      const char *q;
      const char *after = NULL;
      char       *address;

      if (at == NULL)
        break;
      q = at + n;
      q = skip_blanks (q, s.end, FALSE);
      if (q < s.end && *q == ':')
        q++;
      address = address_at (q, MIN (s.end, q + MAX_FIELD_GAP + 256), &after);
      while (address != NULL && out->len < MAX_HITS)
        {
          g_ptr_array_add (out, address);
          q = after;
          while (q < s.end && (strchr (" \t\n,;<>\"'", *q) != NULL))
            q++;
          address = address_at (q, s.end, &after);
        }
      g_free (address);
      p = at + n;
    }
  return out;
}

/* The value of @name in a URL query (up to '&' or a blank), with %XX and
 * '+' decoded. */
static char *
query_value (Span        s,
             const char *name)
{
  const char *at = find_ci (s, name);
  GString    *out;
  const char *p;

  if (at == NULL)
    return NULL;
  out = g_string_new (NULL);
  for (p = at + strlen (name); p < s.end && *p != '&' && !g_ascii_isspace (*p) && *p != '"' &&
                               out->len < 512;
       p++)
    {
      if (*p == '%' && s.end - p >= 3 && g_ascii_isxdigit (p[1]) && g_ascii_isxdigit (p[2]))
        {
          g_string_append_c (out, (char) (g_ascii_xdigit_value (p[1]) * 16 + g_ascii_xdigit_value (p[2])));
          p += 2;
        }
      else
        g_string_append_c (out, *p == '+' ? ' ' : *p);
    }
  return g_string_free (out, FALSE);
}

static char *
address_from_query (Span        s,
                    const char *name)
{
  g_autofree char *value = query_value (s, name);

  return value != NULL ? bb_text_clean_address (value) : NULL;
}

/* ---- NetEase and other Coremail systems -------------------------------- */

static const char *const netease_stops[] = {
  "建议解决方案",
  "原邮件信息",
  "发送退信报告",
  "This message is generated",
  "您收到的是来自",
  "退信原因",
  NULL,
};

static gboolean
looks_coremail (Span s)
{
  return contains (s, "英文说明") || contains (s, "您的邮件被退回来了") ||
         contains (s, "邮差小易") || contains (s, "邮箱小易");
}

static const char *
scan_coremail (Span          s,
               BbScanResult *result)
{
  g_autoptr (GPtrArray) rcpts = NULL;
  g_autofree char *english = NULL;
  gboolean         netease;

  netease = contains (s, "小易") || contains (s, "网易") || contains_ci (s, "netease") ||
            contains_ci (s, "feedback.mail.126.com") || contains_ci (s, "mail.163.com");

  /* The remote server's reply follows 英文说明, never the mascot's
   * sentence before it. */
  english = paragraph_after (s, "英文说明", netease_stops);
  if (english == NULL)
    {
      g_autofree char *reason = query_value (s, "BounceReason=");

      if (reason != NULL)
        english = clean_value (reason, reason + strlen (reason));
    }

  rcpts = field_addresses (s, "收件人");
  if (rcpts->len == 0)
    {
      char *address = address_from_query (s, "BouncedRcpt=");

      if (address != NULL)
        g_ptr_array_add (rcpts, address);
    }
  for (guint i = 0; i < rcpts->len; i++)
    add_hit (result, g_strdup (g_ptr_array_index (rcpts, i)), english, NULL);
  return netease ? "netease" : "coremail";
}

/* ---- QQ Mail and Exmail -------------------------------------------------- */

static const char *const qq_stops[] = {
  "解决方案",
  "您也可以",
  "此外,您还可以",
  "无法发送到",
  "被退回邮件",
  NULL,
};

static gboolean
looks_tencent (Span s)
{
  return (contains (s, "无法发送到") && contains (s, "退信原因")) ||
         contains (s, "很抱歉您发送的邮件被退回");
}

/* After the last byte of the Chinese summary: where QQ's own words end. */
static const char *
after_last_non_ascii (const char *start,
                      const char *end)
{
  const char *last = NULL;

  for (const char *p = start; p < end; p++)
    if ((guchar) *p >= 0x80)
      last = p;
  if (last == NULL)
    return start;
  last++;
  /* past the rest of that character's bytes */
  while (last < end && ((guchar) *last & 0xC0) == 0x80)
    last++;
  return last;
}

/* QQ's 退信原因: a Chinese summary, then the raw text.  The raw text is the
 * remote server's reply ("host … said: …") when one spoke; without one,
 * QQ decided itself (no MX record …) and its summary is part of the
 * diagnostic. */
static char *
tencent_diagnostic (const char *start,
                    const char *end)
{
  g_autofree char *reason = clean_value (start, end);
  const char      *raw;
  const char      *host;
  char             code[4];
  Span             r;

  if (reason == NULL)
    return NULL;
  r = (Span){ reason, reason + strlen (reason) };
  host = NULL;
  for (const char *p = reason; (p = find_ci ((Span){ p, r.end }, "host ")) != NULL; p += 5)
    {
      const char *e = line_end (p, r.end);

      if (find_ci ((Span){ p, MIN (e, p + 300) }, "said:") != NULL && (p == reason || !g_ascii_isalnum (p[-1])))
        {
          host = p;
          break;
        }
    }
  if (host != NULL)
    return g_strdup (host);
  if (g_str_has_prefix (reason, "未知原因"))
    {
      raw = reason + strlen ("未知原因");
      while (*raw == ' ' || *raw == ':' || *raw == ',' || *raw == '.')
        raw++;
      return *raw != '\0' ? g_strdup (raw) : g_strdup (reason);
    }
  raw = after_last_non_ascii (reason, r.end);
  while (raw < r.end && (*raw == ' ' || *raw == '.' || *raw == ',' || *raw == ':'))
    raw++;
  if (raw < r.end && bb_text_find_reply_code (raw, r.end, code) != NULL)
    return g_strdup (raw);
  return g_steal_pointer (&reason);
}

static const char *
scan_tencent (Span          s,
              BbScanResult *result)
{
  const char *p = s.start;
  gboolean    exmail = contains_ci (s, "exmail") || contains (s, "腾讯企业邮");

  /* One block per "无法发送到 <address>". */
  for (guint guard = 0; guard < MAX_HITS && p < s.end; guard++)
    {
      const char      *block = find ((Span){ p, s.end }, "无法发送到");
      const char      *next;
      const char      *reason;
      const char      *after = NULL;
      g_autofree char *diagnostic = NULL;
      char            *address;
      Span             b;

      if (block == NULL)
        break;
      p = block + strlen ("无法发送到");
      next = find ((Span){ p, s.end }, "无法发送到");
      b = (Span){ p, next != NULL ? next : s.end };
      address = address_at (p, b.end, &after);
      reason = find (b, "退信原因");
      if (reason != NULL)
        {
          const char *rs = reason + strlen ("退信原因");
          const char *re = first_of ((Span){ rs, b.end }, qq_stops);

          diagnostic = tencent_diagnostic (rs, re);
        }
      if (address == NULL && reason != NULL)
        {
          g_autoptr (GPtrArray) inner = field_addresses ((Span){ reason, b.end }, "(");
          if (inner->len > 0)
            address = g_strdup (g_ptr_array_index (inner, 0));
        }
      add_hit (result, address, diagnostic, NULL);
    }

  /* No "无法发送到" line survived (a partial copy): the summary or the
   * report link still names the address. */
  if (result->hits->len == 0)
    {
      const char *reason = find (s, "退信原因");
      char       *address = address_from_query (s, "receiver=");

      if (address == NULL && reason != NULL)
        {
          g_autoptr (GPtrArray) inner = field_addresses ((Span){ reason, s.end }, "(");
          if (inner->len > 0)
            address = g_strdup (g_ptr_array_index (inner, 0));
        }
      if (address != NULL)
        {
          g_autofree char *diagnostic = NULL;

          if (reason != NULL)
            {
              const char *rs = reason + strlen ("退信原因");
              diagnostic = tencent_diagnostic (rs, first_of ((Span){ rs, s.end }, qq_stops));
            }
          add_hit (result, address, diagnostic, NULL);
        }
    }
  return exmail ? "exmail" : "tencent";
}

/* ---- Alibaba Mail ------------------------------------------------------- */

static const char *const alibaba_labels[] = {
  "收信地址",
  "退信原因",
  "参考信息",
  "失败原因",
  "Final-Recipient:",
  "Status:",
  "原邮件",
  "发送时间",
  "此邮件由系统",
  NULL,
};

static gboolean
looks_alibaba (Span s)
{
  return contains_ci (s, "mailsupport.aliyun.com") || contains (s, "阿里邮箱") ||
         (contains (s, "收信地址") && contains (s, "参考信息")) ||
         contains (s, "以下收件人地址不存在");
}

/* The value after a label, up to the next label or a blank line. */
static char *
labelled_value (Span        s,
                const char *label)
{
  const char *at = find (s, label);
  const char *p;
  const char *e;
  const char *blank;

  if (at == NULL)
    return NULL;
  p = skip_blanks (at + strlen (label), s.end, FALSE);
  if (p < s.end && *p == ':')
    p++;
  p = skip_blanks (p, s.end, TRUE);
  e = first_of ((Span){ p, s.end }, alibaba_labels);
  blank = find ((Span){ p, e }, "\n\n");
  if (blank != NULL)
    e = blank;
  return clean_value (p, e);
}

static void
alibaba_fields (Span          s,
                BbScanResult *result)
{
  const char      *p = s.start;
  g_autofree char *shared = labelled_value (s, "参考信息");

  if (shared == NULL)
    shared = labelled_value (s, "退信原因");

  /* One block per 收信地址; the block's 参考信息 (the system's code and
   * words) is its diagnostic, else the notice's only one. */
  for (guint guard = 0; guard < MAX_HITS && p < s.end; guard++)
    {
      const char      *at = find ((Span){ p, s.end }, "收信地址");
      const char      *next;
      const char      *vs;
      const char      *ve;
      g_autofree char *own = NULL;
      Span             b;

      if (at == NULL)
        break;
      vs = at + strlen ("收信地址");
      next = find ((Span){ vs, s.end }, "收信地址");
      b = (Span){ at, next != NULL ? next : s.end };
      own = labelled_value (b, "参考信息");
      ve = first_of ((Span){ vs, b.end }, alibaba_labels);
      for (guint k = 0; k < MAX_HITS && vs < ve; k++)
        {
          const char *after = NULL;
          char       *address = next_address (vs, ve, NULL, &after);

          if (address == NULL)
            break;
          add_hit (result, address, own != NULL ? own : shared, NULL);
          vs = after;
        }
      p = b.end;
    }
}

static void
alibaba_dsn_lines (Span          s,
                   BbScanResult *result)
{
  const char *p = s.start;

  for (guint guard = 0; guard < MAX_HITS && p < s.end; guard++)
    {
      const char      *at = find_ci ((Span){ p, s.end }, "Final-Recipient:");
      const char      *next;
      const char      *ls;
      g_autofree char *diagnostic = NULL;
      g_autofree char *status = NULL;
      char            *address;
      Span             b;

      if (at == NULL)
        break;
      ls = at + strlen ("Final-Recipient:");
      next = find_ci ((Span){ ls, s.end }, "Final-Recipient:");
      b = (Span){ ls, next != NULL ? next : s.end };
      address = next_address (ls, line_end (ls, b.end), NULL, NULL);
      diagnostic = labelled_value (b, "失败原因");
      if (diagnostic == NULL)
        {
          const char *dc = find_ci (b, "Diagnostic-Code:");
          if (dc != NULL)
            diagnostic = clean_value (dc + strlen ("Diagnostic-Code:"), line_end (dc, b.end));
        }
      {
        const char *st = find_ci (b, "Status:");
        if (st != NULL)
          status = clean_value (st + strlen ("Status:"), line_end (st, b.end));
      }
      add_hit (result, address, diagnostic, status);
      p = b.end;
    }
}

/* "以下收件人地址不存在": the addresses listed after the sentence. */
static void
alibaba_listed (Span          s,
                BbScanResult *result)
{
  const char *at = find (s, "以下收件人地址不存在");
  const char *p;
  const char *e;

  if (at == NULL)
    return;
  p = line_end (at, s.end);
  e = find ((Span){ skip_blanks (p, s.end, TRUE), s.end }, "\n\n");
  e = e != NULL ? e : s.end;
  for (guint k = 0; k < MAX_HITS && p < e; k++)
    {
      const char *after = NULL;
      char       *address = next_address (p, e, NULL, &after);

      if (address == NULL)
        break;
      add_hit (result, address, "user unknown", "5.1.1");
      p = after;
    }
}

static const char *
scan_alibaba (Span          s,
              BbScanResult *result)
{
  if (contains_ci (s, "Final-Recipient:"))
    alibaba_dsn_lines (s, result);
  if (result->hits->len == 0 && contains (s, "收信地址"))
    alibaba_fields (s, result);
  if (result->hits->len == 0)
    alibaba_listed (s, result);
  return "alibaba";
}

/* ------------------------------------------------------------------------ */

const char *
bb_scan_zh (const char   *text,
            gsize         len,
            BbScanResult *result)
{
  g_autofree char *folded = NULL;
  const char      *provider = NULL;
  gsize            folded_len = 0;
  guint            before;
  Span             s;

  g_return_val_if_fail (result != NULL, NULL);
  g_return_val_if_fail (result->hits != NULL, NULL);

  if (text == NULL || len == 0)
    return NULL;
  len = MIN (len, MAX_TEXT);
  /* Every template is written in Chinese: no need to fold a text that has
   * no byte outside ASCII. */
  if (!bb_text_has_high_bytes (text, len))
    return NULL;

  folded = fold_text (text, len, &folded_len);
  s = (Span){ folded, folded + folded_len };
  before = result->hits->len;

  /* The templates share words (退信原因), so each is tried in turn until
   * one yields a recipient. */
  if (looks_alibaba (s))
    provider = scan_alibaba (s, result);
  if (result->hits->len == before && looks_tencent (s))
    provider = scan_tencent (s, result);
  if (result->hits->len == before && looks_coremail (s))
    provider = scan_coremail (s, result);

  /* A template without a recipient to report leaves @result as it was. */
  if (provider == NULL || result->hits->len == before)
    {
      if (result->hits->len > before)
        g_ptr_array_remove_range (result->hits, before, result->hits->len - before);
      return NULL;
    }
  return provider;
}
