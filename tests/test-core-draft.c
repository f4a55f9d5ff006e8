/* test-core-draft.c - resend drafts: template choice, filling, mailto,
 * .eml files and the template store
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bb-core.h"
#include "bb-draft.h"
#include "bb-gmime-private.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

/* A Postfix bounce for a wrong address, with the whole original returned:
 * a named recipient, a subject and a PDF. */
static const char user_unknown_notice[] =
    "Return-Path: <>\n"
    "From: MAILER-DAEMON@mail.example.cn (Mail Delivery System)\n"
    "To: li.wei@example.cn\n"
    "Subject: Undelivered Mail Returned to Sender\n"
    "Date: Mon, 2 Mar 2026 10:00:05 +0800\n"
    "MIME-Version: 1.0\n"
    "Content-Type: multipart/report; report-type=delivery-status; boundary=\"B1\"\n"
    "\n"
    "--B1\n"
    "Content-Type: text/plain; charset=us-ascii\n"
    "\n"
    "This is the mail system at host mail.example.cn.\n"
    "\n"
    "<john@company.com>: host mx.company.com[203.0.113.5] said: 550 5.1.1\n"
    "    <john@company.com>: Recipient address rejected: User unknown in virtual\n"
    "    mailbox table (in reply to RCPT TO command)\n"
    "\n"
    "--B1\n"
    "Content-Type: message/delivery-status\n"
    "\n"
    "Reporting-MTA: dns; mail.example.cn\n"
    "\n"
    "Final-Recipient: rfc822; john@company.com\n"
    "Action: failed\n"
    "Status: 5.1.1\n"
    "Remote-MTA: dns; mx.company.com\n"
    "Diagnostic-Code: smtp; 550 5.1.1 <john@company.com>: Recipient address\n"
    "    rejected: User unknown in virtual mailbox table\n"
    "\n"
    "--B1\n"
    "Content-Type: message/rfc822\n"
    "\n"
    "From: Li Wei <li.wei@example.cn>\n"
    "To: John Smith <john@company.com>\n"
    "Subject: Quotation for LED panels\n"
    "Date: Mon, 2 Mar 2026 10:00:00 +0800\n"
    "Message-ID: <q1@example.cn>\n"
    "MIME-Version: 1.0\n"
    "Content-Type: multipart/mixed; boundary=\"IN\"\n"
    "\n"
    "--IN\n"
    "Content-Type: text/plain; charset=utf-8\n"
    "\n"
    "Dear John, please find our quotation attached.\n"
    "\n"
    "--IN\n"
    "Content-Type: application/pdf; name=\"quote.pdf\"\n"
    "Content-Disposition: attachment; filename=\"quote.pdf\"\n"
    "Content-Transfer-Encoding: base64\n"
    "\n"
    "JVBERi0xLjQKJcfsj6IKMSAwIG9iago8PC9UeXBlL0NhdGFsb2c+PgplbmRvYmoKdHJhaWxlcgo8\n"
    "PC9Sb290IDEgMCBSPj4KJSVFT0YK\n"
    "\n"
    "--IN--\n"
    "\n"
    "--B1--\n";

/* Mailbox full, with only the headers of the original */
static const char mailbox_full_notice[] =
    "From: MAILER-DAEMON@mail.example.cn (Mail Delivery System)\n"
    "To: li.wei@example.cn\n"
    "Subject: Undelivered Mail Returned to Sender\n"
    "MIME-Version: 1.0\n"
    "Content-Type: multipart/report; report-type=delivery-status; boundary=\"B2\"\n"
    "\n"
    "--B2\n"
    "Content-Type: text/plain; charset=us-ascii\n"
    "\n"
    "<anna@client.de>: host mx.client.de[203.0.113.7] said: 552 5.2.2 Mailbox\n"
    "    full (in reply to RCPT TO command)\n"
    "\n"
    "--B2\n"
    "Content-Type: message/delivery-status\n"
    "\n"
    "Reporting-MTA: dns; mail.example.cn\n"
    "\n"
    "Final-Recipient: rfc822; anna@client.de\n"
    "Action: failed\n"
    "Status: 5.2.2\n"
    "Diagnostic-Code: smtp; 552 5.2.2 Mailbox full\n"
    "\n"
    "--B2\n"
    "Content-Type: text/rfc822-headers\n"
    "\n"
    "From: Li Wei <li.wei@example.cn>\n"
    "To: =?UTF-8?Q?Anna_M=C3=BCller?= <anna@client.de>\n"
    "Subject: Samples shipped today\n"
    "Date: Tue, 3 Mar 2026 09:00:00 +0800\n"
    "\n"
    "--B2--\n";

/* Too big, the original with two attachments; no display name */
static const char too_big_notice[] =
    "From: MAILER-DAEMON@mail.example.cn (Mail Delivery System)\n"
    "To: li.wei@example.cn\n"
    "Subject: Undelivered Mail Returned to Sender\n"
    "MIME-Version: 1.0\n"
    "Content-Type: multipart/report; report-type=delivery-status; boundary=\"B3\"\n"
    "\n"
    "--B3\n"
    "Content-Type: text/plain; charset=us-ascii\n"
    "\n"
    "<buyer@bigcorp.com>: host mx.bigcorp.com[203.0.113.9] said: 552 5.3.4\n"
    "    Message size exceeds fixed limit (in reply to end of DATA command)\n"
    "\n"
    "--B3\n"
    "Content-Type: message/delivery-status\n"
    "\n"
    "Reporting-MTA: dns; mail.example.cn\n"
    "\n"
    "Final-Recipient: rfc822; buyer@bigcorp.com\n"
    "Action: failed\n"
    "Status: 5.3.4\n"
    "Diagnostic-Code: smtp; 552 5.3.4 Message size exceeds fixed limit\n"
    "\n"
    "--B3\n"
    "Content-Type: message/rfc822\n"
    "\n"
    "From: Li Wei <li.wei@example.cn>\n"
    "To: buyer@bigcorp.com\n"
    "Subject: Catalogue 2026 and price list\n"
    "Date: Wed, 4 Mar 2026 11:00:00 +0800\n"
    "MIME-Version: 1.0\n"
    "Content-Type: multipart/mixed; boundary=\"IN\"\n"
    "\n"
    "--IN\n"
    "Content-Type: text/plain; charset=utf-8\n"
    "\n"
    "Please see attached.\n"
    "\n"
    "--IN\n"
    "Content-Type: application/pdf; name=\"catalogue-2026.pdf\"\n"
    "Content-Disposition: attachment; filename=\"catalogue-2026.pdf\"\n"
    "Content-Transfer-Encoding: base64\n"
    "\n"
    "JVBERi0xLjQKJcfsj6IKMSAwIG9iago8PC9UeXBlL0NhdGFsb2c+PgplbmRvYmoKdHJhaWxlcgo8\n"
    "PC9Sb290IDEgMCBSPj4KJSVFT0YK\n"
    "\n"
    "--IN\n"
    "Content-Type: application/vnd.ms-excel; name=\"price list.xlsx\"\n"
    "Content-Disposition: attachment; filename=\"price list.xlsx\"\n"
    "Content-Transfer-Encoding: base64\n"
    "\n"
    "UEsDBBQAAAAIAAAAIQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n"
    "\n"
    "--IN--\n"
    "\n"
    "--B3--\n";

/* A temporary refusal, and nothing of the original */
static const char try_later_notice[] =
    "Final-Recipient: rfc822; tom@slowmail.com\n"
    "Action: failed\n"
    "Status: 4.7.0\n"
    "Diagnostic-Code: smtp; 421 4.7.0 Try again later, closing connection\n";

static const char mailbox_full_4xx_notice[] =
    "Final-Recipient: rfc822; anna@client.de\n"
    "Action: failed\n"
    "Status: 4.2.2\n"
    "Diagnostic-Code: smtp; 452 4.2.2 Mailbox full\n";

static const char disabled_notice[] =
    "Final-Recipient: rfc822; old.buyer@client.de\n"
    "Action: failed\n"
    "Status: 5.2.1\n"
    "Diagnostic-Code: smtp; 550 5.2.1 The email account that you tried to reach is disabled\n";

static const char host_unknown_notice[] =
    "This is the mail system at host mail.example.cn.\n"
    "\n"
    "<bob@nosuchdomain-xyz.com>: Host or domain name not found. Name service error for\n"
    "    name=nosuchdomain-xyz.com type=MX: Host not found, try again\n";

static const char typo_notice[] =
    "Delivery to the following recipient failed permanently:\n"
    "\n"
    "     john@gmial.com\n"
    "\n"
    "The error was: 550 5.1.1 The email account that you tried to reach does not exist.\n";

/* Refused by the client's spam filter: the rep's side */
static const char blocked_notice[] =
    "Final-Recipient: rfc822; x@client.de\n"
    "Action: failed\n"
    "Status: 5.7.1\n"
    "Diagnostic-Code: smtp; 554 5.7.1 Service unavailable; Client host [198.51.100.4] blocked using zen.spamhaus.org\n";

static const BbSenderIdentity full_identity = {
  .name = "Li Wei",
  .company = "Shenzhen Bright Lighting Co., Ltd.",
  .signature = "Tel: +86 755 1234 5678\nwww.bright-lighting.example",
  .address = "li.wei@example.cn",
};

static const BbSenderIdentity chinese_identity = {
  .name = "李伟",
  .company = "深圳光明照明有限公司",
  .signature = "电话：+86 755 1234 5678",
  .address = "li.wei@example.cn",
};

static BbBounce *
analyze (const char *text)
{
  BbBounce *bounce = bb_analyze_text (text, "test");

  g_assert_true (bb_bounce_is_bounce (bounce));
  g_assert_cmpuint (bb_bounce_get_n_recipients (bounce), >=, 1);
  return bounce;
}

static BbDraft *
fill_builtin (const char             *id,
              BbBounce               *bounce,
              const BbSenderIdentity *me)
{
  g_autoptr (BbDraftStore) store = bb_draft_store_new ("/nonexistent/templates.ini");
  BbDraftTemplate *tmpl = bb_draft_store_lookup (store, id);

  g_assert_nonnull (tmpl);
  return bb_draft_fill (tmpl, bounce, NULL, me);
}

