/* bb-scan.c - find failed recipients and the server's words in the text of
 * a notice that has no (or an incomplete) machine-readable report
 *
 * Mail servers write their notices in many layouts (Postfix, Sendmail,
 * Exim, qmail, Exchange, Domino, Gmail, webmail providers, Chinese
 * providers …) but they share a structure: an address standing at the start
 * of a line (alone, bracketed, followed by a colon, a date or a note), or
 * named in a sentence ("delivering your mail to <x>"), then the server's
 * words in the lines that follow, then the returned original.  This file
 * reads that structure rather than any one server's exact wording.
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bb-scan.h"
#include "bb-text.h"

#include <string.h>
#include <strings.h>

typedef struct
{
  const char *s;   /* start of the line */
  int         len; /* without the newline (and CR) */
  int         indent;
  gboolean    blank;
} Line;

typedef struct
{
  guint line;
  char *address;
  char *inline_rest; /* text after the address on the same line */
  guint kind;        /* 0 address line, 1 reply line, 2 sentence, 3 label */
} Anchor;

/* More than this many recipients in one notice is a mailing-list mess or
 * an attack; the first ones are enough. */
#define MAX_HITS 256
#define MAX_BLOCK_LINES 40

void
bb_scan_hit_free (BbScanHit *hit)
{
  if (hit == NULL)
    return;
  g_free (hit->address);
  g_free (hit->diagnostic);
  g_free (hit->reply);
  g_free (hit->status);
  g_free (hit->reply_code);
  g_free (hit->command);
  g_free (hit->remote_mta);
  g_free (hit);
}

void
bb_scan_result_free (BbScanResult *result)
{
  if (result == NULL)
    return;
  g_ptr_array_unref (result->hits);
  g_free (result->notice);
  g_free (result);
}

static GArray *
split_lines (const char *text,
             gsize       len)
{
  GArray     *lines = g_array_sized_new (FALSE, FALSE, sizeof (Line), len / 40 + 8);
  const char *p = text;
  const char *end = text + len;

  while (p < end)
    {
      const char *eol = memchr (p, '\n', end - p);
      const char *stop = eol != NULL ? eol : end;
      Line        line;
      int         i = 0;

      line.s = p;
      line.len = stop - p;
      if (line.len > 0 && line.s[line.len - 1] == '\r')
        line.len--;
      while (i < line.len && (line.s[i] == ' ' || line.s[i] == '\t'))
        i++;
      line.indent = i;
      line.blank = i == line.len;
      g_array_append_val (lines, line);
      p = eol != NULL ? eol + 1 : end;
    }
  return lines;
}

/* Each contains "mess", "mail", "orig" or "原" (is_original_marker()
 * looks for those first). */
static const char *const original_markers[] = {
  "original message",
  "copy of the message",
  "unsent message",
  "returned message",
  "message headers follow",
  "original mail",
  "header of the original",
  "headers of the original",
  "message header follows",
  "returned mail follows",
  "original e-mail",
  "undelivered message",
  "copy of your message",
  "content of the original",
  "原邮件",
  "原始邮件",
  "原信",
  NULL,
};

/* A line that announces the returned original. */
static gboolean
is_original_marker (const Line *line)
{
  const char *s = line->s + line->indent;
  int         len = line->len - line->indent;
  char        lower[256];
  gboolean    found = FALSE;

  if (len < 6 || len >= (int) sizeof lower)
    return FALSE;
  for (int i = 0; i < len; i++)
    lower[i] = (s[i] >= 'A' && s[i] <= 'Z') ? s[i] + ('a' - 'A') : s[i];
  lower[len] = '\0';
  /* Every marker names the message, the mail or the original (原): most
   * lines say none of these and need no further look. */
  if (strstr (lower, "mess") == NULL && strstr (lower, "mail") == NULL &&
      strstr (lower, "orig") == NULL && strstr (lower, "原") == NULL)
    return FALSE;
  for (guint i = 0; original_markers[i] != NULL && !found; i++)
    found = strstr (lower, original_markers[i]) != NULL;
  if (!found)
    return FALSE;
  /* Boilerplate such as "The original message was received at …" is a
   * sentence, not a separator: separators are decorated or end in a
   * colon, or say "follows"/"below". */
  return s[0] == '-' || s[0] == '=' || s[0] == '*' || s[0] == '_' || s[0] == '[' || s[0] == '<' ||
         s[len - 1] == ':' || s[len - 1] == '-' ||
         (len < 72 && (strstr (lower, "follow") != NULL || strstr (lower, "below") != NULL));
}

