/* test-core-content-hints.c - what a content or size refusal points to
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "bb-bounce-private.h"
#include "bb-content-hints-private.h"
#include "bb-core.h"

static const char spam_notice[] =
    "From: Mail Delivery System <MAILER-DAEMON@mx.example.net>\n"
    "To: rep@example.cn\n"
    "Subject: Undelivered Mail Returned to Sender\n"
    "MIME-Version: 1.0\n"
    "Content-Type: multipart/report; report-type=delivery-status; boundary=\"B\"\n"
    "\n"
    "--B\n"
    "Content-Type: text/plain\n"
    "\n"
    "<buyer@example.com>: host mx.example.com[192.0.2.1] said: 550 5.7.1 Message\n"
    "    rejected as spam by Content Filtering (in reply to end of DATA command)\n"
    "--B\n"
    "Content-Type: message/delivery-status\n"
    "\n"
    "Reporting-MTA: dns; mx.example.net\n"
    "\n"
    "Final-Recipient: rfc822; buyer@example.com\n"
    "Action: failed\n"
    "Status: 5.7.1\n"
    "Diagnostic-Code: smtp; 550 5.7.1 Message rejected as spam by Content Filtering\n"
    "--B\n"
    "Content-Type: message/rfc822\n"
    "\n"
    "From: Rep <rep@example.cn>\n"
    "To: Buyer <buyer@example.com>\n"
    "Subject: SPECIAL OFFER FREE SAMPLES TODAY\n"
    "MIME-Version: 1.0\n"
    "Content-Type: multipart/mixed; boundary=\"M\"\n"
    "\n"
    "--M\n"
    "Content-Type: text/plain; charset=utf-8\n"
    "\n"
    "Dear buyer, best price and free shipping!!! Click here now.\n"
    "--M\n"
    "Content-Type: application/octet-stream; name=\"catalogue.pdf.exe\"\n"
    "Content-Disposition: attachment; filename=\"catalogue.pdf.exe\"\n"
    "Content-Transfer-Encoding: base64\n"
    "\n"
    "TVqQAAMAAAAEAAAA//8AALgAAAAAAAAAQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n"
    "--M--\n"
    "--B--\n";

static gboolean
has_hint (BbBounce   *bounce,
          const char *id,
          const char *detail_part)
{
  GPtrArray *hints = bb_bounce_get_content_hints (bounce);

  for (guint i = 0; i < hints->len; i++)
    {
      const BbContentHint *hint = g_ptr_array_index (hints, i);

      if (strcmp (hint->id, id) == 0 &&
          (detail_part == NULL || (hint->detail != NULL && strstr (hint->detail, detail_part) != NULL)))
        return TRUE;
    }
  return FALSE;
}

static void
test_spam_refusal (void)
{
  g_autoptr (BbBounce) bounce = bb_analyze_text (spam_notice, "spam");
  BbRecipient *r;

  g_assert_true (bb_bounce_is_bounce (bounce));
  g_assert_cmpuint (bb_bounce_get_n_recipients (bounce), ==, 1);
  r = bb_bounce_get_recipient (bounce, 0);
  g_assert_cmpstr (bb_recipient_get_reason (r), ==, "spamdetected");
  g_assert_cmpint (bb_recipient_get_side (r), ==, BB_SIDE_SENDER);
  g_assert_true (has_hint (bounce, "subject-capitals", "SPECIAL OFFER"));
  g_assert_true (has_hint (bounce, "exclamation-marks", NULL));
  g_assert_true (has_hint (bounce, "marketing-words", "free"));
  g_assert_true (has_hint (bounce, "marketing-words", "click here"));
  g_assert_true (has_hint (bounce, "risky-attachment", "catalogue.pdf.exe"));
}

/* A wrong address is no reason to comment on the content. */
static void
test_no_hints_for_unknown_user (void)
{
  g_autofree char *text = g_strdup (spam_notice);
  g_autoptr (BbBounce) bounce = NULL;
  char *p;

  while ((p = strstr (text, "5.7.1")) != NULL)
    memcpy (p, "5.1.1", 5);
  {
    const char *spam = "Message rejected as spam by Content Filtering";
    const char *unknown = "User unknown in virtual mailbox table........";

    g_assert_cmpuint (strlen (spam), ==, strlen (unknown));
    while ((p = strstr (text, spam)) != NULL)
      memcpy (p, unknown, strlen (unknown));
  }
  bounce = bb_analyze_text (text, "unknown");
  g_assert_cmpstr (bb_recipient_get_reason (bb_bounce_get_recipient (bounce, 0)), ==, "userunknown");
  g_assert_cmpuint (bb_bounce_get_content_hints (bounce)->len, ==, 0);
}

static void
test_size_limit (void)
{
  g_assert_cmpuint (_bb_content_hints_size_limit ("552 5.3.4 message size exceeds fixed maximum message size (10485760 bytes)"), ==, 10485760);
  g_assert_cmpuint (_bb_content_hints_size_limit ("552 Message exceeds the size limit of 20 MB"), ==, 20 * 1024 * 1024);
  g_assert_cmpuint (_bb_content_hints_size_limit ("552 5.2.3 Message too large, max 25M"), ==, 25 * 1024 * 1024);
  g_assert_cmpuint (_bb_content_hints_size_limit ("550 5.1.1 user unknown"), ==, 0);
  g_assert_cmpuint (_bb_content_hints_size_limit ("552 size 3 apples"), ==, 0);
  g_assert_cmpuint (_bb_content_hints_size_limit (NULL), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  bb_core_init ();

  g_test_add_func ("/bb/core/content-hints/spam-refusal", test_spam_refusal);
  g_test_add_func ("/bb/core/content-hints/none-for-unknown-user", test_no_hints_for_unknown_user);
  g_test_add_func ("/bb/core/content-hints/size-limit", test_size_limit);
  return g_test_run ();
}
