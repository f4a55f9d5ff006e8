/* test-core-chinese.c - notices written by Chinese providers for their own
 * users (NetEase, QQ Mail, Exmail, Alibaba Mail, Coremail): the engine
 * against tests/data/chinese/expected.tsv, plus the template scanner on
 * its own
 *
 * expected.tsv has one row per expected recipient (index 1, 2 …) or a
 * single row with index 0 when the message must yield no recipient.  An
 * empty cell is not checked; "-" means the value must be absent.  The
 * per-message columns (kind, format, original_subject, notice_subject,
 * attachments) repeat on every row of a file.
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "bb-core.h"
#include "bb-scan-zh.h"

enum
{
  COL_FILE,
  COL_INDEX,
  COL_KIND,
  COL_FORMAT,
  COL_ADDRESS,
  COL_STATUS,
  COL_REPLY_CODE,
  COL_REASON,
  COL_HARD_BOUNCE,
  COL_SIDE,
  COL_DIAGNOSTIC,
  COL_ORIGINAL_SUBJECT,
  COL_NOTICE_SUBJECT,
  COL_ATTACHMENTS,
  N_COLS
};

static const char *const column_names[N_COLS] = {
  "file",
  "index",
  "kind",
  "format",
  "address",
  "status",
  "reply_code",
  "reason",
  "hard_bounce",
  "side",
  "diagnostic",
  "original_subject",
  "notice_subject",
  "attachments",
};

/* Failures that lie outside the template scanner (bb-scan-zh.c), with the
 * place the fix belongs.  A mismatch in a listed column of a listed file
 * marks the case incomplete instead of failed; any other mismatch fails.
 * "count" stands for the number of recipients. */
static const struct
{
  const char *file;
  const char *column;
  const char *why;
} known_issues[] = {
  { "01-netease-userunknown-blacklist-trap.eml", "format",
    "the NetEase template differs from other Coremail systems only by its mascot (小易) and its "
    "links; this notice's text/plain part has neither, so the text alone says \"coremail\" (today "
    "it passes only because bb-message.c also appends the raw, unconverted HTML alternative). "
    "Fix in bb-analyze.c: when bb_scan_zh() says coremail and the notice is From "
    "postmaster@163.com/126.com/yeah.net, report netease" },
  { "02-netease-rcpt-timeout.eml", "reason",
    "\"rcpt handle timeout\" (NetEase gave up on a slow remote server) ends as onhold; expected "
    "expired. The NetEase entry in bb-provider-codes.c is an ENTRY, matched only when the "
    "recipient's provider is NetEase, and has no reason; fix in bb-provider-codes.c (ANYWHERE or "
    "keyed on the notice's format, reason expired) or in bb-reason-patterns.c (expired phrase)" },
  { "02-netease-rcpt-timeout.eml", "side",
    "side follows the reason: onhold gives unknown, expected nobody (temporary), see the reason "
    "entry for this file" },
  { "07-exmail-mailbox-full.eml", "format",
    "Exmail uses QQ's template; its marks (service.exmail.qq.com links, subject 来自<company>的退信, "
    "From postmaster@<company domain>) are not in the text handed to bb_scan_zh(). Fix in "
    "bb-analyze.c: when bb_scan_zh() says tencent and the notice's From domain is not qq.com / "
    "foxmail.com, report exmail" },
  { "11-netease-recall-failed.eml", "kind",
    "a NetEase recall-failure notice (通知：[撤回邮件失败]…, 撤回失败) is not a bounce, but From "
    "Postmaster@ makes bb-analyze.c treat it as one and bb_scan_text() picks the address in it. "
    "Fix in bb-analyze.c: subject 撤回邮件失败 / body 撤回失败 means not-bounce" },
  { "11-netease-recall-failed.eml", "count",
    "see the kind entry for this file: the recall notice gets a recipient" },
};

/* Words of the providers' own friendly sentences: a diagnostic must be the
 * remote server's text, never these. */