static const char *const dsn_fields[] = {
  "reporting-mta",
  "final-recipient",
  "original-recipient",
  "action",
  "status",
  "remote-mta",
  "diagnostic-code",
  "last-attempt-date",
  "arrival-date",
  "received-from-mta",
  "will-retry-until",
  "x-postfix-queue-id",
  "x-postfix-sender",
  "x-actual-recipient",
  "x-original-message-id",
  "x-notes",
  "x-display-name",
  NULL,
};

static const char *const message_headers[] = {
  "received",
  "return-path",
  "message-id",
  "from",
  "to",
  "subject",
  "date",
  "mime-version",
  "dkim-signature",
  "content-type",
  "delivered-to",
  "reply-to",
  "x-mailer",
  "user-agent",
  "domainkey-signature",
  "arc-seal",
  "x-received",
  "authentication-results",
  "thread-topic",
  "x-originating-ip",
  NULL,
};

/* Headers a notice's own summary never shows ("Subject:" and "Date:"
 * often do). */
static const char *const strong_headers[] = {
  "received",
  "return-path",
  "message-id",
  "mime-version",
  "dkim-signature",
  "content-type",
  "delivered-to",
  "domainkey-signature",
  "arc-seal",
  "x-received",
  "authentication-results",
  "content-transfer-encoding",
  "x-mailer",
  "user-agent",
  NULL,
};

/* "Name: value" at column 0 (or "Name:value"); returns the name length. */
static int
header_name_len (const Line *line)
{
  int i = 0;

  if (line->indent != 0)
    return 0;
  while (i < line->len && (g_ascii_isalnum (line->s[i]) || line->s[i] == '-' || line->s[i] == '_'))
    i++;
  if (i == 0 || i >= line->len || line->s[i] != ':')
    return 0;
  return i;
}

static gboolean
name_in (const char        *name,
         int                len,
         const char *const *list)
{
  for (guint i = 0; list[i] != NULL; i++)
    if ((int) strlen (list[i]) == len && g_ascii_strncasecmp (name, list[i], len) == 0)
      return TRUE;
  return FALSE;
}

/* Does a header block of the returned original start at line i? */
static gboolean
header_block_at (const Line *lines,
                 guint       n,
                 guint       i)
{
  guint    headers = 0;
  gboolean known = FALSE;
  gboolean strong = FALSE;

  for (guint j = i; j < n && j < i + 12; j++)
    {
      int nl = header_name_len (&lines[j]);

      if (lines[j].blank)
        break;
      if (nl > 0)
        {
          if (name_in (lines[j].s, nl, dsn_fields))
            return FALSE;
          if (name_in (lines[j].s, nl, message_headers))
            known = TRUE;
          if (name_in (lines[j].s, nl, strong_headers) || g_ascii_strncasecmp (lines[j].s, "x-", 2) == 0)
            strong = TRUE;
          headers++;
        }
      else if (lines[j].indent == 0)
        return FALSE;
    }
  return known && headers >= 2 && strong;
}

static guint
find_original (const Line *lines,
               guint       n)
{
  for (guint i = 0; i < n; i++)
    {
      if (is_original_marker (&lines[i]))
        return i;
      if (i > 0 && lines[i - 1].blank && header_block_at (lines, n, i))
        return i;
    }
  return n;
}

static gboolean
is_address_char_start (char c)
{
  return g_ascii_isalnum (c) || c == '<' || c == '"' || c == '_' || c == '.' || c == '-' ||
         c == '+' || (guchar) c >= 0x80;
}

/* Address standing first on the line: "<a@b>", "a@b:", "a@b on <date>",
 * "a@b [note]", "<a@b>: host … said: …". */
