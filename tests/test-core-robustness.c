/* test-core-robustness.c - bb_analyze_bytes() on hostile, broken, huge and
 * borderline input: a clear result every time, never a crash
 *
 * Every case runs in a subprocess, so one crash names its case and the
 * others still run.  A case that hits a known engine bug keeps its
 * assertions and is reported as incomplete (TAP "# TODO") until the
 * engine is fixed: see KNOWN_BUG below.
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bb-core.h"
#include "bb-json.h"
#include "bb-text.h"

#include <json-glib/json-glib.h>
#include <locale.h>
#include <string.h>

/* Shared by the synthetic notices below. */
#define RCPT "john@company.com"
#define FRAGMENT_LINE "550 5.1.1 <" RCPT ">: Recipient address rejected: User unknown"

/* ---------------------------------------------------------------------- */
/* Helpers                                                                 */

static BbRecipient *
find_recipient (BbBounce   *bounce,
                const char *address)
{
  for (guint i = 0; i < bb_bounce_get_n_recipients (bounce); i++)
    {
      BbRecipient *r = bb_bounce_get_recipient (bounce, i);

      if (g_ascii_strcasecmp (bb_recipient_get_address (r), address) == 0)
        return r;
    }
  return NULL;
}

/* What every result must satisfy, whatever the input: a known kind, an
 * error message exactly when unreadable, and a JSON line that parses and
 * agrees with the object. */
static void
assert_sane (BbBounce *bounce)
{
  g_autoptr (GString) out = g_string_new (NULL);
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  JsonObject *object;
  BbKind      kind;

  g_assert_nonnull (bounce);
  g_assert_true (BB_IS_BOUNCE (bounce));
  kind = bb_bounce_get_kind (bounce);
  g_assert_cmpint (kind, >=, BB_KIND_BOUNCE);
  g_assert_cmpint (kind, <=, BB_KIND_UNREADABLE);
  g_assert_nonnull (bb_kind_to_string (kind));
  if (kind == BB_KIND_UNREADABLE)
    {
      g_assert_nonnull (bb_bounce_get_error (bounce));
      g_assert_cmpstr (bb_bounce_get_error (bounce), !=, "");
      g_assert_true (g_utf8_validate (bb_bounce_get_error (bounce), -1, NULL));
      g_assert_cmpuint (bb_bounce_get_n_recipients (bounce), ==, 0);
    }
  g_assert_true (bb_bounce_is_bounce (bounce) == (kind == BB_KIND_BOUNCE));

  bb_json_write_bounce (out, bounce);
  g_assert_true (g_utf8_validate (out->str, out->len, NULL));
  g_assert_null (memchr (out->str, '\n', out->len)); /* JSON Lines */
  json_parser_load_from_data (parser, out->str, out->len, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  object = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (object, "kind"), ==, bb_kind_to_string (kind));
  if (json_object_has_member (object, "recipients") &&
      JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "recipients")))
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "recipients")), ==,
                      bb_bounce_get_n_recipients (bounce));
}

static BbBounce *
analyze (const char *data,
         gsize       len,
         const char *source)
{
  g_autoptr (GBytes) bytes = g_bytes_new (data, len);
  BbBounce *bounce = bb_analyze_bytes (bytes, source);

  assert_sane (bounce);
  return bounce;
}

static BbBounce *
analyze_string (const char *text)
{
  return analyze (text, strlen (text), "test");
}

static void
assert_unreadable (const char *data,
                   gsize       len)
{
  g_autoptr (BbBounce) bounce = analyze (data, len, "test");

  g_assert_cmpint (bb_bounce_get_kind (bounce), ==, BB_KIND_UNREADABLE);
}

/* The file's bytes with every CRLF and bare CR turned into LF. */
static GString *
corpus_file_lf (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "corpus", "bounces", name, NULL);
  g_autofree char *contents = NULL;
  g_autoptr (GError) error = NULL;
  GString *lf;
  gsize    len = 0;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);
  lf = g_string_sized_new (len);
  for (gsize i = 0; i < len; i++)
    {
      if (contents[i] == '\r')
        {
          g_string_append_c (lf, '\n');
          if (i + 1 < len && contents[i + 1] == '\n')
            i++;
        }
      else
        g_string_append_c (lf, contents[i]);
    }
  return lf;
}