static BbDraft *
fill_builtin_zh (const char             *id,
                 BbBounce               *bounce,
                 const BbSenderIdentity *me)
{
  g_autoptr (BbDraftStore) store = bb_draft_store_new ("/nonexistent/templates.ini");
  BbDraftTemplate *tmpl;

  bb_draft_store_set_language (store, BB_DRAFT_LANGUAGE_ZH_CN);
  tmpl = bb_draft_store_lookup (store, id);
  g_assert_nonnull (tmpl);
  g_assert_cmpstr (bb_draft_template_get_language (tmpl), ==, BB_DRAFT_LANGUAGE_ZH_CN);
  return bb_draft_fill (tmpl, bounce, NULL, me);
}

/* What every filled draft must be, whatever the input */
static void
assert_clean_draft (const BbDraft *draft)
{
  g_assert_nonnull (draft->to);
  g_assert_nonnull (draft->subject);
  g_assert_nonnull (draft->body);
  g_assert_true (g_utf8_validate (draft->subject, -1, NULL));
  g_assert_true (g_utf8_validate (draft->body, -1, NULL));
  g_assert_null (strstr (draft->subject, "(null)"));
  g_assert_null (strstr (draft->body, "(null)"));
  g_assert_null (strstr (draft->body, "None"));
  /* The built-ins use only known placeholders */
  g_assert_null (strchr (draft->subject, '{'));
  g_assert_null (strchr (draft->body, '{'));
  g_assert_null (strchr (draft->subject, '\n'));
  g_assert_null (strstr (draft->body, "\n\n\n"));
  g_assert_false (g_str_has_prefix (draft->body, "\n"));
  g_assert_true (g_str_has_suffix (draft->body, "\n"));
  g_assert_false (g_str_has_suffix (draft->body, "\n\n"));
  g_assert_null (strchr (draft->body, '\r'));
}

static void
test_suggest (void)
{
  static const struct
  {
    const char *notice;
    const char *expected;
  } cases[] = {
    { user_unknown_notice, BB_DRAFT_ALTERNATE_CONTACT },
    { mailbox_full_notice, BB_DRAFT_MAILBOX_FULL },
    { too_big_notice, BB_DRAFT_LINK_INSTEAD },
    { try_later_notice, BB_DRAFT_RETRY_LATER },
    /* Over quota for now: the server said to come back */
    { mailbox_full_4xx_notice, BB_DRAFT_RETRY_LATER },
    /* Soft for Sisimai, but nobody reads a disabled mailbox */
    { disabled_notice, BB_DRAFT_ALTERNATE_CONTACT },
    { host_unknown_notice, BB_DRAFT_ALTERNATE_CONTACT },
    /* A misspelt address: the same mail again, to the right address */
    { typo_notice, BB_DRAFT_RETRY_LATER },
    /* The rep's side: the client's address is fine */
    { blocked_notice, BB_DRAFT_RETRY_LATER },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (BbBounce) bounce = analyze (cases[i].notice);
      BbRecipient *recipient = bb_bounce_get_recipient (bounce, 0);

      g_test_message ("case %u: reason %s", i, bb_recipient_get_reason (recipient));
      g_assert_cmpstr (bb_draft_suggest_template (bounce, recipient), ==, cases[i].expected);
      /* NULL means the first recipient */
      g_assert_cmpstr (bb_draft_suggest_template (bounce, NULL), ==, cases[i].expected);
    }
}

static void
test_fill_alternate_contact (void)
{
  g_autoptr (BbBounce) bounce = analyze (user_unknown_notice);
  g_autoptr (BbDraft) draft = fill_builtin (BB_DRAFT_ALTERNATE_CONTACT, bounce, &full_identity);

  assert_clean_draft (draft);
  g_assert_cmpstr (draft->to, ==, "info@company.com");
  g_assert_cmpstr (draft->subject, ==, "Please forward: Quotation for LED panels");
  g_assert_true (g_str_has_prefix (draft->body, "Dear Sir or Madam,\n\n"));
  g_assert_nonnull (strstr (draft->body, "My earlier email to john@company.com did not get through: "
                                         "the address was not recognised by the mail server.\n"));
  g_assert_nonnull (strstr (draft->body, "It was meant for John Smith.\n"));
  g_assert_nonnull (strstr (draft->body, "Earlier email: Quotation for LED panels\n"));
  /* The date in English, whatever the locale */
  g_assert_nonnull (strstr (draft->body, "Sent on: 2 March 2026\n"));
  g_assert_true (g_str_has_suffix (draft->body,
                                   "Best regards,\n"
                                   "Li Wei\n"
                                   "Shenzhen Bright Lighting Co., Ltd.\n"
                                   "Tel: +86 755 1234 5678\n"
                                   "www.bright-lighting.example\n"));
}

static void
test_fill_mailbox_full (void)
{
  g_autoptr (BbBounce) bounce = analyze (mailbox_full_notice);
  g_autoptr (BbDraft) draft = fill_builtin (BB_DRAFT_MAILBOX_FULL, bounce, &full_identity);
  const char *key_points;
  const char *note;

  assert_clean_draft (draft);
  g_assert_cmpstr (draft->to, ==, "anna@client.de");
  g_assert_cmpstr (draft->subject, ==, "Resending: Samples shipped today - Mailbox Full Notification");
  /* The name decoded from RFC 2047; key points first, for a phone */
  g_assert_true (g_str_has_prefix (draft->body, "Dear Anna Müller,\n\nKEY POINTS:\n- "));
  key_points = strstr (draft->body, "KEY POINTS:");
  note = strstr (draft->body, "because your mailbox was full");
  g_assert_nonnull (note);
  g_assert_cmpint (key_points - draft->body, <, note - draft->body);
  g_assert_nonnull (strstr (draft->body, "to anna@client.de was returned"));
  g_assert_nonnull (strstr (draft->body, "Earlier email: Samples shipped today\nSent on: 3 March 2026\n"));
  /* Only the headers came back: no attachment line */
  g_assert_null (strstr (draft->body, "Attachments:"));
}

static void
test_fill_link_instead (void)
{
  g_autoptr (BbBounce) bounce = analyze (too_big_notice);
  g_autoptr (BbDraft) draft = fill_builtin (BB_DRAFT_LINK_INSTEAD, bounce, &full_identity);

  assert_clean_draft (draft);
  g_assert_cmpstr (draft->to, ==, "buyer@bigcorp.com");
  g_assert_nonnull (strstr (draft->subject, "Catalogue 2026 and price list"));
  /* No display name in the original */
  g_assert_true (g_str_has_prefix (draft->body, "Dear Sir or Madam,\n\n"));
  g_assert_nonnull (strstr (draft->body, "Download link: [paste the download link here]\n"));
  g_assert_nonnull (strstr (draft->body, "Files: catalogue-2026.pdf (79 bytes), price list.xlsx (57 bytes)\n"));
  g_assert_nonnull (strstr (draft->body, "too large"));
}

static void
test_fill_retry_later (void)
{
  g_autoptr (BbBounce) bounce = analyze (user_unknown_notice);
  g_autoptr (BbDraft) draft = fill_builtin (BB_DRAFT_RETRY_LATER, bounce, NULL);

  assert_clean_draft (draft);
  /* Not the alternate contact: the same person */
  g_assert_cmpstr (draft->to, ==, "john@company.com");
  g_assert_cmpstr (draft->subject, ==, "Resending: Quotation for LED panels");
  g_assert_true (g_str_has_prefix (draft->body, "Dear John Smith,\n\nI am sending my earlier email again"));
  g_assert_nonnull (strstr (draft->body, "Attached again: quote.pdf (79 bytes)\n"));
  /* No identity: the signature lines go, "Best regards," stays last */
  g_assert_true (g_str_has_suffix (draft->body, "\n\nBest regards,\n"));
  /* Without the original's text, a hint to paste it */
  g_assert_nonnull (strstr (draft->body, "[paste the text of your earlier email here]"));
}

/* Analysed with BB_ANALYZE_ORIGINAL_TEXT: the earlier email goes into the
 * resend as it was, attachment left out. */
static void
test_fill_retry_later_original_text (void)
{
  g_autoptr (GBytes) bytes = g_bytes_new_static (user_unknown_notice, strlen (user_unknown_notice));
  g_autoptr (BbBounce) bounce = bb_analyze_bytes_with_flags (bytes, "test", BB_ANALYZE_ORIGINAL_TEXT);
  g_autoptr (BbBounce) plain = analyze (user_unknown_notice);
  g_autoptr (BbDraft) draft = fill_builtin (BB_DRAFT_RETRY_LATER, bounce, NULL);

  g_assert_cmpstr (bb_bounce_get_original_text (bounce), ==, "Dear John, please find our quotation attached.");
  g_assert_null (bb_bounce_get_original_text (plain));
  g_assert_nonnull (strstr (draft->body, "\nDear John, please find our quotation attached.\n"));
  g_assert_null (strstr (draft->body, "[paste the text"));
  g_assert_null (strstr (draft->body, "JVBERi0"));
}

/* The notice says nothing of the original: no subject, date, name or
 * attachments, and no identity either. */
/* A notice that quotes the original in its text, after a separator line
 * and a blank one: the earlier email's text is its body, not its header
 * fields. */
static void
test_original_text_quoted (void)
{
  static const char notice[] =
    "From: Mail Delivery Subsystem <mailer-daemon@googlemail.com>\n"
    "To: ann@example.com\n"
    "Subject: Delivery Status Notification (Failure)\n"
    "\n"
    "Delivery to the following recipient failed permanently:\n"
    "\n"
    "     john@company.com\n"
    "\n"
    "The error that the other server returned was: 550 5.1.1 User unknown\n"
    "\n"
    "----- Original message -----\n"
    "\n"
    "Received: by 10.0.0.1 with SMTP id abc;\n"
    "    Wed, 16 Jun 2010 09:43:39 -0700 (PDT)\n"
    "Message-Id: <1@example.com>\n"
    "From: Ann <ann@example.com>\n"
    "To: john@company.com\n"
    "Subject: Quotation\n"
    "\n"
    "Dear John, here is the quotation.\n";
  g_autoptr (GBytes) bytes = g_bytes_new_static (notice, strlen (notice));
  g_autoptr (BbBounce) bounce = bb_analyze_bytes_with_flags (bytes, "test", BB_ANALYZE_ORIGINAL_TEXT);

  g_assert_cmpstr (bb_bounce_get_original_subject (bounce), ==, "Quotation");
  g_assert_cmpstr (bb_bounce_get_original_text (bounce), ==, "Dear John, here is the quotation.");
}