static const char *const friendly_words[] = {
  "邮差小易",
  "邮箱小易",
  "黑名单",
  "糟糕",
  "被收件人拒绝",
  NULL,
};

typedef struct
{
  char      *file;
  GPtrArray *rows; /* GStrv, N_COLS cells each */
} Case;

static void
case_free (gpointer data)
{
  Case *c = data;

  g_free (c->file);
  g_ptr_array_unref (c->rows);
  g_free (c);
}

static GPtrArray *
load_cases (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "chinese", "expected.tsv", NULL);
  g_autofree char *contents = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) lines = NULL;
  GPtrArray *cases = g_ptr_array_new_with_free_func (case_free);

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (contents, "\n", -1);
  g_assert_nonnull (lines[0]);
  {
    g_auto (GStrv) header = g_strsplit (lines[0], "\t", -1);

    g_assert_cmpuint (g_strv_length (header), ==, N_COLS);
    for (guint i = 0; i < N_COLS; i++)
      g_assert_cmpstr (header[i], ==, column_names[i]);
  }
  for (guint i = 1; lines[i] != NULL; i++)
    {
      g_auto (GStrv) cols = NULL;
      Case *c = NULL;

      if (lines[i][0] == '\0' || lines[i][0] == '#')
        continue;
      cols = g_strsplit (lines[i], "\t", -1);
      g_assert_cmpuint (g_strv_length (cols), ==, N_COLS);
      if (cases->len > 0)
        {
          Case *last = g_ptr_array_index (cases, cases->len - 1);
          if (strcmp (last->file, cols[COL_FILE]) == 0)
            c = last;
        }
      if (c == NULL)
        {
          c = g_new0 (Case, 1);
          c->file = g_strdup (cols[COL_FILE]);
          c->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
          g_ptr_array_add (cases, c);
        }
      g_ptr_array_add (c->rows, g_steal_pointer (&cols));
    }
  return cases;
}

typedef struct
{
  const char *file;
  GPtrArray  *failed;     /* mismatches in columns not known to fail */
  GPtrArray  *incomplete; /* mismatches explained by known_issues */
} Check;

static const char *
known_issue (const char *file,
             const char *column)
{
  for (gsize i = 0; i < G_N_ELEMENTS (known_issues); i++)
    if (strcmp (known_issues[i].file, file) == 0 && strcmp (known_issues[i].column, column) == 0)
      return known_issues[i].why;
  return NULL;
}

static void
mismatch (Check      *check,
          const char *column,
          const char *what,
          const char *expected,
          const char *got)
{
  const char *why = known_issue (check->file, column);

  /* One line each: TAP takes test messages line by line. */
  g_ptr_array_add (why != NULL ? check->incomplete : check->failed,
                   g_strdup_printf ("%s: %s: expected “%s”, got “%s”%s%s", check->file, what, expected,
                                    got != NULL ? got : "(none)", why != NULL ? "; known issue: " : "",
                                    why != NULL ? why : ""));
}

/* Compares one cell: "" is not checked, "-" wants no value. */
static void
expect (Check      *check,
        const char *column,
        const char *what,
        const char *expected,
        const char *got)
{
  if (expected == NULL || *expected == '\0')
    return;
  if (strcmp (expected, "-") == 0)
    {
      if (got != NULL && *got != '\0')
        mismatch (check, column, what, "(none)", got);
      return;
    }
  if (got == NULL || strcmp (expected, got) != 0)
    mismatch (check, column, what, expected, got);
}

static void
expect_cell (Check             *check,
             const char        *label,
             const char *const *row,
             guint              col,
             const char        *got)
{
  g_autofree char *what = g_strdup_printf ("%s %s", label, column_names[col]);

  expect (check, column_names[col], what, row[col], got);
}