static GString *
with_line_endings (const GString *lf,
                   const char    *eol)
{
  GString *out = g_string_sized_new (lf->len * 2);

  for (gsize i = 0; i < lf->len; i++)
    {
      if (lf->str[i] == '\n')
        g_string_append (out, eol);
      else
        g_string_append_c (out, lf->str[i]);
    }
  return out;
}

/* The start of a bounce of RCPT, up to (and including) the opening boundary
 * of its returned original.  The caller appends the original. */
static void
append_report_head (GString    *s,
                    const char *action,
                    const char *status,
                    const char *diagnostic,
                    const char *subject)
{
  g_string_append_printf (s,
                          "From: Mail Delivery System <MAILER-DAEMON@mx.sender.example>\n"
                          "To: sales@sender.example\n"
                          "Subject: %s\n"
                          "Date: Mon, 3 Mar 2025 10:00:00 +0800\n"
                          "Message-ID: <report-1@mx.sender.example>\n"
                          "Auto-Submitted: auto-replied\n"
                          "MIME-Version: 1.0\n"
                          "Content-Type: multipart/report; report-type=delivery-status;\n"
                          "\tboundary=\"REPORT-BOUNDARY\"\n"
                          "\n"
                          "--REPORT-BOUNDARY\n"
                          "Content-Type: text/plain; charset=us-ascii\n"
                          "\n"
                          "This is the mail system at host mx.sender.example.\n"
                          "\n"
                          "<" RCPT ">: %s\n"
                          "\n"
                          "--REPORT-BOUNDARY\n"
                          "Content-Type: message/delivery-status\n"
                          "\n"
                          "Reporting-MTA: dns; mx.sender.example\n"
                          "Arrival-Date: Mon, 3 Mar 2025 09:59:58 +0800\n"
                          "\n"
                          "Final-Recipient: rfc822; " RCPT "\n"
                          "Original-Recipient: rfc822; " RCPT "\n"
                          "Action: %s\n"
                          "Status: %s\n"
                          "Remote-MTA: dns; mx.company.com\n"
                          "Diagnostic-Code: smtp; %s\n"
                          "\n"
                          "--REPORT-BOUNDARY\n"
                          "Content-Type: message/rfc822\n"
                          "\n",
                          subject, diagnostic, action, status, diagnostic);
}

static void
append_original_headers (GString *s)
{
  g_string_append (s,
                   "From: Sales <sales@sender.example>\n"
                   "To: John <" RCPT ">\n"
                   "Subject: Quotation for 500 pcs\n"
                   "Date: Mon, 3 Mar 2025 09:59:50 +0800\n"
                   "Message-ID: <q-500@sender.example>\n"
                   "MIME-Version: 1.0\n");
}

static GString *
simple_report (const char *action,
               const char *status,
               const char *diagnostic,
               const char *subject)
{
  GString *s = g_string_new (NULL);

  append_report_head (s, action, status, diagnostic, subject);
  append_original_headers (s);
  g_string_append (s, "Content-Type: text/plain; charset=us-ascii\n\n"
                      "Dear John, please find our quotation attached.\n"
                      "\n--REPORT-BOUNDARY--\n");
  return s;
}

static void
assert_bounce_of_rcpt (BbBounce   *bounce,
                       const char *status)
{
  BbRecipient *r;

  g_assert_cmpint (bb_bounce_get_kind (bounce), ==, BB_KIND_BOUNCE);
  r = find_recipient (bounce, RCPT);
  g_assert_nonnull (r);
  if (status != NULL)
    g_assert_cmpstr (bb_recipient_get_status (r), ==, status);
}

/* ---------------------------------------------------------------------- */
/* Cases                                                                   */

static void
test_empty (void)
{
  g_autoptr (BbBounce) bounce = analyze ("", 0, "empty");

  g_assert_cmpint (bb_bounce_get_kind (bounce), ==, BB_KIND_UNREADABLE);
  g_assert_cmpstr (bb_bounce_get_source (bounce), ==, "empty");
}

static void
test_whitespace (void)
{
  static const char *const inputs[] = { " ", "\n", "\r\n\r\n", "  \t \n\n \r\n\t\t\n   ", NULL };

  for (guint i = 0; inputs[i] != NULL; i++)
    assert_unreadable (inputs[i], strlen (inputs[i]));
}