static void
test_fill_no_original (void)
{
  const char *ids[] = {
    BB_DRAFT_MAILBOX_FULL, BB_DRAFT_LINK_INSTEAD,
    BB_DRAFT_ALTERNATE_CONTACT, BB_DRAFT_RETRY_LATER
  };
  g_autoptr (BbBounce) bounce = analyze (try_later_notice);

  g_assert_false (bb_bounce_has_original (bounce));
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr (BbDraft) draft = fill_builtin (ids[i], bounce, NULL);

      g_test_message ("%s:\n%s", ids[i], draft->body);
      assert_clean_draft (draft);
      g_assert_nonnull (strstr (draft->subject, "my earlier email"));
      g_assert_null (strstr (draft->body, "Earlier email:"));
      g_assert_null (strstr (draft->body, "Sent on:"));
      g_assert_null (strstr (draft->body, "Attach"));
      g_assert_null (strstr (draft->body, "Files:"));
      g_assert_null (strstr (draft->body, "meant for"));
      g_assert_true (g_str_has_prefix (draft->body, "Dear Sir or Madam,\n\n"));
      g_assert_true (g_str_has_suffix (draft->body, "\n\nBest regards,\n"));
    }
}

/* Missing and messy identity fields leave no gaps */
static void
test_fill_partial_identity (void)
{
  const BbSenderIdentity me = {
    .name = "Li Wei",
    .company = "",
    .signature = "\r\n\r\nTel: 123\r\nFax: 456\r\n\r\n",
    .address = NULL,
  };
  const BbSenderIdentity only_company = { .company = "ACME" };
  g_autoptr (BbBounce) bounce = analyze (try_later_notice);
  g_autoptr (BbDraft) draft = fill_builtin (BB_DRAFT_RETRY_LATER, bounce, &me);
  g_autoptr (BbDraft) draft2 = fill_builtin (BB_DRAFT_RETRY_LATER, bounce, &only_company);

  assert_clean_draft (draft);
  g_assert_true (g_str_has_suffix (draft->body, "\n\nBest regards,\nLi Wei\nTel: 123\nFax: 456\n"));
  assert_clean_draft (draft2);
  g_assert_true (g_str_has_suffix (draft2->body, "\n\nBest regards,\nACME\n"));
}

static void
test_fill_typo (void)
{
  g_autoptr (BbBounce) bounce = analyze (typo_notice);
  BbRecipient *recipient = bb_bounce_get_recipient (bounce, 0);
  g_autoptr (BbDraftTemplate) custom =
      bb_draft_template_new ("custom-1", "Typo", "Sorry, {client_name}",
                             "Old: {failed_address}\nNew: {corrected_address}\nTo: {to_address}\n", FALSE);
  g_autoptr (BbDraft) retry = fill_builtin (BB_DRAFT_RETRY_LATER, bounce, NULL);
  g_autoptr (BbDraft) alternate = fill_builtin (BB_DRAFT_ALTERNATE_CONTACT, bounce, NULL);
  g_autoptr (BbDraft) filled = bb_draft_fill (custom, bounce, recipient, NULL);

  g_assert_cmpstr (bb_recipient_get_typo_suggestion (recipient), ==, "john@gmail.com");
  g_assert_cmpstr (retry->to, ==, "john@gmail.com");
  /* A free mailbox provider has no general mailbox: the rep fills one in */
  g_assert_cmpstr (alternate->to, ==, "");
  g_assert_cmpstr (filled->body, ==, "Old: john@gmial.com\nNew: john@gmail.com\nTo: john@gmail.com\n");
  /* No name known: the subject keeps its text, the placeholder is empty */
  g_assert_cmpstr (filled->subject, ==, "Sorry,");
}

/* A domain that does not exist has no general mailbox either */
static void
test_fill_host_unknown (void)
{
  g_autoptr (BbBounce) bounce = analyze (host_unknown_notice);
  g_autoptr (BbDraft) alternate = fill_builtin (BB_DRAFT_ALTERNATE_CONTACT, bounce, NULL);
  g_autoptr (BbDraft) retry = fill_builtin (BB_DRAFT_RETRY_LATER, bounce, NULL);

  assert_clean_draft (alternate);
  g_assert_cmpstr (alternate->to, ==, "");
  g_assert_nonnull (strstr (alternate->body, "bob@nosuchdomain-xyz.com did not get through: "
                                             "the mail domain could not be found."));
  g_assert_cmpstr (retry->to, ==, "bob@nosuchdomain-xyz.com");
}

static void
test_fill_placeholders (void)
{
  g_autoptr (BbBounce) bounce = analyze (user_unknown_notice);
  g_autoptr (BbDraftTemplate) tmpl =
      bb_draft_template_new ("custom-1", "Test",
                             "{original_subject} / {unknown}",
                             "Hi {client_name}, {unknown} {{greeting}} {\n"
                             "{reason}\n"
                             "{corrected_address}\n"
                             "Line with {corrected_address} and {client_name}\n"
                             "\n"
                             "\n"
                             "{key_points}\n"
                             "{cloud_link}\n",
                             FALSE);
  g_autoptr (BbDraft) draft = bb_draft_fill (tmpl, bounce, NULL, NULL);

  g_assert_cmpstr (draft->subject, ==, "Quotation for LED panels / {unknown}");
  g_assert_cmpstr (draft->body, ==,
                   "Hi John Smith, {unknown} {Dear John Smith,} {\n"
                   "the address was not recognised by the mail server\n"
                   /* the empty {corrected_address} line is gone, the
                    * half-filled one stays; blank lines the rep typed stay */
                   "Line with  and John Smith\n"
                   "\n"
                   "\n"
                   "- [key point]\n- [key point]\n- [key point]\n"
                   "[paste the download link here]\n");
}

static void
test_fill_invalid_utf8 (void)
{
  const BbSenderIdentity me = { .name = "Li \xff Wei", .company = "\xe6\xb7" };
  g_autoptr (BbBounce) bounce = analyze (user_unknown_notice);
  g_autoptr (BbDraftTemplate) tmpl =
      bb_draft_template_new ("custom-1", "Test", "Bad \xc3 subject", "{my_name}\n{my_company}\nBad \xfe body\n", FALSE);
  g_autoptr (BbDraft) draft = bb_draft_fill (tmpl, bounce, NULL, &me);

  g_assert_true (g_utf8_validate (draft->subject, -1, NULL));
  g_assert_true (g_utf8_validate (draft->body, -1, NULL));
  g_assert_true (g_str_has_prefix (draft->body, "Li "));
  g_assert_nonnull (strstr (draft->body, " body\n"));
}

static void
test_to_text (void)
{
  BbDraft          draft = { "a@b.com", "Hello", "Line 1\nLine 2\n" };
  g_autofree char *text = bb_draft_to_text (&draft);

  g_assert_cmpstr (text, ==, "Subject: Hello\n\nLine 1\nLine 2\n");
}

/* Splits "mailto:to?k=v&k=v" and decodes every part */
static void
parse_mailto (const char *uri,
              char      **to,
              char      **subject,
              char      **body)
{
  const char *query;
  g_auto (GStrv) fields = NULL;

  g_assert_true (g_str_has_prefix (uri, "mailto:"));
  uri += strlen ("mailto:");
  query = strchr (uri, '?');
  *to = g_uri_unescape_segment (uri, query, NULL);
  *subject = NULL;
  *body = NULL;
  if (query == NULL)
    return;

  fields = g_strsplit (query + 1, "&", -1);
  for (guint i = 0; fields[i] != NULL; i++)
    {
      const char *eq = strchr (fields[i], '=');

      g_assert_nonnull (eq);
      /* Nothing but unreserved characters and escapes in a value */
      for (const char *p = eq + 1; *p != '\0'; p++)
        g_assert_true (g_ascii_isalnum (*p) || strchr ("-._~%", *p) != NULL);

      if (g_str_has_prefix (fields[i], "subject="))
        *subject = g_uri_unescape_string (eq + 1, NULL);
      else if (g_str_has_prefix (fields[i], "body="))
        *body = g_uri_unescape_string (eq + 1, NULL);
      else
        g_assert_not_reached ();
    }
}

static void
test_mailto (void)
{
  BbDraft draft = {
    "o'brien+sales@company.com",
    "Q&A = 100% #1? 价格 a+b",
    "Dear Sir,\n\nLine 2 & more=less?\n深圳\n",
  };
  BbDraft          no_to = { "", "Hello world", "" };
  g_autofree char *uri = bb_draft_to_mailto (&draft);
  g_autofree char *uri2 = bb_draft_to_mailto (&no_to);
  g_autofree char *to = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *body = NULL;

  g_test_message ("%s", uri);
  g_assert_true (g_str_has_prefix (uri, "mailto:o'brien+sales@company.com?subject=Q%26A%20%3D%20100%25%20%231%3F%20"));
  g_assert_nonnull (strstr (uri, "%E4%BB%B7%E6%A0%BC"));
  /* "+" is a space to some decoders: never literal in a value */
  g_assert_nonnull (strstr (uri, "a%2Bb"));
  g_assert_nonnull (strstr (uri, "&body=Dear%20Sir%2C%0D%0A%0D%0ALine%202%20%26%20more%3Dless%3F%0D%0A"));
  for (const char *p = uri; *p != '\0'; p++)
    g_assert_true (*p > 0x20 && *p < 0x7f);

  parse_mailto (uri, &to, &subject, &body);
  g_assert_cmpstr (to, ==, draft.to);
  g_assert_cmpstr (subject, ==, draft.subject);
  g_assert_cmpstr (body, ==, "Dear Sir,\r\n\r\nLine 2 & more=less?\r\n深圳\r\n");

  g_assert_cmpstr (uri2, ==, "mailto:?subject=Hello%20world");
}

static void
test_mailto_filled (void)
{
  g_autoptr (BbBounce) bounce = analyze (user_unknown_notice);
  g_autoptr (BbDraft) draft = fill_builtin (BB_DRAFT_ALTERNATE_CONTACT, bounce, &chinese_identity);
  g_autofree char *uri = bb_draft_to_mailto (draft);
  g_autofree char *to = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *body = NULL;
  g_auto (GStrv) lines = NULL;
  g_autofree char *unix_body = NULL;

  parse_mailto (uri, &to, &subject, &body);
  g_assert_cmpstr (to, ==, "info@company.com");
  g_assert_cmpstr (subject, ==, draft->subject);
  lines = g_strsplit (body, "\r\n", -1);
  unix_body = g_strjoinv ("\n", lines);
  g_assert_cmpstr (unix_body, ==, draft->body);
}

