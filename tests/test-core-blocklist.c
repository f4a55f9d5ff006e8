/* test-core-blocklist.c - blocklists named in bounces: which list, the
 * listed IP or domain, the lookup link; the sender's IP in a rejection
 *
 * The lines are written for this test in the shapes real servers use
 * (documentation addresses only).
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "bb-blocklist.h"
#include "bb-core.h"

typedef struct
{
  const char *text;
  const char *ids;    /* the lists found, comma-separated, in order */
  const char *listed; /* of the first hit, or NULL */
  const char *url;    /* of the first hit (the text's own), or NULL */
} Case;

static const Case cases[] = {
  { "554 5.7.1 Service unavailable; Client host [198.51.100.7] blocked using zen.spamhaus.org; "
    "https://www.spamhaus.org/query/ip/198.51.100.7",
    "spamhaus-zen", "198.51.100.7", "https://www.spamhaus.org/query/ip/198.51.100.7" },
  { "550 5.7.1 rejected because 198.51.100.9 is listed in Spamhaus PBL, see http://www.spamhaus.org/pbl",
    "spamhaus-zen", "198.51.100.9", "http://www.spamhaus.org/pbl" },
  /* the domain list: not ZEN as well, though it says "spamhaus" */
  { "554 5.7.1 Message rejected due to having a domain present in the Spamhaus DBL, see "
    "https://www.spamhaus.org/query/dbl?domain=shop-example.net.",
    "spamhaus-dbl", "shop-example.net", "https://www.spamhaus.org/query/dbl?domain=shop-example.net" },
  { "550 5.7.1 mx.example.com[192.0.2.10]: Blocked - see https://www.spamcop.net/bl.shtml?203.0.113.50",
    "spamcop", "203.0.113.50", "https://www.spamcop.net/bl.shtml?203.0.113.50" },
  { "554 Service unavailable; Client host [203.0.113.8] blocked using Barracuda Reputation, "
    "http://www.barracudanetworks.com/reputation/?pr=1&ip=203.0.113.8",
    "barracuda", "203.0.113.8", "http://www.barracudanetworks.com/reputation/?pr=1&ip=203.0.113.8" },
  { "521 5.7.1 client [203.0.113.225] blocked using dnsbl.sorbs.net", "sorbs", "203.0.113.225", NULL },
  { "550 5.7.1 Your IP 203.0.113.77 is listed in dnsbl-2.uceprotect.net (Net Block Level 2)",
    "uceprotect", "203.0.113.77", NULL },
  { "550 5.7.1 Unfortunately, messages from [198.51.100.3] weren't sent. Please contact your Internet "
    "service provider since part of their network is on our block list (S3150).",
    "microsoft", "198.51.100.3", NULL },
  { "550 5.7.606 Access denied, banned sending IP [198.51.100.222]. To request removal from this list please "
    "visit https://sender.office.com/ and follow the directions.",
    "microsoft", "198.51.100.222", "https://sender.office.com/" },
  { "554 Blocked - see https://ipcheck.proofpoint.com/?ip=192.0.2.200", "proofpoint", "192.0.2.200",
    "https://ipcheck.proofpoint.com/?ip=192.0.2.200" },
  { "550 5.7.1 Connection refused: poor reputation on Cloudmark Sender Intelligence", "cloudmark", NULL, NULL },
  { "550 Local CT IP Reputation - (reject) https://community.mimecast.com/docs/DOC-1369#550 [abc123]",
    "mimecast", NULL, "https://community.mimecast.com/docs/DOC-1369#550" },
  { "550 5.7.1 Message rejected, blacklisted URL in message (shop-example.net)", "surbl", NULL, NULL },
  { "550 5.7.1 Rejected: 203.0.113.4 listed at psbl.surriel.com", "psbl", "203.0.113.4", NULL },
  { "554 5.7.1 Service unavailable; Client host [203.0.113.66] blocked using cblplus.anti-spam.org.cn",
    "casa", "203.0.113.66", NULL },
  { "554 DT:RBL 发送方IP地址在黑名单中 ip 203.0.113.90", "netease", "203.0.113.90", NULL },
  /* two lists at once, in the knowledge base's order */
  { "554 5.7.1 Rejected: 203.0.113.5 listed by bl.spamcop.net and zen.spamhaus.org",
    "spamhaus-zen,spamcop", "203.0.113.5", NULL },
  /* no name: the unnamed list, still with the IP */
  { "550 5.7.1 Client host [203.0.113.12] blocked using rbl.mail.example.net", "unnamed", "203.0.113.12", NULL },
  { "550 5.7.1 IP address blacklisted by recipient", "unnamed", NULL, NULL },
  /* not a list: words that only look alike */
  { "550 5.1.1 <absorbs@example.com>: Recipient address rejected: User unknown", "", NULL, NULL },
  { "552 5.2.2 Mailbox full; quota exceeded", "", NULL, NULL },
  { "", "", NULL, NULL },
};