static void
test_binary_random (void)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (20260101);

  for (guint round = 0; round < 20; round++)
    {
      gsize              len = 64 + g_rand_int_range (rand, 0, 64 * 1024);
      g_autofree guint8 *data = g_malloc (len);

      for (gsize i = 0; i < len; i++)
        data[i] = (guint8) g_rand_int_range (rand, 0, 256);
      data[len / 2] = 0; /* at least one NUL */
      g_test_message ("round %u: %" G_GSIZE_FORMAT " random bytes", round, len);
      assert_unreadable ((const char *) data, len);
    }
}

/* The binary test counts NUL and control bytes in the first 2 kB: text
 * with tabs, form feeds and ISO-2022-JP escapes is text, wherever the
 * odd bytes fall (eight-byte words and the tail alike). */
static void
test_binary_threshold (void)
{
  for (gsize len = 1; len < 600; len += 37)
    {
      g_autofree char *text = g_malloc (len);

      memset (text, 'a', len);
      for (gsize i = 3; i < len; i += 11)
        text[i] = (i % 3 == 0) ? '\t' : (i % 3 == 1) ? '\n' : 0x1b;
      text[len - 1] = '\f';
      g_assert_false (bb_text_looks_binary (text, len));

      /* One control byte in 50 or more is binary, wherever they fall. */
      for (gsize i = 0; i < len; i += 49)
        text[len - 1 - i] = 0x01;
      g_assert_true (bb_text_looks_binary (text, len));
    }
  {
    char text[2048];

    memset (text, 'x', sizeof text);
    for (guint i = 0; i < 16; i++)
      text[i * 101 + 5] = '\0';
    g_assert_false (bb_text_looks_binary (text, sizeof text)); /* stray NULs */
    text[2047] = '\0';
    g_assert_true (bb_text_looks_binary (text, sizeof text)); /* the 17th */
  }
}

/* Case-blind search: every candidate position of the first byte, in
 * either case, is tried in text order. */