/* Makes a fresh folder for one test */
static char *
make_tmp_dir (void)
{
  g_autoptr (GError) error = NULL;
  char *dir = g_dir_make_tmp ("bb-draft-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
      g_assert_cmpint (g_rmdir (path), ==, 0);
    }
  else
    {
      g_assert_cmpint (g_remove (path), ==, 0);
    }
}

static GMimeMessage *
parse_eml (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *data = NULL;
  gsize            length = 0;
  g_autoptr (GMimeStream) stream = NULL;
  g_autoptr (GMimeParser) parser = NULL;
  GMimeMessage *message;

  g_assert_true (g_file_get_contents (path, &data, &length, &error));
  g_assert_no_error (error);
  /* Every header encoded, the body quoted-printable: plain ASCII, CRLF */
  for (gsize i = 0; i < length; i++)
    {
      g_assert_cmpint ((guchar) data[i], <, 0x80);
      if (data[i] == '\n')
        g_assert_true (i > 0 && data[i - 1] == '\r');
    }

  stream = g_mime_stream_mem_new_with_buffer (data, length);
  parser = g_mime_parser_new_with_stream (stream);
  message = g_mime_parser_construct_message (parser, NULL);
  g_assert_nonnull (message);
  return message;
}

static char *
eml_text (GMimeMessage *message)
{
  GMimeObject     *body = g_mime_message_get_body (message);
  g_autofree char *text = NULL;
  g_auto (GStrv) lines = NULL;

  g_assert_true (GMIME_IS_TEXT_PART (body));
  g_assert_cmpstr (g_mime_object_get_content_type_parameter (body, "charset"), ==, "utf-8");
  text = g_mime_text_part_get_text (GMIME_TEXT_PART (body));
  lines = g_strsplit (text, "\r\n", -1);
  return g_strjoinv ("\n", lines);
}

static void
test_write_eml (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "draft.eml", NULL);
  g_autofree char *path2 = g_build_filename (dir, "draft2.eml", NULL);
  g_autofree char *bad_path = g_build_filename (dir, "missing", "draft.eml", NULL);
  g_autoptr (BbBounce) bounce = analyze (user_unknown_notice);
  g_autoptr (BbDraftTemplate) tmpl =
      bb_draft_template_new ("custom-1", "Chinese",
                             "{original_subject} – {my_company}",
                             "{greeting}\n\n价格已更新。\n\nBest regards,\n{my_name}\n{my_company}\n{signature}\n",
                             FALSE);
  g_autoptr (BbDraft) draft = bb_draft_fill (tmpl, bounce, NULL, &chinese_identity);
  g_autoptr (GMimeMessage) message = NULL;
  g_autoptr (GMimeMessage) message2 = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char     *text = NULL;
  InternetAddressList *from;
  InternetAddressList *to;
  InternetAddress     *address;
  BbDraft              no_to = { "", "Plain", "Body\n" };

  g_assert_cmpstr (draft->subject, ==, "Quotation for LED panels – 深圳光明照明有限公司");

  g_assert_true (bb_draft_write_eml (draft, &chinese_identity, path, &error));
  g_assert_no_error (error);
  message = parse_eml (path);

  g_assert_cmpstr (g_mime_object_get_header (GMIME_OBJECT (message), "X-Unsent"), ==, "1");
  g_assert_cmpstr (g_mime_object_get_header (GMIME_OBJECT (message), "MIME-Version"), ==, "1.0");
  g_assert_nonnull (g_mime_message_get_message_id (message));
  g_assert_nonnull (g_mime_message_get_date (message));
  g_assert_cmpstr (g_mime_message_get_subject (message), ==, draft->subject);

  from = g_mime_message_get_from (message);
  g_assert_cmpint (internet_address_list_length (from), ==, 1);
  address = internet_address_list_get_address (from, 0);
  g_assert_cmpstr (internet_address_get_name (address), ==, "李伟");
  g_assert_cmpstr (internet_address_mailbox_get_addr (INTERNET_ADDRESS_MAILBOX (address)), ==, "li.wei@example.cn");

  to = g_mime_message_get_addresses (message, GMIME_ADDRESS_TYPE_TO);
  g_assert_cmpint (internet_address_list_length (to), ==, 1);
  address = internet_address_list_get_address (to, 0);
  g_assert_cmpstr (internet_address_mailbox_get_addr (INTERNET_ADDRESS_MAILBOX (address)), ==, "john@company.com");

  text = eml_text (message);
  g_assert_cmpstr (text, ==, draft->body);
  g_assert_nonnull (strstr (text, "深圳光明照明有限公司\n电话：+86 755 1234 5678"));

  /* No address of my own and no To: neither header */
  g_assert_true (bb_draft_write_eml (&no_to, NULL, path2, &error));
  g_assert_no_error (error);
  message2 = parse_eml (path2);
  g_assert_cmpint (internet_address_list_length (g_mime_message_get_from (message2)), ==, 0);
  g_assert_null (g_mime_object_get_header (GMIME_OBJECT (message2), "From"));
  g_assert_null (g_mime_object_get_header (GMIME_OBJECT (message2), "To"));
  g_assert_cmpstr (g_mime_object_get_header (GMIME_OBJECT (message2), "X-Unsent"), ==, "1");

  /* A folder that does not exist */
  g_assert_false (bb_draft_write_eml (draft, NULL, bad_path, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_assert_false (g_file_test (bad_path, G_FILE_TEST_EXISTS));

  remove_tree (dir);
}

typedef struct
{
  guint calls;
  guint position;
  guint removed;
  guint added;
} ItemsChanged;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  gpointer    user_data)
{
  ItemsChanged *changed = user_data;

  changed->calls++;
  changed->position = position;
  changed->removed = removed;
  changed->added = added;
}

static const char *const builtin_ids[] = {
  BB_DRAFT_MAILBOX_FULL,
  BB_DRAFT_LINK_INSTEAD,
  BB_DRAFT_ALTERNATE_CONTACT,
  BB_DRAFT_RETRY_LATER,
};

static void
assert_defaults (BbDraftStore *store)
{
  GListModel *model = G_LIST_MODEL (store);

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, G_N_ELEMENTS (builtin_ids));
  for (guint i = 0; i < G_N_ELEMENTS (builtin_ids); i++)
    {
      g_autoptr (BbDraftTemplate) tmpl = g_list_model_get_item (model, i);

      g_assert_cmpstr (bb_draft_template_get_id (tmpl), ==, builtin_ids[i]);
      g_assert_true (bb_draft_template_get_builtin (tmpl));
      g_assert_false (bb_draft_template_get_modified (tmpl));
      g_assert_true (bb_draft_store_lookup (store, builtin_ids[i]) == tmpl);
    }
}

static void
test_store_defaults (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "sub", "templates.ini", NULL);
  g_autoptr (BbDraftStore) store = bb_draft_store_new (path);
  g_autoptr (GError) error = NULL;
  BbDraftTemplate *tmpl;

  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (store)) == BB_TYPE_DRAFT_TEMPLATE);
  assert_defaults (store);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (store), 4));
  g_assert_null (bb_draft_store_lookup (store, "custom-1"));

  tmpl = bb_draft_store_lookup (store, BB_DRAFT_MAILBOX_FULL);
  g_assert_cmpstr (bb_draft_template_get_name (tmpl), ==, "Mailbox full: resend with key points");
  g_assert_cmpstr (bb_draft_template_get_subject (tmpl), ==,
                   "Resending: {original_subject} - Mailbox Full Notification");
  g_assert_true (g_str_has_prefix (bb_draft_template_get_body (tmpl), "{greeting}\n\nKEY POINTS:\n{key_points}\n"));

  /* A missing file is the defaults, not an error, and creates nothing */
  g_assert_true (bb_draft_store_load (store, &error));
  g_assert_no_error (error);
  assert_defaults (store);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  remove_tree (dir);
}