static char *
leading_address (const Line  *line,
                 const char **rest)
{
  const char *s = line->s + line->indent;
  const char *end = line->s + line->len;
  const char *at;
  const char *found;
  char       *address;
  const char *after;

  if (s >= end || !is_address_char_start (*s))
    return NULL;
  /* The first token must be the address. */
  {
    const char *sp = s;

    while (sp < end && *sp != ' ' && *sp != '\t')
      sp++;
    at = memchr (s, '@', sp - s);
    if (at == NULL)
      return NULL;
  }
  address = bb_text_find_address (s, end, &found);
  if (address == NULL)
    return NULL;
  if (found - s > 2) /* only "<" or "\"" may precede it */
    {
      g_free (address);
      return NULL;
    }
  after = found + strlen (address);
  while (after < end && (*after == '>' || *after == '"' || *after == ':' || *after == ',' ||
                         *after == ';' || *after == '.'))
    after++;
  while (after < end && (*after == ' ' || *after == '\t'))
    after++;
  *rest = after;
  return address;
}

/* Labels that introduce the failed recipient on the same line. */
static const char *const recipient_labels[] = {
  "failed recipient:",
  "recipient address:",
  "recipient:",
  "rcpt to:",
  "unknown recipient:",
  "invalid recipient:",
  "original-recipient:",
  "final-recipient:",
  "收件人:",
  "收件人：",
  "收件人地址:",
  "收件人地址：",
  "收信地址",
  "failed address:",
  "address:",
  "destinataire:",
  NULL,
};

/* Sentences that name the failed recipient. */
static const char *const recipient_phrases[] = {
  "delivering your mail to",
  "delivery to the following recipient",
  "could not be delivered to",
  "couldn't be delivered to",
  "could not deliver mail to",
  "wasn't delivered to",
  "was not delivered to",
  "wasn’t delivered to",
  "couldn’t be delivered to",
  "undeliverable to",
  "not delivered to",
  "delivery to",
  "your message to",
  "message to",
  "unable to deliver to",
  "failed to deliver to",
  "error delivering to",
  "无法发送到",
  "无法投递到",
  "发送到",
  "did not reach the following recipient",
  "send to",
  "mail to",
  "an error occurred while trying to deliver the mail to",
  NULL,
};

static char *
label_address (const Line  *line,
               const char **rest)
{
  const char *s = line->s + line->indent;
  const char *end = line->s + line->len;

  /* Every label ends in ':' or is CJK; cheap test first. */
  if (memchr (s, ':', MIN (end - s, 24)) == NULL && (guchar) *s < 0x80)
    return NULL;
  for (guint i = 0; recipient_labels[i] != NULL; i++)
    {
      gsize       n = strlen (recipient_labels[i]);
      const char *found;
      char       *address;

      if ((gsize) (end - s) <= n || g_ascii_strncasecmp (s, recipient_labels[i], n) != 0)
        continue;
      address = bb_text_find_address (s + n, end, &found);
      if (address == NULL)
        continue;
      if (found - (s + n) > 12)
        {
          g_free (address);
          continue;
        }
      *rest = found + strlen (address);
      while (*rest < end && (**rest == '>' || **rest == ' ' || **rest == ':'))
        (*rest)++;
      return address;
    }
  return NULL;
}

static char *
phrase_address (const Line  *line,
                const char **rest)
{
  const char      *s = line->s + line->indent;
  const char      *end = line->s + line->len;
  g_autofree char *lower = NULL;

  if (memchr (s, '@', end - s) == NULL)
    return NULL;
  lower = bb_text_ascii_lower (s, end - s);
  /* "The following recipients returned permanent errors: a@b." */
  for (const char *hit = strstr (lower, "recipient"); hit != NULL; hit = NULL)
    {
      const char *p = s + (hit - lower);
      const char *found;
      char       *address;

      address = bb_text_find_address (p + 9, end, &found);
      if (address == NULL)
        break;
      if (found - (p + 9) > 48 || memchr (p + 9, '.', found - (p + 9)) != NULL)
        {
          g_free (address);
          break;
        }
      *rest = found + strlen (address);
      while (*rest < end && (**rest == '>' || **rest == ' ' || **rest == '.' || **rest == ':' ||
                             **rest == ','))
        (*rest)++;
      return address;
    }
  for (guint i = 0; recipient_phrases[i] != NULL; i++)
    {
      gsize       n = strlen (recipient_phrases[i]);
      const char *hit = strstr (lower, recipient_phrases[i]);

      for (const char *p = hit != NULL ? s + (hit - lower) : end; p + n <= end; p = end)
        {
          const char *found;
          char       *address;

          /* whole words only: "to" must not be the start of "today" */
          if (p + n < end && g_ascii_isalnum (p[n]) && (guchar) recipient_phrases[i][n - 1] < 0x80)
            continue;
          address = bb_text_find_address (p + n, end, &found);
          if (address == NULL)
            break;
          if (found - (p + n) > 24 || memchr (p + n, '.', found - (p + n)) != NULL)
            {
              g_free (address);
              break;
            }
          *rest = found + strlen (address);
          while (*rest < end && (**rest == '>' || **rest == ' ' || **rest == '.' || **rest == ':' ||
                                 **rest == ','))
            (*rest)++;
          return address;
        }
    }
  return NULL;
}