static void
test_find_ci (void)
{
  static const char *const hay = "Final-Recipient: rfc822; a@b\nfinal-recipient: x\nFINAL";
  static const struct
  {
    const char *haystack;
    const char *needle;
    gssize      at; /* -1: not found */
  } cases[] = {
    { "Final-Recipient: rfc822", "final-recipient:", 0 },
    { "xx final-RECIPIENT:", "final-recipient:", 3 },
    { "fF fFinal-recipient", "final-recipient", 4 },   /* candidates of both cases, interleaved */
    { "Ffinal", "final", 1 },
    { "FINAL", "final-recipient", -1 },                /* longer than what is left */
    { "", "a", -1 },
    { "abc", "", 0 },
    { "退信通知：Final-Recipient", "final-recipient", 15 }, /* after UTF-8 bytes */
    { "Undelivered Mail Returned", "RETURNED", 17 },
    { "no such thing here", "final", -1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *found = bb_text_find_ci (cases[i].haystack, cases[i].needle);

      g_assert_cmpint (found != NULL ? found - cases[i].haystack : -1, ==, cases[i].at);
    }
  g_assert_true (bb_text_find_ci (hay, "FINAL") == hay);
  g_assert_true (bb_text_find_ci (hay + 1, "final") == strstr (hay, "final-r"));
}

static void
test_binary_png (void)
{
  static const guint8 png[] = {
    0x89,
    'P',
    'N',
    'G',
    '\r',
    '\n',
    0x1a,
    '\n',
    0x00,
    0x00,
    0x00,
    0x0d,
    'I',
    'H',
    'D',
    'R',
    0x00,
    0x00,
    0x00,
    0x01,
    0x00,
    0x00,
    0x00,
    0x01,
    0x08,
    0x06,
    0x00,
    0x00,
    0x00,
    0x1f,
    0x15,
    0xc4,
    0x89,
    0x00,
    0x00,
    0x00,
    0x0a,
    'I',
    'D',
    'A',
    'T',
    0x78,
    0x9c,
    0x63,
    0x00,
    0x01,
    0x00,
    0x00,
    0x05,
    0x00,
    0x01,
    0x0d,
    0x0a,
    0x2d,
    0xb4,
    0x00,
    0x00,
    0x00,
    0x00,
    'I',
    'E',
    'N',
    'D',
    0xae,
    0x42,
    0x60,
    0x82,
  };

  assert_unreadable ((const char *) png, sizeof png);
}

/* rfc3464-01.eml cut at offsets inside the headers, inside the delivery
 * status, and inside the base64 body of the returned original. */
static void
test_truncated (void)
{
  g_autoptr (GString) lf = corpus_file_lf ("rfc3464-01.eml");
  const char *dsn = strstr (lf->str, "Final-Recipient:");
  const char *original = strstr (lf->str, "Content-Type: message/rfc822");
  const char *base64 = original != NULL ? strstr (original, "\n\n5aSq") : NULL;
  const char *body = strstr (lf->str, "\n\n");
  gsize       cuts[] = {
          1, 10, 40,                    /* inside the first header line */
          (gsize) (body - lf->str) / 2, /* in the middle of the header block */
          (gsize) (body - lf->str) + 1, /* headers only */
          (gsize) (dsn - lf->str) + 30, /* inside Final-Recipient */
  };
  gsize late_cuts[] = {
    (gsize) (original - lf->str) + 10,   /* inside the original's part header */
    (gsize) (base64 - lf->str) + 2 + 17, /* mid-base64, mid-quantum */
    (gsize) (base64 - lf->str) + 2 + 40, /* mid-base64 */
    lf->len - 5,                         /* inside the closing boundary */
  };

  g_assert_nonnull (dsn);
  g_assert_nonnull (base64);
  for (guint i = 0; i < G_N_ELEMENTS (cuts); i++)
    {
      g_test_message ("cut at %" G_GSIZE_FORMAT, cuts[i]);
      g_object_unref (analyze (lf->str, cuts[i], "truncated"));
    }
  /* Once the delivery status is complete, the recipient must be found. */
  for (guint i = 0; i < G_N_ELEMENTS (late_cuts); i++)
    {
      g_autoptr (BbBounce) bounce = NULL;

      g_test_message ("cut at %" G_GSIZE_FORMAT, late_cuts[i]);
      bounce = analyze (lf->str, late_cuts[i], "truncated");
      g_assert_cmpint (bb_bounce_get_kind (bounce), ==, BB_KIND_BOUNCE);
      g_assert_nonnull (find_recipient (bounce, "userunknown@bouncehammer.jp"));
    }
}

/* A bounce whose returned original carries a 100 MB base64 attachment. */
static void
test_huge (void)
{
  const gsize target = 100 * 1024 * 1024;
  /* 57 bytes of binary → one 76-column base64 line. */
  static const char line[] = "JVBERi0xLjQKJcfsj6IKNSAwIG9iago8PC9MZW5ndGggNiAwIFIvRmlsdGVyIC9GbGF0ZURlY29k\n";
  g_autoptr (GString) s = g_string_sized_new (target + 4096);
  g_autoptr (BbBounce) bounce = NULL;
  g_autoptr (GTimer) timer = g_timer_new ();

  append_report_head (s, "failed", "5.1.1", FRAGMENT_LINE, "Undelivered Mail Returned to Sender");
  append_original_headers (s);
  g_string_append (s,
                   "Content-Type: multipart/mixed; boundary=\"ORIG\"\n"
                   "\n"
                   "--ORIG\n"
                   "Content-Type: text/plain; charset=utf-8\n"
                   "\n"
                   "Dear John, the catalogue is attached.\n"
                   "--ORIG\n"
                   "Content-Type: application/pdf; name=\"catalogue.pdf\"\n"
                   "Content-Disposition: attachment; filename=\"catalogue.pdf\"\n"
                   "Content-Transfer-Encoding: base64\n"
                   "\n");
  while (s->len < target)
    g_string_append_len (s, line, sizeof line - 1);
  g_string_append (s, "--ORIG--\n\n--REPORT-BOUNDARY--\n");

  bounce = analyze (s->str, s->len, "huge");
  g_test_message ("%.0f MB analysed in %.2f s", s->len / 1048576.0, g_timer_elapsed (timer, NULL));
  assert_bounce_of_rcpt (bounce, "5.1.1");
}

/* @depth multiparts, each inside the previous one. */
static GString *
nested_multipart (guint depth)
{
  GString *s = g_string_new ("From: Mail Delivery System <MAILER-DAEMON@mx.sender.example>\n"
                             "To: sales@sender.example\n"
                             "Subject: Undelivered Mail Returned to Sender\n"
                             "MIME-Version: 1.0\n");

  for (guint i = 0; i < depth; i++)
    g_string_append_printf (s, "Content-Type: multipart/mixed; boundary=\"b%u\"\n\n--b%u\n", i, i);
  g_string_append (s, "Content-Type: text/plain\n\n" FRAGMENT_LINE "\n");
  for (guint i = depth; i-- > 0;)
    g_string_append_printf (s, "--b%u--\n", i);
  return s;
}

/* @depth message/rfc822 parts, each holding the next message. */
static GString *
nested_rfc822 (guint depth)
{
  GString *s = g_string_new ("From: Mail Delivery System <MAILER-DAEMON@mx.sender.example>\n"
                             "To: sales@sender.example\n"
                             "Subject: Undelivered Mail Returned to Sender\n"
                             "MIME-Version: 1.0\n");

  for (guint i = 0; i < depth; i++)
    g_string_append_printf (s,
                            "Content-Type: message/rfc822\n"
                            "\n"
                            "From: level%u@sender.example\n"
                            "To: " RCPT "\n"
                            "Subject: level %u\n"
                            "MIME-Version: 1.0\n",
                            i, i);
  g_string_append (s, "Content-Type: text/plain\n\n" FRAGMENT_LINE "\n");
  return s;
}

static gpointer
analyze_in_thread (gpointer data)
{
  GString *s = data;

  return analyze (s->str, s->len, "nested");
}

/* Deep nesting must neither overflow the stack of the main thread nor
 * that of a worker thread (the CLI analyses on a thread pool). */
static void
check_nested (GString *s)
{
  g_autoptr (BbBounce) bounce = analyze (s->str, s->len, "nested");
  g_autoptr (BbBounce) threaded = NULL;
  g_autoptr (GThread) thread = NULL;

  g_assert_cmpint (bb_bounce_get_kind (bounce), !=, BB_KIND_UNREADABLE);
  thread = g_thread_new ("analyze", analyze_in_thread, s);
  threaded = g_thread_join (thread);
  g_assert_cmpint (bb_bounce_get_kind (threaded), ==, bb_bounce_get_kind (bounce));
}

static void
test_nested_multipart (void)
{
  g_autoptr (GString) shallow = nested_multipart (20);
  g_autoptr (GString) deep = nested_multipart (10000);
  g_autoptr (BbBounce) bounce = analyze (shallow->str, shallow->len, "nested");

  /* A reasonable depth is still read to the end. */
  assert_bounce_of_rcpt (bounce, "5.1.1");
  check_nested (deep);
}

static void
test_nested_rfc822 (void)
{
  g_autoptr (GString) shallow = nested_rfc822 (20);
  g_autoptr (GString) deep = nested_rfc822 (10000);
  g_autoptr (BbBounce) bounce = analyze (shallow->str, shallow->len, "nested");

  g_assert_cmpint (bb_bounce_get_kind (bounce), !=, BB_KIND_UNREADABLE);
  check_nested (deep);
}

/* A plain-text notice (no DSN) in the given charset, with bytes that do
 * not fit it.  The ASCII recipient and codes must still come through. */
static void
check_charset_notice (const char *charset,
                      const char *junk)
{
  g_autoptr (GString) s = g_string_new (NULL);
  g_autoptr (BbBounce) bounce = NULL;

  g_test_message ("charset %s", charset);
  g_string_append_printf (s,
                          "From: MAILER-DAEMON@mx.sender.example (Mail Delivery System)\n"
                          "To: sales@sender.example\n"
                          "Subject: =?%s?Q?Undelivered_Mail_=E9=FF?= Returned to Sender\n"
                          "MIME-Version: 1.0\n"
                          "Content-Type: text/plain; charset=\"%s\"\n"
                          "Content-Transfer-Encoding: 8bit\n"
                          "\n"
                          "%s\n"
                          "I'm sorry to have to inform you that your message could not\n"
                          "be delivered to one or more recipients.\n"
                          "\n"
                          "<" RCPT ">: host mx.company.com[192.0.2.1] said: " FRAGMENT_LINE
                          " (in reply to RCPT TO command)\n"
                          "%s\n",
                          charset, charset, junk, junk);
  bounce = analyze (s->str, s->len, charset);
  assert_bounce_of_rcpt (bounce, "5.1.1");
  g_assert_cmpstr (bb_recipient_get_reply_code (find_recipient (bounce, RCPT)), ==, "550");
}

static void
test_charsets (void)
{
  check_charset_notice ("x-unknown", "Caf\xe9 \xff\xfe \x80\x81 \xe4\xbd");
  check_charset_notice ("utf-8", "bad \xc3\x28 \xa0\xa1 \xe2\x28\xa1 \xf0\x28\x8c\xbc \xed\xa0\x80 end \xe4\xbd");
  check_charset_notice ("gb2312", "Caf\xe9 r\xe9sum\xe9 na\xefve \xff");
  check_charset_notice ("", "\xff\xfe\xfd");
  check_charset_notice ("iso-2022-jp", "\x1b$B$3$s\x1b(B \x1b$B\xff\xff");
}

static void
test_not_bounce (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "corpus", "not-bounces",
                                                 "is-not-bounce-01.eml", NULL);
  g_autofree char *contents = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (BbBounce) corpus = NULL;
  g_autoptr (BbBounce) bounce = NULL;
  gsize len = 0;

  bounce = analyze_string ("From: Li Wei <li.wei@company.com>\n"
                           "To: Sales <sales@sender.example>\n"
                           "Subject: Re: Quotation for 500 pcs\n"
                           "Date: Tue, 4 Mar 2025 08:30:00 +0100\n"
                           "Message-ID: <reply-1@company.com>\n"
                           "MIME-Version: 1.0\n"
                           "Content-Type: text/plain; charset=utf-8\n"
                           "\n"
                           "Hello,\n\nthank you for the quotation. Can you do 450 USD per unit?\n\n"
                           "Best regards,\nLi Wei\n");
  g_assert_cmpint (bb_bounce_get_kind (bounce), ==, BB_KIND_NOT_BOUNCE);
  g_assert_cmpuint (bb_bounce_get_n_recipients (bounce), ==, 0);

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);
  corpus = analyze (contents, len, "is-not-bounce-01.eml");
  g_assert_false (bb_bounce_is_bounce (corpus));

  /* Pasted text that is not a notice is no failure either. */
  g_clear_object (&bounce);
  bounce = analyze_string ("Dear John,\nthanks for the order. We ship on Friday.\nBest regards, Li Wei\n");
  g_assert_false (bb_bounce_is_bounce (bounce));
  g_assert_cmpuint (bb_bounce_get_n_recipients (bounce), ==, 0);
}