static void
test_store_round_trip (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "sub", "dir", "templates.ini", NULL);
  g_autoptr (BbDraftStore) store = bb_draft_store_new (path);
  g_autoptr (BbDraftStore) fresh = bb_draft_store_new (path);
  g_autoptr (GError) error = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *default_body = NULL;
  BbDraftTemplate *tmpl;
  BbDraftTemplate *custom;
  ItemsChanged     changed = { 0 };

  tmpl = bb_draft_store_lookup (store, BB_DRAFT_MAILBOX_FULL);
  default_body = g_strdup (bb_draft_template_get_body (tmpl));
  bb_draft_template_set_body (tmpl, "{greeting}\n\nMy own text = \"quoted\"\n[not a group]\n");
  g_assert_true (bb_draft_template_get_modified (tmpl));

  bb_draft_template_set_name (bb_draft_store_lookup (store, BB_DRAFT_LINK_INSTEAD), "Cloud link");

  custom = bb_draft_store_add (store, "价格跟进");
  g_assert_cmpstr (bb_draft_template_get_id (custom), ==, "custom-1");
  g_assert_false (bb_draft_template_get_builtin (custom));
  g_assert_false (bb_draft_template_get_modified (custom));
  /* It starts from the plain resend */
  g_assert_cmpstr (bb_draft_template_get_body (custom), ==,
                   bb_draft_template_get_body (bb_draft_store_lookup (store, BB_DRAFT_RETRY_LATER)));
  bb_draft_template_set_subject (custom, "Price update: {original_subject}");
  bb_draft_template_set_body (custom, "  Indented first line\nSecond\\line\n");
  bb_draft_template_set_name (custom, "价格跟进 2");

  g_assert_true (bb_draft_store_save (store, &error));
  g_assert_no_error (error);

  /* Only what differs from the defaults */
  g_assert_true (g_file_get_contents (path, &saved, NULL, NULL));
  g_assert_nonnull (strstr (saved, "[" BB_DRAFT_MAILBOX_FULL "]"));
  g_assert_nonnull (strstr (saved, "[" BB_DRAFT_LINK_INSTEAD "]\nName=Cloud link\n\n"));
  g_assert_null (strstr (saved, "[" BB_DRAFT_ALTERNATE_CONTACT "]"));
  g_assert_null (strstr (saved, "[" BB_DRAFT_RETRY_LATER "]"));
  g_assert_null (strstr (saved, "Mailbox Full Notification"));
  g_assert_null (strstr (saved, "Name=Mailbox full"));
  g_assert_nonnull (strstr (saved, "[custom-1]"));

  g_signal_connect (fresh, "items-changed", G_CALLBACK (items_changed_cb), &changed);
  g_assert_true (bb_draft_store_load (fresh, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed.calls, ==, 1);
  g_assert_cmpuint (changed.position, ==, 4);
  g_assert_cmpuint (changed.removed, ==, 0);
  g_assert_cmpuint (changed.added, ==, 1);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fresh)), ==, 5);
  tmpl = bb_draft_store_lookup (fresh, BB_DRAFT_MAILBOX_FULL);
  g_assert_true (bb_draft_template_get_modified (tmpl));
  g_assert_cmpstr (bb_draft_template_get_body (tmpl), ==, "{greeting}\n\nMy own text = \"quoted\"\n[not a group]\n");
  g_assert_cmpstr (bb_draft_template_get_subject (tmpl), ==,
                   "Resending: {original_subject} - Mailbox Full Notification");
  tmpl = bb_draft_store_lookup (fresh, BB_DRAFT_LINK_INSTEAD);
  g_assert_true (bb_draft_template_get_modified (tmpl));
  g_assert_cmpstr (bb_draft_template_get_name (tmpl), ==, "Cloud link");
  g_assert_cmpstr (bb_draft_template_get_subject (tmpl), ==,
                   bb_draft_template_get_subject (bb_draft_store_lookup (store, BB_DRAFT_LINK_INSTEAD)));
  bb_draft_store_reset (fresh, BB_DRAFT_LINK_INSTEAD);
  g_assert_cmpstr (bb_draft_template_get_name (tmpl), ==, "Too big: send a download link instead");
  g_assert_false (bb_draft_template_get_modified (tmpl));
  g_assert_false (bb_draft_template_get_modified (bb_draft_store_lookup (fresh, BB_DRAFT_RETRY_LATER)));
  tmpl = bb_draft_store_lookup (fresh, BB_DRAFT_MAILBOX_FULL);

  custom = bb_draft_store_lookup (fresh, "custom-1");
  g_assert_nonnull (custom);
  g_assert_true (g_list_model_get_item (G_LIST_MODEL (fresh), 4) == (gpointer) custom);
  g_object_unref (custom); /* the reference get_item gave */
  g_assert_false (bb_draft_template_get_builtin (custom));
  g_assert_cmpstr (bb_draft_template_get_name (custom), ==, "价格跟进 2");
  g_assert_cmpstr (bb_draft_template_get_subject (custom), ==, "Price update: {original_subject}");
  g_assert_cmpstr (bb_draft_template_get_body (custom), ==, "  Indented first line\nSecond\\line\n");

  /* New ids continue after the loaded ones */
  g_assert_cmpstr (bb_draft_template_get_id (bb_draft_store_add (fresh, NULL)), ==, "custom-2");
  g_assert_cmpstr (bb_draft_template_get_name (bb_draft_store_lookup (fresh, "custom-2")), ==, "New template");

  /* Reset, save, load: the default is back and the file forgets it */
  bb_draft_store_reset (fresh, BB_DRAFT_MAILBOX_FULL);
  g_assert_false (bb_draft_template_get_modified (tmpl));
  g_assert_cmpstr (bb_draft_template_get_body (tmpl), ==, default_body);
  g_assert_true (bb_draft_store_remove (fresh, "custom-1"));
  g_assert_true (bb_draft_store_save (fresh, &error));
  g_assert_no_error (error);
  g_clear_pointer (&saved, g_free);
  g_assert_true (g_file_get_contents (path, &saved, NULL, NULL));
  g_assert_null (strstr (saved, "[" BB_DRAFT_MAILBOX_FULL "]"));
  g_assert_null (strstr (saved, "[custom-1]"));
  g_assert_nonnull (strstr (saved, "[custom-2]"));

  /* Loading again replaces the user templates the store held */
  changed = (ItemsChanged){ 0 };
  g_signal_connect (store, "items-changed", G_CALLBACK (items_changed_cb), &changed);
  g_assert_true (bb_draft_store_load (store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed.calls, ==, 1);
  g_assert_cmpuint (changed.position, ==, 4);
  g_assert_cmpuint (changed.removed, ==, 1);
  g_assert_cmpuint (changed.added, ==, 1);
  g_assert_false (bb_draft_template_get_modified (bb_draft_store_lookup (store, BB_DRAFT_MAILBOX_FULL)));
  g_assert_cmpstr (bb_draft_template_get_name (bb_draft_store_lookup (store, BB_DRAFT_LINK_INSTEAD)), ==,
                   "Too big: send a download link instead");
  g_assert_null (bb_draft_store_lookup (store, "custom-1"));
  g_assert_nonnull (bb_draft_store_lookup (store, "custom-2"));

  remove_tree (dir);
}

static void
test_store_add_remove (void)
{
  g_autoptr (BbDraftStore) store = bb_draft_store_new ("/nonexistent/templates.ini");
  ItemsChanged     changed = { 0 };
  BbDraftTemplate *first;
  BbDraftTemplate *second;

  g_signal_connect (store, "items-changed", G_CALLBACK (items_changed_cb), &changed);

  first = bb_draft_store_add (store, "One");
  g_assert_cmpuint (changed.calls, ==, 1);
  g_assert_cmpuint (changed.position, ==, 4);
  g_assert_cmpuint (changed.added, ==, 1);
  second = bb_draft_store_add (store, "Two");
  g_assert_cmpuint (changed.position, ==, 5);
  g_assert_cmpstr (bb_draft_template_get_id (first), ==, "custom-1");
  g_assert_cmpstr (bb_draft_template_get_id (second), ==, "custom-2");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 6);

  /* Built-ins and unknown ids cannot be removed, and nothing changes */
  changed = (ItemsChanged){ 0 };
  for (guint i = 0; i < G_N_ELEMENTS (builtin_ids); i++)
    g_assert_false (bb_draft_store_remove (store, builtin_ids[i]));
  g_assert_false (bb_draft_store_remove (store, "custom-9"));
  g_assert_cmpuint (changed.calls, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 6);

  g_assert_true (bb_draft_store_remove (store, "custom-1"));
  g_assert_cmpuint (changed.calls, ==, 1);
  g_assert_cmpuint (changed.position, ==, 4);
  g_assert_cmpuint (changed.removed, ==, 1);
  g_assert_cmpuint (changed.added, ==, 0);
  g_assert_false (bb_draft_store_remove (store, "custom-1"));
  g_assert_true (bb_draft_store_lookup (store, "custom-2") == second);

  /* Reset does nothing to a user template */
  bb_draft_template_set_body (second, "Mine");
  bb_draft_store_reset (store, "custom-2");
  g_assert_cmpstr (bb_draft_template_get_body (second), ==, "Mine");
}

static void
test_store_corrupt (void)
{
  static const char garbage[] = "[[[ this is not a key file\n\x01\x02 = =\n";
  g_autofree char  *dir = make_tmp_dir ();
  g_autofree char  *path = g_build_filename (dir, "templates.ini", NULL);
  g_autofree char  *copy_path = g_strconcat (path, ".damaged", NULL);
  g_autoptr (BbDraftStore) store = bb_draft_store_new (path);
  g_autoptr (GError) error = NULL;
  g_autofree char *after = NULL;
  g_autofree char *copy = NULL;
  BbDraftTemplate *tmpl;

  g_assert_true (g_file_set_contents (path, garbage, -1, NULL));

  g_assert_false (bb_draft_store_load (store, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, path));
  g_clear_error (&error);
  assert_defaults (store);

  /* A store that was already edited stays as it was */
  tmpl = bb_draft_store_lookup (store, BB_DRAFT_RETRY_LATER);
  bb_draft_template_set_subject (tmpl, "Edited");
  bb_draft_store_add (store, "Mine");
  g_assert_false (bb_draft_store_load (store, &error));
  g_clear_error (&error);
  g_assert_cmpstr (bb_draft_template_get_subject (tmpl), ==, "Edited");
  g_assert_nonnull (bb_draft_store_lookup (store, "custom-1"));

  /* Loading never touched the file */
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, garbage);

  /* Saving keeps a copy of it first */
  g_assert_true (bb_draft_store_save (store, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (copy_path, &copy, NULL, NULL));
  g_assert_cmpstr (copy, ==, garbage);
  g_clear_pointer (&after, g_free);
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_nonnull (strstr (after, "Subject=Edited"));

  remove_tree (dir);
}

/* Not UTF-8 inside a valid key file: an error too */
static void
test_store_bad_encoding (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "templates.ini", NULL);
  g_autoptr (BbDraftStore) store = bb_draft_store_new (path);
  g_autoptr (GError) error = NULL;

  g_assert_true (g_file_set_contents (path, "[custom-1]\nName=Ok\nBody=\xff\xfe\n", -1, NULL));
  g_assert_false (bb_draft_store_load (store, &error));
  g_assert_nonnull (error);
  assert_defaults (store);

  remove_tree (dir);
}

/* A file edited by hand: any ids, a missing name, a built-in with only
 * one of its keys */
static void
test_store_hand_edited (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "templates.ini", NULL);
  g_autoptr (BbDraftStore) store = bb_draft_store_new (path);
  g_autoptr (BbDraftStore) defaults = bb_draft_store_new ("/nonexistent/templates.ini");
  g_autoptr (GError) error = NULL;
  BbDraftTemplate *tmpl;

  g_assert_true (g_file_set_contents (path,
                                      "# my templates\n"
                                      "[custom-7]\nName=Seven\nBody=Line 1\\nLine 2\n"
                                      "[retry-later]\nSubject=Again: {original_subject}\n"
                                      "[my-own]\nSubject=No name\n",
                                      -1, NULL));
  g_assert_true (bb_draft_store_load (store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 6);

  tmpl = bb_draft_store_lookup (store, "custom-7");
  g_assert_cmpstr (bb_draft_template_get_name (tmpl), ==, "Seven");
  g_assert_cmpstr (bb_draft_template_get_subject (tmpl), ==, "");
  g_assert_cmpstr (bb_draft_template_get_body (tmpl), ==, "Line 1\nLine 2");
  /* Kept, and named after its id, rather than lost */
  g_assert_cmpstr (bb_draft_template_get_name (bb_draft_store_lookup (store, "my-own")), ==, "my-own");

  tmpl = bb_draft_store_lookup (store, BB_DRAFT_RETRY_LATER);
  g_assert_true (bb_draft_template_get_modified (tmpl));
  g_assert_cmpstr (bb_draft_template_get_subject (tmpl), ==, "Again: {original_subject}");
  g_assert_cmpstr (bb_draft_template_get_body (tmpl), ==,
                   bb_draft_template_get_body (bb_draft_store_lookup (defaults, BB_DRAFT_RETRY_LATER)));

  /* New ids never reuse a loaded one */
  g_assert_cmpstr (bb_draft_template_get_id (bb_draft_store_add (store, "Next")), ==, "custom-8");

  remove_tree (dir);
}