/* "550 5.1.1 <a@b>... User unknown" or "<<< 550 …": a failed reply naming
 * the recipient (Sendmail transcripts). */
static char *
reply_line_address (const Line *line)
{
  const char *s = line->s + line->indent;
  const char *end = line->s + line->len;
  char        code[4];

  if (end - s >= 4 && memcmp (s, "<<< ", 4) == 0)
    s += 4;
  if (end - s < 5 || (s[0] != '4' && s[0] != '5'))
    return NULL;
  if (bb_text_find_reply_code (s, MIN (end, s + 4), code) != s)
    return NULL;
  return bb_text_find_address (s, end, NULL);
}

static gboolean
excluded (const char        *address,
          const char *const *exclude)
{
  if (exclude == NULL)
    return FALSE;
  for (guint i = 0; exclude[i] != NULL; i++)
    if (g_ascii_strcasecmp (address, exclude[i]) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
looks_like_reply (const char *text,
                  int         len)
{
  char code[4];
  char status[16];

  return bb_text_find_reply_code (text, text + len, code) != NULL ||
         bb_text_find_status (text, text + len, status) != NULL;
}

/* Lines that only introduce the next paragraph. */
static gboolean
is_label_line (const Line *line)
{
  const char *s = line->s + line->indent;
  int         len = line->len - line->indent;

  return len > 0 && len < 80 && (s[len - 1] == ':' || (len >= 17 && strncasecmp (s, "technical details", 17) == 0));
}

static void
append_line (GString    *out,
             const char *s,
             int         len)
{
  if (len <= 0)
    return;
  if (out->len > 0)
    g_string_append_c (out, ' ');
  g_string_append_len (out, s, len);
}

/* @needle (lower-case) in @text from @from on, searched in @lower, the
 * ASCII-lower-cased copy of @text (same offsets). */
static const char *
find_ci (const char *text,
         const char *lower,
         const char *from,
         const char *needle)
{
  const char *hit = strstr (lower + (from - text), needle);

  return hit != NULL ? text + (hit - lower) : NULL;
}

static char *
host_after (const char *p)
{
  const char *start = p;
  const char *end;

  while (*start == ' ' || *start == '<' || *start == '[')
    start++;
  end = start;
  while (*end != '\0' && (g_ascii_isalnum (*end) || *end == '.' || *end == '-' || *end == '_'))
    end++;
  while (end > start && end[-1] == '.')
    end--;
  if (end - start < 3 || memchr (start, '.', end - start) == NULL)
    return NULL;
  return g_strndup (start, end - start);
}

/**
 * bb_scan_diagnostic:
 *
 * Reads the reply code, enhanced status code, SMTP command and remote
 * host out of a diagnostic text.  Every out value may come back %NULL.
 */
void
bb_scan_diagnostic (const char *diagnostic,
                    char      **status,
                    char      **reply_code,
                    char      **command,
                    char      **remote_mta,
                    char      **reply)
{
  const char *end;
  const char *from = diagnostic;
  const char *code_at = NULL;
  char        code[4] = "";
  char        st[16] = "";
  static const struct
  {
    const char *needle;
    const char *command;
  } commands[] = {
    { "rcpt to", "RCPT" },
    { "rcpt command", "RCPT" },
    { "in reply to rcpt", "RCPT" },
    { "[rcpt_to]", "RCPT" },
    { "smtp:rcpt", "RCPT" },
    { "does not like recipient", "RCPT" },
    { "rcpt_to", "RCPT" },
    { "mail from", "MAIL" },
    { "mail command", "MAIL" },
    { "end of data", "DATA" },
    { "data command", "DATA" },
    { "after data", "DATA" },
    { ">>> data", "DATA" },
    { "end of message", "DATA" },
    { "in reply to helo", "HELO" },
    { "in reply to ehlo", "EHLO" },
    { "after helo", "HELO" },
    { "after ehlo", "EHLO" },
    { ">>> ehlo", "EHLO" },
    { ">>> helo", "HELO" },
    { "ehlo command", "EHLO" },
    { "helo command", "HELO" },
    { "initial greeting", "CONN" },
    { "connect to", "CONN" },
    { "connection refused", "CONN" },
    { "after connect", "CONN" },
    { "banner", "CONN" },
    { "starttls", "STARTTLS" },
  };

  g_autofree char *lower = NULL;

  if (status != NULL)
    *status = NULL;
  if (reply_code != NULL)
    *reply_code = NULL;
  if (command != NULL)
    *command = NULL;
  if (remote_mta != NULL)
    *remote_mta = NULL;
  if (reply != NULL)
    *reply = NULL;
  if (diagnostic == NULL)
    return;
  end = diagnostic + strlen (diagnostic);
  lower = bb_text_ascii_lower (diagnostic, end - diagnostic);

  /* The server's reply usually follows "said:" or "returned was:". */
  {
    const char *said = find_ci (diagnostic, lower, diagnostic, "said:");

    if (said == NULL)
      said = find_ci (diagnostic, lower, diagnostic, "returned was:");
    if (said == NULL)
      said = find_ci (diagnostic, lower, diagnostic, "<<< ");
    if (said != NULL)
      from = said;
  }
  code_at = bb_text_find_reply_code (from, end, code);
  if (code_at == NULL && from != diagnostic)
    code_at = bb_text_find_reply_code (diagnostic, end, code);
  /* Failures beat successes: a 250 in a transcript is not the answer. */
  while (code_at != NULL && code[0] == '2')
    {
      const char *next = bb_text_find_reply_code (code_at + 3, end, code);

      if (next == NULL)
        {
          bb_text_find_reply_code (code_at, end, code);
          break;
        }
      code_at = next;
    }

  if (code_at != NULL)
    {
      const char *s = bb_text_find_status (code_at, end, st);

      /* The enhanced code belongs to the reply only when it is close. */
      if (s == NULL || s - code_at > 24)
        {
          s = bb_text_find_status (diagnostic, end, st);
          if (s == NULL)
            st[0] = '\0';
        }
      if (reply != NULL)
        *reply = g_strdup (code_at);
      /* A reply code and a status of different classes disagree: the
       * status is more specific, but a 2xx/4xx/5xx mismatch means one of
       * them is not what it looks like (a size, a count).  Keep both only
       * when they agree. */
      if (st[0] != '\0' && st[0] != code[0])
        {
          const char *again = bb_text_find_reply_code (s, end, code);
          if (again == NULL || code[0] != st[0])
            bb_text_find_reply_code (code_at, end, code);
        }
    }
  else
    {
      if (bb_text_find_status (diagnostic, end, st) == NULL)
        st[0] = '\0';
    }

  if (status != NULL && st[0] != '\0')
    *status = g_strdup (st);
  if (reply_code != NULL && code_at != NULL)
    *reply_code = g_strdup (code);

  if (command != NULL)
    {
      for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
        if (strstr (lower, commands[i].needle) != NULL)
          {
            *command = g_strdup (commands[i].command);
            break;
          }
    }

  if (remote_mta != NULL)
    {
      const char *h = find_ci (diagnostic, lower, diagnostic, "host ");
      char       *host = NULL;

      while (h != NULL && host == NULL)
        {
          host = host_after (h + 5);
          if (host == NULL)
            h = find_ci (diagnostic, lower, h + 5, "host ");
        }
      if (host == NULL && (h = find_ci (diagnostic, lower, diagnostic, "while talking to ")) != NULL)
        host = host_after (h + 17);
      if (host == NULL && (h = find_ci (diagnostic, lower, diagnostic, "remote server ")) != NULL)
        host = host_after (h + 14);
      *remote_mta = host;
    }
}

static BbScanHit *
find_hit (GPtrArray  *hits,
          const char *address)
{
  for (guint i = 0; i < hits->len; i++)
    {
      BbScanHit *hit = g_ptr_array_index (hits, i);

      if (g_ascii_strcasecmp (hit->address, address) == 0)
        return hit;
    }
  return NULL;
}

static void
anchor_clear (gpointer data)
{
  Anchor *a = data;

  g_free (a->address);
  g_free (a->inline_rest);
}

/**
 * bb_scan_text:
 * @text: the notice's text (UTF-8)
 * @exclude: (nullable): addresses that are not recipients (the sender's)
 *
 * Returns: (transfer full): what was found; hits may be empty
 */
BbScanResult *
bb_scan_text (const char        *text,
              gsize              len,
              const char *const *exclude)
{
  BbScanResult *result = g_new0 (BbScanResult, 1);
  g_autoptr (GArray) lines_array = split_lines (text, len);
  g_autoptr (GArray) anchors = g_array_new (FALSE, TRUE, sizeof (Anchor));
  g_autoptr (GArray) own = g_array_new (FALSE, TRUE, sizeof (Anchor));
  const Line *lines = (const Line *) (gpointer) lines_array->data;
  guint       n = lines_array->len;
  guint       orig = find_original (lines, n);

  g_array_set_clear_func (anchors, anchor_clear);
  g_array_set_clear_func (own, anchor_clear);
  result->hits = g_ptr_array_new_with_free_func ((GDestroyNotify) bb_scan_hit_free);
  result->original_offset = orig < n ? (gsize) (lines[orig].s - text) : G_MAXSIZE;

  /* The notice, unfolded, for the classifier's last resort. */
  {
    gsize notice_len = orig < n ? (gsize) (lines[orig].s - text) : len;
    result->notice = bb_text_collapse (text, MIN (notice_len, 64 * 1024));
  }

  for (guint i = 0; i < orig && anchors->len < MAX_HITS; i++)
    {
      const Line *line = &lines[i];
      const char *rest = NULL;
      char       *address;
      Anchor      a = { 0 };

      if (line->blank || memchr (line->s, '@', line->len) == NULL)
        continue;
      if ((address = leading_address (line, &rest)) != NULL)
        a.kind = 0;
      else if ((address = label_address (line, &rest)) != NULL)
        a.kind = 3;
      else if ((address = reply_line_address (line)) != NULL)
        {
          a.kind = 1;
          rest = line->s + line->indent;
        }
      else if ((address = phrase_address (line, &rest)) != NULL)
        a.kind = 2;
      else
        continue;
      /* "A message sent by\n\n  <a@b>\n\ncould not be delivered": the
       * sender, named before the failure. */
      {
        gint j = (gint) i - 1;

        while (j >= 0 && lines[j].blank)
          j--;
        if (j >= 0 && a.kind == 0 && lines[j].len - lines[j].indent >= 7 &&
            (g_ascii_strncasecmp (lines[j].s + lines[j].len - 7, "sent by", 7) == 0 ||
             g_ascii_strncasecmp (lines[j].s + lines[j].len - 5, "from:", 5) == 0))
          {
            g_free (address);
            continue;
          }
      }
      if (excluded (address, exclude))
        {
          /* The sender's own address: kept aside, used only if nobody
           * else is named (someone who wrote to themselves). */
          if (own->len == 0)
            {
              a.line = i;
              a.address = address;
              a.inline_rest = g_strndup (rest, line->s + line->len - rest);
              g_array_append_val (own, a);
            }
          else
            g_free (address);
          continue;
        }
      /* The same address again in the same paragraph is a folded line of
       * the same entry ("<a@b>: host … said: 550\n<a@b>... User unknown"). */
      if (anchors->len > 0)
        {
          Anchor  *prev = &g_array_index (anchors, Anchor, anchors->len - 1);
          gboolean same_paragraph = TRUE;

          for (guint j = prev->line + 1; j < i; j++)
            if (lines[j].blank)
              same_paragraph = FALSE;
          if (same_paragraph && g_ascii_strcasecmp (prev->address, address) == 0)
            {
              g_free (address);
              continue;
            }
        }
      a.line = i;
      a.address = address;
      a.inline_rest = g_strndup (rest, line->s + line->len - rest);
      g_array_append_val (anchors, a);
    }

  if (anchors->len == 0 && own->len > 0)
    {
      Anchor a = g_array_index (own, Anchor, 0);

      a.address = g_strdup (a.address);
      a.inline_rest = g_strdup (a.inline_rest);
      g_array_append_val (anchors, a);
    }

  for (guint k = 0; k < anchors->len; k++)
    {
      Anchor *a = &g_array_index (anchors, Anchor, k);
      guint   stop = k + 1 < anchors->len ? g_array_index (anchors, Anchor, k + 1).line : orig;
      g_autoptr (GString) block = g_string_new (NULL);
      BbScanHit *hit;
      guint      i = a->line + 1;
      guint      taken = 0;

      /* Sendmail transcripts: ">>> RCPT To:<a@b>" then "<<< 550 …". */
      if (a->kind == 1 && a->line > 0 && lines[a->line - 1].len - lines[a->line - 1].indent > 4 &&
          memcmp (lines[a->line - 1].s + lines[a->line - 1].indent, ">>> ", 4) == 0)
        append_line (block, lines[a->line - 1].s + lines[a->line - 1].indent,
                     lines[a->line - 1].len - lines[a->line - 1].indent);
      append_line (block, a->inline_rest, strlen (a->inline_rest));

      /* The paragraph the anchor stands in. */
      for (; i < stop && !lines[i].blank && taken < MAX_BLOCK_LINES; i++, taken++)
        append_line (block, lines[i].s + lines[i].indent, lines[i].len - lines[i].indent);

      /* An address alone in its paragraph: the words are in the next ones
       * ("because:", "Technical details …", the reply). */
      if (!looks_like_reply (block->str, block->len))
        {
          guint paragraphs = 0;

          for (; i < stop && taken < MAX_BLOCK_LINES && paragraphs < 4; i++)
            {
              if (lines[i].blank)
                {
                  if (i > 0 && !lines[i - 1].blank)
                    paragraphs++;
                  continue;
                }
              if (is_label_line (&lines[i]) && block->len == 0)
                continue;
              append_line (block, lines[i].s + lines[i].indent, lines[i].len - lines[i].indent);
              taken++;
              if (looks_like_reply (lines[i].s, lines[i].len))
                {
                  /* take the rest of this paragraph, then stop */
                  for (i++; i < stop && !lines[i].blank && taken < MAX_BLOCK_LINES; i++, taken++)
                    append_line (block, lines[i].s + lines[i].indent, lines[i].len - lines[i].indent);
                  break;
                }
            }
        }

      /* Nothing after it: the words may stand before the address, in
       * the same paragraph ("User not listed in …\nkijitora@…"). */
      if (block->len == 0 || block->len == strlen (a->inline_rest))
        {
          guint first = a->line;

          while (first > 0 && !lines[first - 1].blank && a->line - first < 6)
            first--;
          if (k > 0 && first <= g_array_index (anchors, Anchor, k - 1).line)
            first = g_array_index (anchors, Anchor, k - 1).line + 1;
          for (guint j = first; j < a->line; j++)
            append_line (block, lines[j].s + lines[j].indent, lines[j].len - lines[j].indent);
        }

      hit = find_hit (result->hits, a->address);
      if (hit == NULL)
        {
          hit = g_new0 (BbScanHit, 1);
          hit->address = g_strdup (a->address);
          g_ptr_array_add (result->hits, hit);
        }
      {
        g_autofree char *collapsed = bb_text_collapse (block->str, block->len);

        if (hit->diagnostic == NULL)
          hit->diagnostic = g_steal_pointer (&collapsed);
        else if (hit->reply_code == NULL && strstr (hit->diagnostic, collapsed) == NULL)
          {
            /* A second mention of the same recipient (the reply, after the
             * sentence naming it): read both together. */
            char *both = g_strconcat (hit->diagnostic, " ", collapsed, NULL);
            g_free (hit->diagnostic);
            hit->diagnostic = both;
          }
        else
          continue;
        g_clear_pointer (&hit->status, g_free);
        g_clear_pointer (&hit->reply_code, g_free);
        g_clear_pointer (&hit->command, g_free);
        g_clear_pointer (&hit->remote_mta, g_free);
        g_clear_pointer (&hit->reply, g_free);
        bb_scan_diagnostic (hit->diagnostic, &hit->status, &hit->reply_code, &hit->command,
                            &hit->remote_mta, &hit->reply);
      }
    }

  return result;
}