static void
test_case (gconstpointer data)
{
  const Case        *c = data;
  const char *const *first = g_ptr_array_index (c->rows, 0);
  g_autofree char   *path = g_test_build_filename (G_TEST_DIST, "data", "chinese", c->file, NULL);
  g_autofree char   *contents = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (BbBounce) bounce = NULL;
  g_autoptr (GPtrArray) failed = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) incomplete = g_ptr_array_new_with_free_func (g_free);
  Check check = { c->file, failed, incomplete };
  gsize len = 0;
  guint expected_count = 0;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);
  bytes = g_bytes_new_take (g_steal_pointer (&contents), len);
  bounce = bb_analyze_bytes (bytes, path);
  g_assert_nonnull (bounce);

  expect (&check, "kind", "kind", first[COL_KIND], bb_kind_to_string (bb_bounce_get_kind (bounce)));
  expect (&check, "format", "format", first[COL_FORMAT], bb_bounce_get_format (bounce));
  expect (&check, "notice_subject", "notice subject", first[COL_NOTICE_SUBJECT],
          bb_bounce_get_subject (bounce));
  expect (&check, "original_subject", "original subject", first[COL_ORIGINAL_SUBJECT],
          bb_bounce_get_original_subject (bounce));
  if (*first[COL_ATTACHMENTS] != '\0')
    {
      g_autofree char *n = g_strdup_printf ("%u", bb_bounce_get_attachments (bounce)->len);
      expect (&check, "attachments", "attachments of the original", first[COL_ATTACHMENTS], n);
    }

  for (guint i = 0; i < c->rows->len; i++)
    {
      const char *const *row = g_ptr_array_index (c->rows, i);
      guint64            index = g_ascii_strtoull (row[COL_INDEX], NULL, 10);
      BbRecipient       *r;
      g_autofree char   *label = NULL;
      g_autofree char   *what = NULL;

      if (index == 0)
        continue;
      expected_count++;
      label = g_strdup_printf ("recipient %" G_GUINT64_FORMAT, index);
      if (index > bb_bounce_get_n_recipients (bounce))
        {
          mismatch (&check, "count", label, row[COL_ADDRESS], NULL);
          continue;
        }
      r = bb_bounce_get_recipient (bounce, (guint) index - 1);

      expect_cell (&check, label, row, COL_ADDRESS, bb_recipient_get_address (r));
      expect_cell (&check, label, row, COL_STATUS, bb_recipient_get_status (r));
      expect_cell (&check, label, row, COL_REPLY_CODE, bb_recipient_get_reply_code (r));
      expect_cell (&check, label, row, COL_REASON, bb_recipient_get_reason (r));
      expect_cell (&check, label, row, COL_HARD_BOUNCE, bb_recipient_get_hard_bounce (r) ? "1" : "0");
      expect_cell (&check, label, row, COL_SIDE, bb_side_to_string (bb_recipient_get_side (r)));

      if (*row[COL_DIAGNOSTIC] != '\0')
        {
          const char *diagnostic = bb_recipient_get_diagnostic (r);

          if (diagnostic == NULL || strstr (diagnostic, row[COL_DIAGNOSTIC]) == NULL)
            {
              g_free (what);
              what = g_strdup_printf ("%s diagnostic (contains)", label);
              mismatch (&check, "diagnostic", what, row[COL_DIAGNOSTIC], diagnostic);
            }
        }
      /* The provider's friendly sentence must never become the
       * diagnostic (NetEase says "blacklist" for "user unknown"). */
      for (guint k = 0; friendly_words[k] != NULL; k++)
        {
          const char *diagnostic = bb_recipient_get_diagnostic (r);

          if (diagnostic != NULL && strstr (diagnostic, friendly_words[k]) != NULL)
            {
              g_free (what);
              what = g_strdup_printf ("%s diagnostic (without the friendly sentence)", label);
              mismatch (&check, "diagnostic", what, friendly_words[k], diagnostic);
            }
        }
    }

  if (bb_bounce_get_n_recipients (bounce) != expected_count)
    {
      g_autofree char *e = g_strdup_printf ("%u", expected_count);
      g_autofree char *g = g_strdup_printf ("%u", bb_bounce_get_n_recipients (bounce));
      mismatch (&check, "count", "number of recipients", e, g);
    }

  for (guint i = 0; i < failed->len; i++)
    g_test_message ("%s", (const char *) g_ptr_array_index (failed, i));
  for (guint i = 0; i < incomplete->len; i++)
    g_test_message ("%s", (const char *) g_ptr_array_index (incomplete, i));
  if (failed->len > 0)
    g_test_fail_printf ("%s: %u mismatches (see the messages above)", c->file, failed->len);
  else if (incomplete->len > 0)
    g_test_incomplete_printf ("%s: %u mismatches from known issues outside bb-scan-zh.c",
                              c->file, incomplete->len);
}