typedef struct
{
  guint name;
  guint subject;
  guint body;
  guint modified;
} NotifyCounts;

static void
notify_cb (GObject    *object,
           GParamSpec *pspec,
           gpointer    user_data)
{
  NotifyCounts *counts = user_data;
  const char   *name = g_param_spec_get_name (pspec);

  if (g_str_equal (name, "name"))
    counts->name++;
  else if (g_str_equal (name, "subject"))
    counts->subject++;
  else if (g_str_equal (name, "body"))
    counts->body++;
  else if (g_str_equal (name, "modified"))
    counts->modified++;
  else
    g_assert_not_reached ();
}

static void
test_template_notify (void)
{
  g_autoptr (BbDraftTemplate) builtin = bb_draft_template_new ("b", "Built in", "S", "B", TRUE);
  g_autoptr (BbDraftTemplate) user = bb_draft_template_new ("u", "User", "S", "B", FALSE);
  NotifyCounts b = { 0 };
  NotifyCounts u = { 0 };
  gboolean     modified = TRUE;

  g_signal_connect (builtin, "notify", G_CALLBACK (notify_cb), &b);
  g_signal_connect (user, "notify", G_CALLBACK (notify_cb), &u);

  g_assert_false (bb_draft_template_get_modified (builtin));
  g_object_get (builtin, "modified", &modified, NULL);
  g_assert_false (modified);

  /* The same value: nothing */
  bb_draft_template_set_subject (builtin, "S");
  g_object_set (builtin, "subject", "S", "body", "B", NULL);
  g_assert_cmpuint (b.subject + b.body + b.modified, ==, 0);

  bb_draft_template_set_subject (builtin, "S2");
  g_assert_cmpuint (b.subject, ==, 1);
  g_assert_cmpuint (b.modified, ==, 1);
  g_assert_true (bb_draft_template_get_modified (builtin));

  /* Still modified: no second "modified" */
  bb_draft_template_set_body (builtin, "B2");
  g_assert_cmpuint (b.body, ==, 1);
  g_assert_cmpuint (b.modified, ==, 1);
  bb_draft_template_set_subject (builtin, "S");
  g_assert_cmpuint (b.subject, ==, 2);
  g_assert_cmpuint (b.modified, ==, 1);
  g_assert_true (bb_draft_template_get_modified (builtin));

  /* Back to the default */
  g_object_set (builtin, "body", "B", NULL);
  g_assert_cmpuint (b.body, ==, 2);
  g_assert_cmpuint (b.modified, ==, 2);
  g_assert_false (bb_draft_template_get_modified (builtin));
  g_assert_cmpuint (b.name, ==, 0);

  /* A renamed built-in is modified too: reset would undo it */
  bb_draft_template_set_name (builtin, "Mine now");
  bb_draft_template_set_name (builtin, "Mine now");
  g_assert_cmpuint (b.name, ==, 1);
  g_assert_cmpuint (b.modified, ==, 3);
  g_assert_true (bb_draft_template_get_modified (builtin));
  bb_draft_template_set_name (builtin, "Built in");
  g_assert_cmpuint (b.name, ==, 2);
  g_assert_cmpuint (b.modified, ==, 4);
  g_assert_false (bb_draft_template_get_modified (builtin));

  /* A user template is never "modified"; NULL reads as "" */
  bb_draft_template_set_subject (user, "Other");
  bb_draft_template_set_body (user, NULL);
  g_assert_cmpstr (bb_draft_template_get_body (user), ==, "");
  bb_draft_template_set_body (user, "");
  g_assert_cmpuint (u.subject, ==, 1);
  g_assert_cmpuint (u.body, ==, 1);
  g_assert_cmpuint (u.modified, ==, 0);
  g_assert_false (bb_draft_template_get_modified (user));

  bb_draft_template_set_name (user, "Renamed");
  bb_draft_template_set_name (user, "Renamed");
  g_assert_cmpuint (u.name, ==, 1);
  g_assert_cmpstr (bb_draft_template_get_name (user), ==, "Renamed");
}

static void
test_store_reset_notify (void)
{
  g_autoptr (BbDraftStore) store = bb_draft_store_new ("/nonexistent/templates.ini");
  BbDraftTemplate *tmpl = bb_draft_store_lookup (store, BB_DRAFT_LINK_INSTEAD);
  NotifyCounts     counts = { 0 };
  ItemsChanged     changed = { 0 };

  bb_draft_template_set_body (tmpl, "Edited");
  g_signal_connect (tmpl, "notify", G_CALLBACK (notify_cb), &counts);
  g_signal_connect (store, "items-changed", G_CALLBACK (items_changed_cb), &changed);

  bb_draft_store_reset (store, BB_DRAFT_LINK_INSTEAD);
  g_assert_cmpuint (counts.body, ==, 1);
  g_assert_cmpuint (counts.modified, ==, 1);
  g_assert_cmpuint (counts.subject, ==, 0);
  g_assert_false (bb_draft_template_get_modified (tmpl));

  /* Already the default: nothing */
  bb_draft_store_reset (store, BB_DRAFT_LINK_INSTEAD);
  bb_draft_store_reset (store, "no-such-template");
  g_assert_cmpuint (counts.body, ==, 1);
  g_assert_cmpuint (counts.modified, ==, 1);
  g_assert_cmpuint (changed.calls, ==, 0);
}

/* The Chinese built-ins, filled: Chinese greeting, date, reason and
 * close; the values from the notice as they are */
static void
test_fill_chinese (void)
{
  g_autoptr (BbBounce) unknown = analyze (user_unknown_notice);
  g_autoptr (BbBounce) full = analyze (mailbox_full_notice);
  g_autoptr (BbBounce) big = analyze (too_big_notice);
  g_autoptr (BbDraft) alternate = fill_builtin_zh (BB_DRAFT_ALTERNATE_CONTACT, unknown, &chinese_identity);
  g_autoptr (BbDraft) retry = fill_builtin_zh (BB_DRAFT_RETRY_LATER, unknown, NULL);
  g_autoptr (BbDraft) mailbox = fill_builtin_zh (BB_DRAFT_MAILBOX_FULL, full, &chinese_identity);
  g_autoptr (BbDraft) link = fill_builtin_zh (BB_DRAFT_LINK_INSTEAD, big, &chinese_identity);

  assert_clean_draft (alternate);
  g_assert_cmpstr (alternate->to, ==, "info@company.com");
  g_assert_cmpstr (alternate->subject, ==, "烦请转交：Quotation for LED panels");
  /* To the company's general mailbox: no name in the greeting */
  g_assert_true (g_str_has_prefix (alternate->body, "您好：\n\n"));
  g_assert_nonnull (strstr (alternate->body, "我之前发往 john@company.com 的邮件未能送达："
                                             "对方的邮件服务器无法识别这个地址。\n"));
  g_assert_nonnull (strstr (alternate->body, "原收件人：John Smith\n"));
  g_assert_nonnull (strstr (alternate->body, "发送日期：2026年3月2日\n"));
  g_assert_null (strstr (alternate->body, "March"));
  g_assert_true (g_str_has_suffix (alternate->body,
                                   "此致\n敬礼！\n\n李伟\n深圳光明照明有限公司\n电话：+86 755 1234 5678\n"));

  assert_clean_draft (retry);
  g_assert_cmpstr (retry->subject, ==, "重发：Quotation for LED panels");
  g_assert_true (g_str_has_prefix (retry->body, "尊敬的John Smith：\n\n"));
  g_assert_nonnull (strstr (retry->body, "重新附上：quote.pdf (79 bytes)\n"));
  /* No identity: the close ends the draft */
  g_assert_true (g_str_has_suffix (retry->body, "\n\n此致\n敬礼！\n"));

  assert_clean_draft (mailbox);
  g_assert_cmpstr (mailbox->subject, ==, "重发：Samples shipped today（邮箱已满）");
  g_assert_true (g_str_has_prefix (mailbox->body, "尊敬的Anna Müller：\n\n要点：\n- [要点一]\n"));
  g_assert_nonnull (strstr (mailbox->body, "发送日期：2026年3月3日\n"));
  g_assert_null (strstr (mailbox->body, "附件："));

  assert_clean_draft (link);
  g_assert_true (g_str_has_prefix (link->body, "您好：\n\n"));
  g_assert_nonnull (strstr (link->body, "下载链接：[请在此粘贴下载链接]\n"));
  g_assert_nonnull (strstr (link->body, "文件：catalogue-2026.pdf (79 bytes)、price list.xlsx (57 bytes)\n"));
}

/* Nothing of the original in Chinese either: no empty lines, and the
 * subject says 我之前的邮件 */
static void
test_fill_chinese_no_original (void)
{
  g_autoptr (BbBounce) bounce = analyze (try_later_notice);

  for (guint i = 0; i < G_N_ELEMENTS (builtin_ids); i++)
    {
      g_autoptr (BbDraft) draft = fill_builtin_zh (builtin_ids[i], bounce, NULL);

      g_test_message ("%s:\n%s", builtin_ids[i], draft->body);
      assert_clean_draft (draft);
      g_assert_nonnull (strstr (draft->subject, "我之前的邮件"));
      g_assert_null (strstr (draft->body, "原邮件："));
      g_assert_null (strstr (draft->body, "发送日期："));
      g_assert_null (strstr (draft->body, "原收件人："));
      g_assert_true (g_str_has_prefix (draft->body, "您好：\n\n"));
      g_assert_true (g_str_has_suffix (draft->body, "\n\n此致\n敬礼！\n"));
    }
}

/* A user template's own words follow its language, not the store's or
 * the locale's */