static void
test_autoreply (void)
{
  g_autoptr (BbBounce) bounce = NULL;

  bounce = analyze_string ("From: John <" RCPT ">\n"
                           "To: Sales <sales@sender.example>\n"
                           "Subject: Automatic reply: Quotation for 500 pcs\n"
                           "Date: Mon, 3 Mar 2025 10:00:05 +0100\n"
                           "Auto-Submitted: auto-replied\n"
                           "MIME-Version: 1.0\n"
                           "Content-Type: text/plain; charset=utf-8\n"
                           "\n"
                           "I am out of the office until 10 March with limited access to e-mail.\n"
                           "For urgent matters please contact purchase@company.com.\n");
  g_assert_cmpint (bb_bounce_get_kind (bounce), ==, BB_KIND_AUTOREPLY);
}

static void
test_delayed (void)
{
  g_autoptr (GString) s = simple_report ("delayed", "4.4.1",
                                         "421 4.4.1 Connection timed out",
                                         "Delayed Mail (still being retried)");
  g_autoptr (BbBounce) bounce = analyze (s->str, s->len, "delayed");

  g_assert_cmpint (bb_bounce_get_kind (bounce), ==, BB_KIND_DELAYED);
  g_assert_false (bb_bounce_is_bounce (bounce));
}