/* ---- the scanner on its own ------------------------------------------- */

/* NetEase's HTML alternative after the caller's HTML-to-text step: table
 * cells become spaces, the reply may start on the line after the label.
 * Without the mascot or NetEase's links, the template is any Coremail
 * system's. */
static const char netease_html_text[] =
    "抱歉，您的邮件被退回来了……\n"
    "原邮件信息：\n"
    "时  间： 2026-03-02 10:15:32\n"
    "主  题： 报价单\n"
    " 收件人： purchasing@example.com \n"
    "退信原因：\n"
    "糟糕，这封邮件被收件人拒绝了，可能是对方设置了黑名单或者过滤器等相关设置。\n"
    "英文说明：\n"
    "SMTP error, RCPT TO: 550 5.1.1 <purchasing@example.com>: Recipient address rejected: User unknown\n"
    "建议解决方案：\n"
    "请核对地址。\n";

static const char qq_text[] =
    "很抱歉您发送的邮件被退回，以下是该邮件的相关信息：\n"
    "无法发送到ann@example.com\n"
    "退信原因 收件人邮件地址（ann@example.com）不存在，邮件无法送达。\n"
    "host mx.example.com[192.0.2.1] said: 550 No Such User Here (in reply to RCPT TO command)\n"
    "解决方案 请核对地址。\n";

static const char alibaba_text[] =
    "收信地址：a@example.com，b@example.net；\n"
    "退信原因：您发送的邮件被系统反垃圾拦截\n"
    "参考信息：ESO_LOCAL_SPAM: spamed by local spam engine\n";

static BbScanResult *
scan (const char  *text,
      gsize        len,
      const char **provider)
{
  BbScanResult *result = g_new0 (BbScanResult, 1);

  result->hits = g_ptr_array_new_with_free_func ((GDestroyNotify) bb_scan_hit_free);
  result->original_offset = G_MAXSIZE;
  *provider = bb_scan_zh (text, len, result);
  return result;
}

static BbScanHit *
hit_at (BbScanResult *result,
        guint         i)
{
  g_assert_cmpuint (i, <, result->hits->len);
  return g_ptr_array_index (result->hits, i);
}

static void
test_scan_netease_html (void)
{
  const char *provider = NULL;
  g_autoptr (BbScanResult) result = scan (netease_html_text, strlen (netease_html_text), &provider);
  BbScanHit *hit;

  g_assert_cmpstr (provider, ==, "coremail");
  g_assert_cmpuint (result->hits->len, ==, 1);
  hit = hit_at (result, 0);
  g_assert_cmpstr (hit->address, ==, "purchasing@example.com");
  g_assert_true (g_str_has_prefix (hit->diagnostic, "SMTP error, RCPT TO: 550 5.1.1"));
  g_assert_null (strstr (hit->diagnostic, "黑名单"));
  g_assert_cmpstr (hit->status, ==, "5.1.1");
  g_assert_cmpstr (hit->reply_code, ==, "550");
  g_assert_cmpstr (hit->command, ==, "RCPT");
}