static void
test_fill_template_language (void)
{
  g_autoptr (BbBounce) bounce = analyze (host_unknown_notice);
  g_autoptr (BbDraftTemplate) zh = g_object_new (BB_TYPE_DRAFT_TEMPLATE,
                                                 "id", "custom-1",
                                                 "name", "Mine",
                                                 "subject", "{original_subject}",
                                                 "body", "{greeting}\n{reason}\n{key_points}\n{cloud_link}\n",
                                                 "language", BB_DRAFT_LANGUAGE_ZH_CN,
                                                 NULL);
  g_autoptr (BbDraftTemplate) other = g_object_new (BB_TYPE_DRAFT_TEMPLATE,
                                                    "id", "custom-2",
                                                    "language", "fr",
                                                    NULL);
  g_autoptr (BbDraft) draft = bb_draft_fill (zh, bounce, NULL, NULL);

  g_assert_cmpstr (bb_draft_template_get_language (zh), ==, BB_DRAFT_LANGUAGE_ZH_CN);
  /* Only the two languages there are; anything else is English */
  g_assert_cmpstr (bb_draft_template_get_language (other), ==, BB_DRAFT_LANGUAGE_EN);
  g_assert_cmpstr (draft->subject, ==, "我之前的邮件");
  g_assert_cmpstr (draft->body, ==,
                   "您好：\n"
                   "找不到这个邮箱的域名\n"
                   "- [要点一]\n- [要点二]\n- [要点三]\n"
                   "[请在此粘贴下载链接]\n");
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

/* The placeholders of a text, sorted, as one string */
static char *
placeholders_of (const char *text)
{
  g_autoptr (GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GString) out = g_string_new (NULL);

  for (const char *p = strchr (text, '{'); p != NULL; p = strchr (p + 1, '{'))
    {
      const char *close = strchr (p, '}');

      g_assert_nonnull (close);
      g_ptr_array_add (found, g_strndup (p, (gsize) (close - p + 1)));
    }
  g_ptr_array_sort (found, compare_strings);
  for (guint i = 0; i < found->len; i++)
    g_string_append (out, g_ptr_array_index (found, i));

  return g_strdup (out->str);
}

static void
test_store_chinese (void)
{
  g_autoptr (BbDraftStore) en = bb_draft_store_new ("/nonexistent/templates.ini");
  g_autoptr (BbDraftStore) zh = g_object_new (BB_TYPE_DRAFT_STORE,
                                              "path", "/nonexistent/templates.ini",
                                              "language", BB_DRAFT_LANGUAGE_ZH_CN,
                                              NULL);
  g_autofree char *language = NULL;

  g_assert_cmpstr (bb_draft_store_get_language (en), ==, BB_DRAFT_LANGUAGE_EN);
  g_object_get (zh, "language", &language, NULL);
  g_assert_cmpstr (language, ==, BB_DRAFT_LANGUAGE_ZH_CN);
  assert_defaults (zh);

  for (guint i = 0; i < G_N_ELEMENTS (builtin_ids); i++)
    {
      BbDraftTemplate *e = bb_draft_store_lookup (en, builtin_ids[i]);
      BbDraftTemplate *z = bb_draft_store_lookup (zh, builtin_ids[i]);
      g_autofree char *e_subject = placeholders_of (bb_draft_template_get_subject (e));
      g_autofree char *z_subject = placeholders_of (bb_draft_template_get_subject (z));
      g_autofree char *e_body = placeholders_of (bb_draft_template_get_body (e));
      g_autofree char *z_body = placeholders_of (bb_draft_template_get_body (z));

      g_test_message ("%s", builtin_ids[i]);
      g_assert_cmpstr (bb_draft_template_get_language (e), ==, BB_DRAFT_LANGUAGE_EN);
      g_assert_cmpstr (bb_draft_template_get_language (z), ==, BB_DRAFT_LANGUAGE_ZH_CN);
      /* The names follow the user interface, not the draft language */
      g_assert_cmpstr (bb_draft_template_get_name (z), ==, bb_draft_template_get_name (e));
      /* The same placeholders, in Chinese text */
      g_assert_cmpstr (z_subject, ==, e_subject);
      g_assert_cmpstr (z_body, ==, e_body);
      g_assert_true (g_utf8_validate (bb_draft_template_get_body (z), -1, NULL));
      g_assert_nonnull (strstr (bb_draft_template_get_body (z), "此致\n敬礼！\n"));
      g_assert_null (strstr (bb_draft_template_get_body (z), "Best regards"));
      g_assert_cmpstr (bb_draft_template_get_body (z), !=, bb_draft_template_get_body (e));
    }

  /* A new template starts from the plain resend in the store's language */
  {
    BbDraftTemplate *custom = bb_draft_store_add (zh, NULL);

    g_assert_cmpstr (bb_draft_template_get_language (custom), ==, BB_DRAFT_LANGUAGE_ZH_CN);
    g_assert_cmpstr (bb_draft_template_get_body (custom), ==,
                     bb_draft_template_get_body (bb_draft_store_lookup (zh, BB_DRAFT_RETRY_LATER)));
  }
}

typedef struct
{
  guint language;
  guint other;
} StoreNotify;

static void
store_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 gpointer    user_data)
{
  StoreNotify *counts = user_data;

  if (g_str_equal (g_param_spec_get_name (pspec), "language"))
    counts->language++;
  else
    counts->other++;
}

static void
template_language_notify_cb (GObject    *object,
                             GParamSpec *pspec,
                             gpointer    user_data)
{
  guint *count = user_data;

  if (g_str_equal (g_param_spec_get_name (pspec), "language"))
    (*count)++;
}

/* Switching the language: the untouched built-ins follow, each notifying
 * once per property that changes; a rewritten one keeps its text */
static void
test_store_switch_language (void)
{
  g_autoptr (BbDraftStore) store = bb_draft_store_new ("/nonexistent/templates.ini");
  g_autoptr (BbDraftStore) zh = g_object_new (BB_TYPE_DRAFT_STORE,
                                              "path", "/nonexistent/templates.ini",
                                              "language", BB_DRAFT_LANGUAGE_ZH_CN,
                                              NULL);
  BbDraftTemplate *follows = bb_draft_store_lookup (store, BB_DRAFT_RETRY_LATER);
  BbDraftTemplate *edited = bb_draft_store_lookup (store, BB_DRAFT_MAILBOX_FULL);
  BbDraftTemplate *renamed = bb_draft_store_lookup (store, BB_DRAFT_LINK_INSTEAD);
  BbDraftTemplate *custom = bb_draft_store_add (store, "Mine");
  g_autofree char *custom_body = g_strdup (bb_draft_template_get_body (custom));
  StoreNotify      store_counts = { 0 };
  ItemsChanged     changed = { 0 };
  NotifyCounts     counts = { 0 };
  NotifyCounts     edited_counts = { 0 };
  guint            language_notifies = 0;

  bb_draft_template_set_subject (edited, "My own subject");
  bb_draft_template_set_name (renamed, "Cloud link");

  g_signal_connect (store, "notify", G_CALLBACK (store_notify_cb), &store_counts);
  g_signal_connect (store, "items-changed", G_CALLBACK (items_changed_cb), &changed);
  g_signal_connect (follows, "notify::name", G_CALLBACK (notify_cb), &counts);
  g_signal_connect (follows, "notify::subject", G_CALLBACK (notify_cb), &counts);
  g_signal_connect (follows, "notify::body", G_CALLBACK (notify_cb), &counts);
  g_signal_connect (follows, "notify::modified", G_CALLBACK (notify_cb), &counts);
  g_signal_connect (follows, "notify", G_CALLBACK (template_language_notify_cb), &language_notifies);
  g_signal_connect (edited, "notify::name", G_CALLBACK (notify_cb), &edited_counts);
  g_signal_connect (edited, "notify::subject", G_CALLBACK (notify_cb), &edited_counts);
  g_signal_connect (edited, "notify::body", G_CALLBACK (notify_cb), &edited_counts);
  g_signal_connect (edited, "notify::modified", G_CALLBACK (notify_cb), &edited_counts);

  bb_draft_store_set_language (store, BB_DRAFT_LANGUAGE_ZH_CN);
  g_assert_cmpstr (bb_draft_store_get_language (store), ==, BB_DRAFT_LANGUAGE_ZH_CN);
  g_assert_cmpuint (store_counts.language, ==, 1);
  g_assert_cmpuint (store_counts.other, ==, 0);
  /* The same templates in the same places */
  g_assert_cmpuint (changed.calls, ==, 0);

  g_assert_cmpuint (counts.subject, ==, 1);
  g_assert_cmpuint (counts.body, ==, 1);
  g_assert_cmpuint (counts.name, ==, 0);
  g_assert_cmpuint (counts.modified, ==, 0);
  g_assert_cmpuint (language_notifies, ==, 1);
  g_assert_false (bb_draft_template_get_modified (follows));
  g_assert_cmpstr (bb_draft_template_get_language (follows), ==, BB_DRAFT_LANGUAGE_ZH_CN);
  g_assert_cmpstr (bb_draft_template_get_body (follows), ==,
                   bb_draft_template_get_body (bb_draft_store_lookup (zh, BB_DRAFT_RETRY_LATER)));

  /* Rewritten: keeps its text and its language, still modified */
  g_assert_cmpuint (edited_counts.subject + edited_counts.body + edited_counts.name + edited_counts.modified, ==, 0);
  g_assert_true (bb_draft_template_get_modified (edited));
  g_assert_cmpstr (bb_draft_template_get_language (edited), ==, BB_DRAFT_LANGUAGE_EN);
  g_assert_cmpstr (bb_draft_template_get_subject (edited), ==, "My own subject");
  g_assert_true (g_str_has_prefix (bb_draft_template_get_body (edited), "{greeting}\n\nKEY POINTS:"));

  /* Only renamed: the text follows, the name stays */
  g_assert_cmpstr (bb_draft_template_get_language (renamed), ==, BB_DRAFT_LANGUAGE_ZH_CN);
  g_assert_cmpstr (bb_draft_template_get_name (renamed), ==, "Cloud link");
  g_assert_true (bb_draft_template_get_modified (renamed));
  g_assert_cmpstr (bb_draft_template_get_subject (renamed), ==,
                   bb_draft_template_get_subject (bb_draft_store_lookup (zh, BB_DRAFT_LINK_INSTEAD)));

  /* The rep's own templates are theirs */
  g_assert_cmpstr (bb_draft_template_get_language (custom), ==, BB_DRAFT_LANGUAGE_EN);
  g_assert_cmpstr (bb_draft_template_get_body (custom), ==, custom_body);

  /* The same language again, or through the property: nothing */
  bb_draft_store_set_language (store, BB_DRAFT_LANGUAGE_ZH_CN);
  g_object_set (store, "language", BB_DRAFT_LANGUAGE_ZH_CN, NULL);
  g_assert_cmpuint (store_counts.language, ==, 1);
  g_assert_cmpuint (counts.subject + counts.body, ==, 2);

  /* Reset: the default of the language in force */
  bb_draft_store_reset (store, BB_DRAFT_MAILBOX_FULL);
  g_assert_false (bb_draft_template_get_modified (edited));
  g_assert_cmpstr (bb_draft_template_get_language (edited), ==, BB_DRAFT_LANGUAGE_ZH_CN);
  g_assert_cmpstr (bb_draft_template_get_subject (edited), ==,
                   bb_draft_template_get_subject (bb_draft_store_lookup (zh, BB_DRAFT_MAILBOX_FULL)));
  g_assert_cmpuint (edited_counts.subject, ==, 1);
  g_assert_cmpuint (edited_counts.body, ==, 1);
  g_assert_cmpuint (edited_counts.modified, ==, 1);

  /* Anything but zh_CN is English; back there, everything untouched follows */
  g_object_set (store, "language", "fr", NULL);
  g_assert_cmpstr (bb_draft_store_get_language (store), ==, BB_DRAFT_LANGUAGE_EN);
  g_assert_cmpuint (store_counts.language, ==, 2);
  g_assert_cmpuint (counts.subject + counts.body, ==, 4);
  g_assert_cmpuint (counts.modified, ==, 0);
  g_assert_cmpuint (language_notifies, ==, 2);
  g_assert_true (g_str_has_prefix (bb_draft_template_get_subject (follows), "Resending: "));
  g_assert_true (g_str_has_prefix (bb_draft_template_get_body (edited), "{greeting}\n\nKEY POINTS:"));
  g_assert_cmpstr (bb_draft_template_get_language (edited), ==, BB_DRAFT_LANGUAGE_EN);
}