static void
test_delivered (void)
{
  g_autoptr (GString) s = simple_report ("delivered", "2.0.0",
                                         "250 2.0.0 OK queued as 4F2A1B",
                                         "Successful Mail Delivery Report");
  g_autoptr (BbBounce) bounce = analyze (s->str, s->len, "delivered");

  g_assert_cmpint (bb_bounce_get_kind (bounce), ==, BB_KIND_DELIVERED);
  g_assert_false (bb_bounce_is_bounce (bounce));
}

static void
test_fragment_line (void)
{
  g_autoptr (BbBounce) bounce = analyze_string (FRAGMENT_LINE);
  BbRecipient *r;

  g_assert_cmpint (bb_bounce_get_kind (bounce), ==, BB_KIND_BOUNCE);
  g_assert_cmpuint (bb_bounce_get_n_recipients (bounce), ==, 1);
  r = find_recipient (bounce, RCPT);
  g_assert_nonnull (r);
  g_assert_cmpstr (bb_recipient_get_status (r), ==, "5.1.1");
  g_assert_cmpstr (bb_recipient_get_reply_code (r), ==, "550");
  g_assert_cmpstr (bb_recipient_get_reason (r), ==, "userunknown");
}

/* Pasted words that name no address still get a diagnosis: one
 * recipient with an empty address, classified from the text.  Ordinary
 * text stays no bounce. */