static char *
ids_of (GPtrArray *hits)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < hits->len; i++)
    g_string_append_printf (out, "%s%s", i > 0 ? "," : "",
                            ((BbBlocklistHit *) g_ptr_array_index (hits, i))->list->id);
  return g_string_free (out, FALSE);
}

static void
test_scan (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GPtrArray) hits = bb_blocklist_scan (cases[i].text);
      g_autofree char *ids = ids_of (hits);

      g_test_message ("%s", cases[i].text);
      g_assert_cmpstr (ids, ==, cases[i].ids);
      if (hits->len == 0)
        continue;
      g_assert_cmpstr (((BbBlocklistHit *) g_ptr_array_index (hits, 0))->listed, ==, cases[i].listed);
      g_assert_cmpstr (((BbBlocklistHit *) g_ptr_array_index (hits, 0))->url, ==, cases[i].url);
    }
  {
    g_autoptr (GPtrArray) none = bb_blocklist_scan (NULL);
    g_assert_cmpuint (none->len, ==, 0);
  }
}

static void
test_table (void)
{
  guint              n = 0;
  const BbBlocklist *all = bb_blocklist_get_all (&n);

  g_assert_cmpuint (n, >=, 20);
  for (guint i = 0; i < n; i++)
    {
      g_assert_nonnull (all[i].advice);
      g_assert_true (bb_blocklist_lookup (all[i].id) == &all[i]);
      /* a list that exists can be looked up; a public DNS list has a zone */
      if (!all[i].defunct && all[i].kind != BB_BLOCKLIST_PRIVATE)
        g_assert_true (all[i].lookup_url != NULL || all[i].zone == NULL);
      if (all[i].lookup_url != NULL)
        g_assert_true (g_str_has_prefix (all[i].lookup_url, "https://") ||
                       g_str_has_prefix (all[i].lookup_url, "http://"));
    }
  g_assert_true (bb_blocklist_lookup ("sorbs")->defunct);
  g_assert_null (bb_blocklist_lookup ("no-such-list"));
  g_assert_null (bb_blocklist_lookup (NULL));
}