/* Rewritten built-ins keep their language across a save and a load in
 * another language; untouched ones take the loading store's */
static void
test_store_language_round_trip (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "templates.ini", NULL);
  g_autoptr (BbDraftStore) store = g_object_new (BB_TYPE_DRAFT_STORE,
                                                 "path", path,
                                                 "language", BB_DRAFT_LANGUAGE_ZH_CN,
                                                 NULL);
  g_autoptr (BbDraftStore) fresh = bb_draft_store_new (path);
  g_autoptr (BbDraftStore) zh = g_object_new (BB_TYPE_DRAFT_STORE,
                                              "path", path,
                                              "language", BB_DRAFT_LANGUAGE_ZH_CN,
                                              NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *saved = NULL;
  BbDraftTemplate *tmpl;

  tmpl = bb_draft_store_lookup (store, BB_DRAFT_MAILBOX_FULL);
  bb_draft_template_set_body (tmpl, "{greeting}\n\n我自己的正文\n");
  bb_draft_template_set_name (bb_draft_store_lookup (store, BB_DRAFT_RETRY_LATER), "再发一次");
  bb_draft_store_add (store, "中文模板");
  g_assert_true (bb_draft_store_save (store, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_get_contents (path, &saved, NULL, NULL));
  g_test_message ("%s", saved);
  g_assert_nonnull (strstr (saved, "[" BB_DRAFT_MAILBOX_FULL "]\nBody={greeting}\\n\\n我自己的正文\\n\nLanguage=zh_CN\n"));
  /* Only renamed: no language, the text follows the store */
  g_assert_nonnull (strstr (saved, "[" BB_DRAFT_RETRY_LATER "]\nName=再发一次\n\n"));
  g_assert_null (strstr (saved, "[" BB_DRAFT_LINK_INSTEAD "]"));
  g_assert_nonnull (strstr (saved, "[custom-1]\nName=中文模板\n"));
  g_assert_nonnull (strstr (strstr (saved, "[custom-1]"), "Language=zh_CN\n"));

  /* An English store loads it: nothing else becomes modified */
  g_assert_true (bb_draft_store_load (fresh, &error));
  g_assert_no_error (error);
  tmpl = bb_draft_store_lookup (fresh, BB_DRAFT_MAILBOX_FULL);
  g_assert_true (bb_draft_template_get_modified (tmpl));
  g_assert_cmpstr (bb_draft_template_get_language (tmpl), ==, BB_DRAFT_LANGUAGE_ZH_CN);
  g_assert_cmpstr (bb_draft_template_get_body (tmpl), ==, "{greeting}\n\n我自己的正文\n");
  /* The subject nobody touched is the Chinese default, not the English */
  g_assert_cmpstr (bb_draft_template_get_subject (tmpl), ==,
                   bb_draft_template_get_subject (bb_draft_store_lookup (zh, BB_DRAFT_MAILBOX_FULL)));
  tmpl = bb_draft_store_lookup (fresh, BB_DRAFT_RETRY_LATER);
  g_assert_cmpstr (bb_draft_template_get_name (tmpl), ==, "再发一次");
  g_assert_cmpstr (bb_draft_template_get_language (tmpl), ==, BB_DRAFT_LANGUAGE_EN);
  g_assert_true (g_str_has_prefix (bb_draft_template_get_subject (tmpl), "Resending: "));
  tmpl = bb_draft_store_lookup (fresh, BB_DRAFT_LINK_INSTEAD);
  g_assert_false (bb_draft_template_get_modified (tmpl));
  g_assert_cmpstr (bb_draft_template_get_language (tmpl), ==, BB_DRAFT_LANGUAGE_EN);
  g_assert_cmpstr (bb_draft_template_get_language (bb_draft_store_lookup (fresh, "custom-1")), ==,
                   BB_DRAFT_LANGUAGE_ZH_CN);

  /* Saved again from English: the same file, nothing gained or lost */
  {
    g_autofree char *again = NULL;

    g_assert_true (bb_draft_store_save (fresh, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_get_contents (path, &again, NULL, NULL));
    g_assert_cmpstr (again, ==, saved);
  }

  /* A file from before the Chinese templates: its text is English */
  g_assert_true (g_file_set_contents (path,
                                      "[mailbox-full]\nSubject=Old: {original_subject}\n"
                                      "[custom-3]\nName=Old\nBody=Hi\n",
                                      -1, NULL));
  g_assert_true (bb_draft_store_load (zh, &error));
  g_assert_no_error (error);
  tmpl = bb_draft_store_lookup (zh, BB_DRAFT_MAILBOX_FULL);
  g_assert_cmpstr (bb_draft_template_get_language (tmpl), ==, BB_DRAFT_LANGUAGE_EN);
  g_assert_true (g_str_has_prefix (bb_draft_template_get_body (tmpl), "{greeting}\n\nKEY POINTS:"));
  g_assert_cmpstr (bb_draft_template_get_language (bb_draft_store_lookup (zh, "custom-3")), ==,
                   BB_DRAFT_LANGUAGE_EN);
  g_assert_cmpstr (bb_draft_template_get_language (bb_draft_store_lookup (zh, BB_DRAFT_RETRY_LATER)), ==,
                   BB_DRAFT_LANGUAGE_ZH_CN);

  remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  bb_core_init ();

  g_test_add_func ("/bb/core/draft/suggest", test_suggest);
  g_test_add_func ("/bb/core/draft/fill/alternate-contact", test_fill_alternate_contact);
  g_test_add_func ("/bb/core/draft/fill/mailbox-full", test_fill_mailbox_full);
  g_test_add_func ("/bb/core/draft/fill/link-instead", test_fill_link_instead);
  g_test_add_func ("/bb/core/draft/fill/retry-later", test_fill_retry_later);
  g_test_add_func ("/bb/core/draft/fill/retry-later-original-text", test_fill_retry_later_original_text);
  g_test_add_func ("/bb/core/draft/original-text-quoted", test_original_text_quoted);
  g_test_add_func ("/bb/core/draft/fill/no-original", test_fill_no_original);
  g_test_add_func ("/bb/core/draft/fill/partial-identity", test_fill_partial_identity);
  g_test_add_func ("/bb/core/draft/fill/typo", test_fill_typo);
  g_test_add_func ("/bb/core/draft/fill/host-unknown", test_fill_host_unknown);
  g_test_add_func ("/bb/core/draft/fill/placeholders", test_fill_placeholders);
  g_test_add_func ("/bb/core/draft/fill/invalid-utf8", test_fill_invalid_utf8);
  g_test_add_func ("/bb/core/draft/to-text", test_to_text);
  g_test_add_func ("/bb/core/draft/mailto", test_mailto);
  g_test_add_func ("/bb/core/draft/mailto-filled", test_mailto_filled);
  g_test_add_func ("/bb/core/draft/eml", test_write_eml);
  g_test_add_func ("/bb/core/draft/store/defaults", test_store_defaults);
  g_test_add_func ("/bb/core/draft/store/round-trip", test_store_round_trip);
  g_test_add_func ("/bb/core/draft/store/add-remove", test_store_add_remove);
  g_test_add_func ("/bb/core/draft/store/corrupt", test_store_corrupt);
  g_test_add_func ("/bb/core/draft/store/bad-encoding", test_store_bad_encoding);
  g_test_add_func ("/bb/core/draft/store/hand-edited", test_store_hand_edited);
  g_test_add_func ("/bb/core/draft/store/reset-notify", test_store_reset_notify);
  g_test_add_func ("/bb/core/draft/template/notify", test_template_notify);
  g_test_add_func ("/bb/core/draft/chinese/fill", test_fill_chinese);
  g_test_add_func ("/bb/core/draft/chinese/no-original", test_fill_chinese_no_original);
  g_test_add_func ("/bb/core/draft/chinese/template-language", test_fill_template_language);
  g_test_add_func ("/bb/core/draft/chinese/store", test_store_chinese);
  g_test_add_func ("/bb/core/draft/chinese/switch", test_store_switch_language);
  g_test_add_func ("/bb/core/draft/chinese/round-trip", test_store_language_round_trip);

  return g_test_run ();
}