static void
test_fragment_without_address (void)
{
  const struct
  {
    const char *text;
    const char *reason;
    const char *status;
    const char *reply_code;
  } cases[] = {
    { "550 5.2.2 Mailbox full", "mailboxfull", "5.2.2", "550" },
    { "The response was:\n550 5.1.1 The email account that you tried to reach does not exist.",
      "userunknown", "5.1.1", "550" },
    { "Your message was automatically rejected:\nNot enough disk space", "mailboxfull", NULL, NULL },
    { "** Message not delivered **\n\n554 5.7.1 Message rejected as spam by content filter",
      "spamdetected", "5.7.1", "554" },
  };
  g_autoptr (BbBounce) letter = analyze_string ("Hello Ann,\nthanks for the catalogue, the prices look fine.\n");
  g_autoptr (GString) json = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (BbBounce) bounce = analyze_string (cases[i].text);
      BbRecipient *r;

      g_test_message ("%s", cases[i].text);
      assert_sane (bounce);
      g_assert_cmpint (bb_bounce_get_kind (bounce), ==, BB_KIND_BOUNCE);
      g_assert_cmpuint (bb_bounce_get_n_recipients (bounce), ==, 1);
      r = bb_bounce_get_recipient (bounce, 0);
      g_assert_cmpstr (bb_recipient_get_address (r), ==, "");
      g_assert_cmpstr (bb_recipient_get_reason (r), ==, cases[i].reason);
      g_assert_cmpstr (bb_recipient_get_status (r), ==, cases[i].status);
      g_assert_cmpstr (bb_recipient_get_reply_code (r), ==, cases[i].reply_code);
      g_assert_null (bb_recipient_get_typo_suggestion (r));
    }
  g_assert_cmpint (bb_bounce_get_kind (letter), ==, BB_KIND_NOT_BOUNCE);
  g_assert_cmpuint (bb_bounce_get_n_recipients (letter), ==, 0);
  /* the address is still a string in the JSON contract */
  {
    g_autoptr (BbBounce) bounce = analyze_string ("550 5.2.2 Mailbox full");

    bb_json_write_bounce (json, bounce);
    g_assert_nonnull (strstr (json->str, "\"address\":\"\""));
  }
}

/* Chinese text glued to a pasted address is not part of it, nor are the
 * quotes around it; an address written wholly in Chinese (EAI) is kept
 * whole. */