static void
test_scan_qq_glued (void)
{
  const char *provider = NULL;
  g_autoptr (BbScanResult) result = scan (qq_text, strlen (qq_text), &provider);
  BbScanHit *hit;

  g_assert_cmpstr (provider, ==, "tencent");
  g_assert_cmpuint (result->hits->len, ==, 1);
  hit = hit_at (result, 0);
  /* "无法发送到" glued to the address must not end up in it */
  g_assert_cmpstr (hit->address, ==, "ann@example.com");
  g_assert_true (g_str_has_prefix (hit->diagnostic, "host mx.example.com[192.0.2.1] said: 550"));
  g_assert_cmpstr (hit->reply_code, ==, "550");
  g_assert_cmpstr (hit->remote_mta, ==, "mx.example.com");
}

static void
test_scan_alibaba_fields (void)
{
  const char *provider = NULL;
  g_autoptr (BbScanResult) result = scan (alibaba_text, strlen (alibaba_text), &provider);

  g_assert_cmpstr (provider, ==, "alibaba");
  g_assert_cmpuint (result->hits->len, ==, 2);
  g_assert_cmpstr (hit_at (result, 0)->address, ==, "a@example.com");
  g_assert_cmpstr (hit_at (result, 1)->address, ==, "b@example.net");
  g_assert_cmpstr (hit_at (result, 1)->diagnostic, ==, "ESO_LOCAL_SPAM: spamed by local spam engine");
}

static void
test_scan_not_recognised (void)
{
  static const char *const texts[] = {
    "This is the mail system at host mx.example.com.\n\n<a@example.com>: host x said: 550 no\n",
    "您对邮件进行了撤回操作，但是撤回失败。\n收件人：a@example.com\n",
    "我于3月2日至3月9日休假，期间无法及时回复邮件。\n",
    "退信原因\n", /* a label alone names nobody */
    "",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      const char *provider = NULL;
      g_autoptr (BbScanResult) result = scan (texts[i], strlen (texts[i]), &provider);

      g_assert_null (provider);
      g_assert_cmpuint (result->hits->len, ==, 0);
    }
}

/* Every prefix of every template, and the same with one byte replaced by
 * a stray UTF-8 lead byte: no crash, no hit without an address. */
static void
test_scan_truncated (void)
{
  const char *const texts[] = { netease_html_text, qq_text, alibaba_text };

  for (gsize t = 0; t < G_N_ELEMENTS (texts); t++)
    {
      gsize n = strlen (texts[t]);

      for (gsize len = 0; len <= n; len++)
        {
          g_autofree char *copy = g_strndup (texts[t], len);

          for (guint variant = 0; variant < 2; variant++)
            {
              const char *provider = NULL;
              g_autoptr (BbScanResult) result = NULL;

              if (variant == 1 && len > 0)
                copy[len - 1] = '\xe4';
              result = scan (copy, len, &provider);
              g_assert_true ((provider == NULL) == (result->hits->len == 0));
              for (guint i = 0; i < result->hits->len; i++)
                g_assert_nonnull (strchr (hit_at (result, i)->address, '@'));
            }
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GPtrArray) cases = NULL;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  bb_core_init ();

  cases = load_cases ();
  for (guint i = 0; i < cases->len; i++)
    {
      Case            *c = g_ptr_array_index (cases, i);
      g_autofree char *name = g_strdup_printf ("/bb/core/chinese/notice/%s", c->file);

      g_test_add_data_func (name, c, test_case);
    }
  g_test_add_func ("/bb/core/chinese/scan/netease-html-text", test_scan_netease_html);
  g_test_add_func ("/bb/core/chinese/scan/qq-address-glued", test_scan_qq_glued);
  g_test_add_func ("/bb/core/chinese/scan/alibaba-fields", test_scan_alibaba_fields);
  g_test_add_func ("/bb/core/chinese/scan/not-recognised", test_scan_not_recognised);
  g_test_add_func ("/bb/core/chinese/scan/truncated", test_scan_truncated);

  return g_test_run ();
}