static void
test_find_ip (void)
{
  const struct
  {
    const char *text;
    const char *exclude;
    const char *ip;
  } ips[] = {
    /* the receiver's address after its name is skipped */
    { "host mx.example.com[192.0.2.1] said: 554 Client host [203.0.113.9] blocked", NULL, "203.0.113.9" },
    { "host mx.example.com [192.0.2.1]: 550 messages from 203.0.113.2 weren't sent", "192.0.2.1", "203.0.113.2" },
    { "550 see http://example.net/lookup?ip=198.51.100.1", NULL, "198.51.100.1" },
    /* a DNSBL answer, private and loopback addresses are nobody's */
    { "blocked: returned 127.0.0.2 for 10.1.2.3", NULL, NULL },
    { "from 192.168.1.20 via 172.16.5.5", NULL, NULL },
    /* not an address: version numbers, too many parts, big numbers */
    { "Postfix 3.7.10 on 999.1.1.1, 1.2.3 and 1.2.3.4.5", NULL, NULL },
    { "", NULL, NULL },
    { NULL, NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (ips); i++)
    {
      g_autofree char *ip = bb_blocklist_find_ip (ips[i].text, ips[i].exclude);

      g_assert_cmpstr (ip, ==, ips[i].ip);
    }

  g_assert_true (bb_blocklist_ip_is_public ("203.0.113.9"));
  g_assert_true (bb_blocklist_ip_is_public ("8.8.8.8"));
  g_assert_false (bb_blocklist_ip_is_public ("127.0.0.1"));
  g_assert_false (bb_blocklist_ip_is_public ("10.0.0.1"));
  g_assert_false (bb_blocklist_ip_is_public ("172.31.0.1"));
  g_assert_true (bb_blocklist_ip_is_public ("172.32.0.1"));
  g_assert_false (bb_blocklist_ip_is_public ("100.64.0.1"));
  g_assert_false (bb_blocklist_ip_is_public ("1.2.3.4.5"));
  g_assert_false (bb_blocklist_ip_is_public ("256.1.1.1"));
  g_assert_false (bb_blocklist_ip_is_public ("example.com"));
  g_assert_false (bb_blocklist_ip_is_public (NULL));
}

/* Through the analyser: a whole notice gets the list on its recipient,
 * and the advice names it, in the user's language. */
static void
test_in_diagnosis (void)
{
  static const char notice[] =
    "From: MAILER-DAEMON@mail.example.org\n"
    "To: rep@example.org\n"
    "Subject: Undelivered Mail Returned to Sender\n"
    "Date: Mon, 02 Mar 2026 10:00:00 +0800\n"
    "Content-Type: multipart/report; report-type=delivery-status; boundary=\"B\"\n"
    "MIME-Version: 1.0\n"
    "\n"
    "--B\n"
    "Content-Type: text/plain\n"
    "\n"
    "Your message could not be delivered.\n"
    "--B\n"
    "Content-Type: message/delivery-status\n"
    "\n"
    "Reporting-MTA: dns; mail.example.org\n"
    "\n"
    "Final-Recipient: rfc822; buyer@client.example\n"
    "Action: failed\n"
    "Status: 5.7.1\n"
    "Remote-MTA: dns; mx.client.example [192.0.2.25]\n"
    "Diagnostic-Code: smtp; 554 5.7.1 Service unavailable; Client host [203.0.113.44] blocked using "
    "zen.spamhaus.org; https://www.spamhaus.org/query/ip/203.0.113.44\n"
    "--B--\n";
  g_autoptr (GBytes) bytes = g_bytes_new_static (notice, sizeof notice - 1);
  g_autoptr (BbBounce) bounce = bb_analyze_bytes (bytes, "test");
  BbRecipient *r;
  GPtrArray   *hits;
  g_autoptr (GPtrArray) steps = NULL;
  gboolean     named = FALSE;

  g_assert_cmpuint (bb_bounce_get_n_recipients (bounce), ==, 1);
  r = bb_bounce_get_recipient (bounce, 0);
  g_assert_cmpint (bb_recipient_get_category (r), ==, BB_CATEGORY_REPUTATION);
  g_assert_cmpstr (bb_recipient_get_sending_ip (r), ==, "203.0.113.44");
  hits = bb_recipient_get_blocklists (r);
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpstr (((BbBlocklistHit *) g_ptr_array_index (hits, 0))->list->id, ==, "spamhaus-zen");
  g_assert_cmpstr (((BbBlocklistHit *) g_ptr_array_index (hits, 0))->listed, ==, "203.0.113.44");

  steps = bb_advice_steps (bounce, r);
  for (guint i = 0; i < steps->len; i++)
    if (strstr (g_ptr_array_index (steps, i), "Spamhaus ZEN") != NULL &&
        strstr (g_ptr_array_index (steps, i), "203.0.113.44") != NULL)
      named = TRUE;
  g_assert_true (named);
}

/* No IP in the refusal: the one the returned original's headers record
 * for the rep's own connection (X-Originating-IP). */
static void
test_ip_from_original (void)
{
  static const char notice[] =
    "From: MAILER-DAEMON@example.org\n"
    "Subject: Undelivered\n"
    "Content-Type: multipart/report; report-type=delivery-status; boundary=\"B\"\n"
    "MIME-Version: 1.0\n\n"
    "--B\nContent-Type: message/delivery-status\n\n"
    "Reporting-MTA: dns; mail.example.org\n\n"
    "Final-Recipient: rfc822; buyer@client.example\nAction: failed\nStatus: 5.7.1\n"
    "Diagnostic-Code: smtp; 554 5.7.1 rejected: listed on Barracuda Reputation Block List\n\n"
    "--B\nContent-Type: message/rfc822\n\n"
    "From: rep@example.org\nTo: buyer@client.example\nSubject: Quote\n"
    "X-Originating-IP: [203.0.113.77]\n\nHello\n"
    "--B--\n";
  g_autoptr (BbBounce) bounce = bb_analyze_text (notice, "test");
  BbRecipient *r = bb_bounce_get_recipient (bounce, 0);
  GPtrArray   *hits = bb_recipient_get_blocklists (r);

  g_assert_cmpstr (bb_recipient_get_sending_ip (r), ==, "203.0.113.77");
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpstr (((BbBlocklistHit *) g_ptr_array_index (hits, 0))->list->id, ==, "barracuda");
  g_assert_cmpstr (((BbBlocklistHit *) g_ptr_array_index (hits, 0))->listed, ==, "203.0.113.77");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  bb_core_init ();

  g_test_add_func ("/bb/core/blocklist/scan", test_scan);
  g_test_add_func ("/bb/core/blocklist/table", test_table);
  g_test_add_func ("/bb/core/blocklist/find-ip", test_find_ip);
  g_test_add_func ("/bb/core/blocklist/in-diagnosis", test_in_diagnosis);
  g_test_add_func ("/bb/core/blocklist/ip-from-original", test_ip_from_original);
  return g_test_run ();
}