static void
test_fragment_glued_chinese (void)
{
  const struct
  {
    const char *text;
    const char *address;
  } cases[] = {
    { "来自ann@example.com的退信：550 5.1.1 user unknown", "ann@example.com" },
    { "收件人ann@例子.公司，无法投递：550 5.1.1 user unknown", "ann@例子.公司" },
    { "发送给（bob@client.example）失败。550 5.1.1 user unknown", "bob@client.example" },
    { "退信给：用户@例子.公司。550 5.1.1 user unknown", "用户@例子.公司" },
    /* quotes of the text around, not of the address */
    { "550 5.1.1 `ann@example.com`: user unknown", "ann@example.com" },
    { "550 5.1.1 'o'brien@example.com': user unknown", "o'brien@example.com" },
    { "收件人：`ann@example.com` 不存在，550 5.1.1 user unknown", "ann@example.com" },
    { "以下收件人地址不存在：\n`ann@example.com`\n失败原因: user unknown", "ann@example.com" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (BbBounce) bounce = analyze_string (cases[i].text);

      g_test_message ("%s", cases[i].text);
      g_assert_cmpint (bb_bounce_get_kind (bounce), ==, BB_KIND_BOUNCE);
      g_assert_cmpuint (bb_bounce_get_n_recipients (bounce), ==, 1);
      g_assert_cmpstr (bb_recipient_get_address (bb_bounce_get_recipient (bounce, 0)), ==, cases[i].address);
    }
}

/* The same notice with LF, CRLF and bare-CR line endings. */
static void
test_line_endings (void)
{
  static const char *const files[] = {
    "rfc3464-01.eml",
    "lhost-postfix-62.eml",
    "lhost-sendmail-01.eml",
    "lhost-exim-01.eml",
    "lhost-gmail-01.eml",
    "lhost-qmail-02.eml",
    NULL,
  };

  for (guint f = 0; files[f] != NULL; f++)
    {
      g_autoptr (GString) lf = corpus_file_lf (files[f]);
      g_autoptr (GString) crlf = with_line_endings (lf, "\r\n");
      g_autoptr (GString) cr = with_line_endings (lf, "\r");
      g_autoptr (BbBounce) a = analyze (lf->str, lf->len, files[f]);
      g_autoptr (BbBounce) b = analyze (crlf->str, crlf->len, files[f]);
      g_autoptr (BbBounce) c = analyze (cr->str, cr->len, files[f]);
      BbBounce *others[] = { b, c };

      g_test_message ("%s", files[f]);
      g_assert_cmpint (bb_bounce_get_kind (a), ==, BB_KIND_BOUNCE);
      g_assert_cmpuint (bb_bounce_get_n_recipients (a), >, 0);
      for (guint o = 0; o < G_N_ELEMENTS (others); o++)
        {
          g_assert_cmpint (bb_bounce_get_kind (others[o]), ==, bb_bounce_get_kind (a));
          g_assert_cmpuint (bb_bounce_get_n_recipients (others[o]), ==, bb_bounce_get_n_recipients (a));
          for (guint i = 0; i < bb_bounce_get_n_recipients (a); i++)
            {
              BbRecipient *ra = bb_bounce_get_recipient (a, i);
              BbRecipient *ro = bb_bounce_get_recipient (others[o], i);

              g_assert_cmpstr (bb_recipient_get_address (ro), ==, bb_recipient_get_address (ra));
              g_assert_cmpstr (bb_recipient_get_status (ro), ==, bb_recipient_get_status (ra));
              g_assert_cmpstr (bb_recipient_get_reply_code (ro), ==, bb_recipient_get_reply_code (ra));
              g_assert_cmpstr (bb_recipient_get_reason (ro), ==, bb_recipient_get_reason (ra));
            }
        }
    }
}

/* ---------------------------------------------------------------------- */

typedef struct
{
  const char *path;
  GTestFunc   func;
  /* Non-NULL while the engine fails this case: the reason, shown as the
   * TODO of the TAP line.  Remove it once the engine is fixed. */
  const char *known_bug;
} Case;

static const Case cases[] = {
  { "/bb/core/robustness/empty", test_empty, NULL },
  { "/bb/core/robustness/whitespace", test_whitespace, NULL },
  { "/bb/core/robustness/binary-random", test_binary_random, NULL },
  { "/bb/core/robustness/binary-png", test_binary_png, NULL },
  { "/bb/core/robustness/binary-threshold", test_binary_threshold, NULL },
  { "/bb/core/robustness/find-ci", test_find_ci, NULL },
  { "/bb/core/robustness/truncated", test_truncated, NULL },
  { "/bb/core/robustness/huge-100mb", test_huge, NULL },
  { "/bb/core/robustness/nested-multipart", test_nested_multipart, NULL },
  { "/bb/core/robustness/nested-rfc822", test_nested_rfc822, NULL },
  { "/bb/core/robustness/charsets", test_charsets, NULL },
  { "/bb/core/robustness/not-bounce", test_not_bounce, NULL },
  { "/bb/core/robustness/autoreply", test_autoreply, NULL },
  { "/bb/core/robustness/delayed", test_delayed, NULL },
  { "/bb/core/robustness/delivered", test_delivered, NULL },
  { "/bb/core/robustness/fragment-line", test_fragment_line, NULL },
  { "/bb/core/robustness/fragment-glued-chinese", test_fragment_glued_chinese, NULL },
  { "/bb/core/robustness/fragment-without-address", test_fragment_without_address, NULL },
  { "/bb/core/robustness/line-endings", test_line_endings, NULL },
};

static void
run_case (gconstpointer data)
{
  const Case *c = data;

  if (g_test_subprocess ())
    {
      c->func ();
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  /* A failed case marks itself failed and lets the next ones run. */
  g_test_set_nonfatal_assertions ();
  if (c->known_bug != NULL)
    {
      if (g_test_trap_has_passed ())
        g_test_message ("%s passes now: remove its known_bug mark", c->path);
      else
        g_test_incomplete (c->known_bug);
      return;
    }
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  bb_core_init ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_test_add_data_func (cases[i].path, &cases[i], run_case);

  return g_test_run ();
}
