/* test-core-provider.c - provider recognition and provider-specific codes
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bb-core.h"
#include "bb-provider-codes.h"
#include "bb-provider.h"

#include <locale.h>

typedef struct
{
  const char *input;
  const char *provider_id; /* NULL: not recognised */
} Case;

static const Case host_cases[] = {
  { "aspmx.l.google.com", "google" },
  { "gmail-smtp-in.l.google.com", "google" },
  { "gmr-smtp-in.l.google.com.", "google" },
  { "ASPMX2.GOOGLEMAIL.COM", "google" },
  { "mail-sor-f41.google.com", "google" },
  { "hotmail-com.olc.protection.outlook.com", "microsoft" },
  { "example-com.mail.protection.outlook.com", "microsoft" },
  { "example.com.mail.protection.outlook.com[198.51.100.2]", "microsoft" },
  { "DB5PR02MB1234.eurprd02.prod.outlook.com", "microsoft" },
  { "mx4.hotmail.com", "microsoft" },
  { "mta6.am0.yahoodns.net", "yahoo" },
  { "mx-aol.mail.gm0.yahoodns.net", "yahoo" },
  { "mx.mail.yahoo.co.jp", "yahoo-japan" },
  { "mx01.mail.icloud.com", "apple" },
  { "mx1.exmail.qq.com", "exmail" },
  { "mxbiz1.qq.com", "exmail" },
  { "mx3.qq.com", "tencent" },
  { "mx3.qq.com[103.7.30.40]", "tencent" },
  { "dns; mx2.qq.com", "tencent" },
  { "163mx01.mxmail.netease.com", "netease" },
  { "126mx00.mxmail.netease.com", "netease" },
  { "163mx3.163.com", "netease" },
  { "qiye163mx01.mxmail.netease.com", "netease-qiye" },
  { "hzmx01.mxmail.netease.com", "netease-qiye" },
  { "mx.qiye.163.com", "netease-qiye" },
  { "mxw.mxhichina.com", "alibaba" },
  { "mx1.aliyun-inc.com", "alibaba" },
  { "mx.icoremail.net", "coremail" },
  { "mx.sina.net", "sina" },
  { "mx.263.net", "net263" },
  { "mx.zoho.com", "zoho" },
  { "mx.yandex.ru", "yandex" },
  { "mxs.mail.ru", "mailru" },
  { "mx00.emig.gmx.net", "gmx" },
  { "mx-ha03.web.de", "gmx" },
  { "service222.mimecast.com", "mimecast" },
  { "mx0a-00123456.pphosted.com", "proofpoint" },
  { "d123456a.ess.barracudanetworks.com", "barracuda" },
  { "cluster1.eu.messagelabs.com", "messagelabs" },
  { "mx1.hc1234-56.iphmx.com", "cisco-ironport" },
  { "inbound-smtp.us-east-1.amazonaws.com", "amazon-ses" },
  { "smtp.secureserver.net", "godaddy" },
  { "smtp-in.orange.fr", "orange" },
  { "smtpz4.laposte.net", "laposte" },
  { "cxr.mx.a.cloudfilter.net", "cox" },
  { "mx1.naver.com", "naver" },
  { "mx.example.com", NULL },
  { "mail.qq.example.cn", NULL },
  { "ec2-1-2-3-4.compute-1.amazonaws.com", NULL },
  { "notgoogle.com", NULL },
  { "[192.0.2.1]", NULL },
  { "192.0.2.1", NULL },
  { "", NULL },
};

static const Case domain_cases[] = {
  { "gmail.com", "google" },
  { "GoogleMail.com", "google" },
  { "outlook.com", "microsoft" },
  { "hotmail.co.uk", "microsoft" },
  { "hotmail.fr", "microsoft" },
  { "live.com.ar", "microsoft" },
  { "msn.com", "microsoft" },
  { "yahoo.com", "yahoo" },
  { "yahoo.fr", "yahoo" },
  { "yahoo.co.jp", "yahoo-japan" },
  { "aol.com", "yahoo" },
  { "ymail.com", "yahoo" },
  { "icloud.com", "apple" },
  { "me.com", "apple" },
  { "qq.com", "tencent" },
  { "vip.qq.com", "tencent" },
  { "foxmail.com", "tencent" },
  { "163.com", "netease" },
  { "126.com", "netease" },
  { "yeah.net", "netease" },
  { "vip.163.com", "netease" },
  { "188.com", "netease" },
  { "aliyun.com", "alibaba" },
  { "sina.com", "sina" },
  { "sina.cn", "sina" },
  { "sohu.com", "sohu" },
  { "263.net", "net263" },
  { "zoho.com", "zoho" },
  { "yandex.ru", "yandex" },
  { "yandex.com", "yandex" },
  { "mail.ru", "mailru" },
  { "bk.ru", "mailru" },
  { "gmx.de", "gmx" },
  { "gmx.net", "gmx" },
  { "web.de", "gmx" },
  { "naver.com", "naver" },
  { "hanmail.net", "daum" },
  { "wanadoo.fr", "orange" },
  { "comcast.net", "comcast" },
  { "sbcglobal.net", "att" },
  { "<Gmail.COM.>", "google" },
  { "john.smith@hotmail.com", "microsoft" },
  { "example.com", NULL },
  { "acme.com.cn", NULL },
  { "live.example.com", NULL },
  { "hotmail.co", NULL },
  { "mail.qq.com.example.org", NULL },
  { "", NULL },
};

typedef const BbProvider *(*LookupFunc) (const char *input);

static void
check_cases (const Case *cases,
             gsize       n_cases,
             LookupFunc  lookup)
{
  for (gsize i = 0; i < n_cases; i++)
    {
      const BbProvider *provider = lookup (cases[i].input);

      g_test_message ("%s", cases[i].input);
      if (cases[i].provider_id == NULL)
        g_assert_null (provider);
      else
        {
          g_assert_nonnull (provider);
          g_assert_cmpstr (provider->id, ==, cases[i].provider_id);
        }
    }
}

static void
test_for_host (void)
{
  check_cases (host_cases, G_N_ELEMENTS (host_cases), bb_provider_for_host);
}

static void
test_for_domain (void)
{
  check_cases (domain_cases, G_N_ELEMENTS (domain_cases), bb_provider_for_domain);
}

static void
test_lookup_id (void)
{
  static const char *const ids[] = {
    "google",
    "microsoft",
    "yahoo",
    "apple",
    "tencent",
    "exmail",
    "netease",
    "netease-qiye",
    "alibaba",
    "coremail",
    "sina",
    "sohu",
    "net263",
    "zoho",
    "yandex",
    "mailru",
    "gmx",
    "amazon-ses",
    "sendgrid",
    "mimecast",
    "proofpoint",
    "barracuda",
    "messagelabs",
    "cisco-ironport",
    "trendmicro",
    "godaddy",
    "ovh",
    "orange",
    "comcast",
    "att",
    "verizon",
    "cox",
    "naver",
    "daum",
    "company",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      const BbProvider *provider = bb_provider_lookup_id (ids[i]);

      g_assert_nonnull (provider);
      g_assert_cmpstr (provider->id, ==, ids[i]);
      g_assert_nonnull (provider->name);
      g_assert_cmpstr (bb_provider_get_display_name (provider), !=, "");
    }

  g_assert_null (bb_provider_lookup_id ("no-such-provider"));
  g_assert_null (bb_provider_lookup_id (""));
}

static void
test_personal (void)
{
  g_assert_true (bb_provider_lookup_id ("google")->personal);
  g_assert_true (bb_provider_lookup_id ("tencent")->personal);
  g_assert_true (bb_provider_lookup_id ("netease")->personal);
  g_assert_true (bb_provider_lookup_id ("microsoft")->personal);
  g_assert_true (bb_provider_for_domain ("163.com")->personal);
  g_assert_false (bb_provider_lookup_id ("exmail")->personal);
  g_assert_false (bb_provider_lookup_id ("netease-qiye")->personal);
  g_assert_false (bb_provider_lookup_id ("mimecast")->personal);
  g_assert_false (bb_provider_lookup_id ("amazon-ses")->personal);
  g_assert_false (bb_provider_for_host ("mxbiz2.qq.com")->personal);
}

static void
test_company (void)
{
  const BbProvider *company = bb_provider_company_server ();

  g_assert_nonnull (company);
  g_assert_cmpstr (company->id, ==, "company");
  g_assert_false (company->personal);
  g_assert_true (bb_provider_lookup_id ("company") == company);
  g_assert_cmpstr (bb_provider_get_display_name (company), ==, "Company mail server");
}

static void
test_display_name (void)
{
  /* LC_ALL=C.UTF-8: the untranslated English name comes back */
  g_assert_cmpstr (bb_provider_get_display_name (bb_provider_lookup_id ("google")),
                   ==, "Google (Gmail / Workspace)");
  g_assert_cmpstr (bb_provider_get_display_name (bb_provider_lookup_id ("tencent")),
                   ==, "QQ Mail (Tencent)");
  g_assert_cmpstr (bb_provider_get_display_name (bb_provider_lookup_id ("netease")),
                   ==, "NetEase Mail (163 / 126)");
  g_assert_cmpstr (bb_provider_get_display_name (bb_provider_lookup_id ("alibaba")),
                   ==, "Alibaba Mail (Aliyun)");
}

typedef struct
{
  const char *provider_id; /* the provider passed in, may be NULL */
  const char *diagnostic;
  const char *code;  /* NULL: no match expected */
  const char *owner; /* expected provider_id of the entry */
  const char *reason;
  BbCategory  category;
  BbSide      side;
} CodeCase;

static const CodeCase code_cases[] = {
  { "microsoft",
    "550 5.7.1 Unfortunately, messages from [192.0.2.1] weren't sent. Please contact your Internet service provider since part of their network is on our block list (S3150). You can also refer your provider to http://mail.live.com/mail/troubleshooting.aspx#errors.",
    "S3150", "microsoft", "blocked", BB_CATEGORY_REPUTATION, BB_SIDE_SENDER },
  { NULL,
    "550 5.7.1 Unfortunately, messages from [192.0.2.1] weren't sent. (S3150)",
    "S3150", "microsoft", "blocked", BB_CATEGORY_REPUTATION, BB_SIDE_SENDER },
  { NULL,
    "ESO_LOCAL_SPAM: spamed by local spam engine",
    "ESO_LOCAL_SPAM", "alibaba", "spamdetected", BB_CATEGORY_CONTENT, BB_SIDE_SENDER },
  { NULL,
    "eso_local_spam: spamed by local spam engine",
    "ESO_LOCAL_SPAM", "alibaba", "spamdetected", BB_CATEGORY_CONTENT, BB_SIDE_SENDER },
  { "google",
    "554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org; https://www.spamhaus.org/query/ip/192.0.2.1",
    "Spamhaus ZEN", NULL, "blocked", BB_CATEGORY_REPUTATION, BB_SIDE_SENDER },
  { NULL,
    "553 http://www.spamhaus.org/query/bl?ip=192.0.2.222",
    "Spamhaus", NULL, "blocked", BB_CATEGORY_REPUTATION, BB_SIDE_SENDER },
  { NULL,
    "550 5.7.1 Service unavailable; client [192.0.2.1] blocked using pbl.spamhaus.org",
    "Spamhaus PBL", NULL, "blocked", BB_CATEGORY_REPUTATION, BB_SIDE_SENDER },
  { NULL,
    "554 Service unavailable; Client host [192.0.2.1] blocked using Barracuda Reputation; http://www.barracudanetworks.com/reputation/?pr=1&ip=192.0.2.1",
    "554", "barracuda", "blocked", BB_CATEGORY_REPUTATION, BB_SIDE_SENDER },
  { NULL,
    "550 5.7.606 Access denied, banned sending IP [198.51.100.222]. To request removal from this list please visit https://sender.office.com/",
    "5.7.606", "microsoft", "blocked", BB_CATEGORY_REPUTATION, BB_SIDE_SENDER },
  { "microsoft",
    "550 5.4.1 [kijitora@example.org]: Recipient address rejected: Access denied. AS(201806281) [DB5EUR03FT010.eop-EUR03.prod.protection.outlook.com]",
    "AS(201806281)", "microsoft", "userunknown", BB_CATEGORY_ADDRESS, BB_SIDE_RECIPIENT },
  { NULL,
    "550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup",
    "5.1.10", "microsoft", "userunknown", BB_CATEGORY_ADDRESS, BB_SIDE_RECIPIENT },
  { "microsoft",
    "550 5.4.1 Relay Access Denied",
    "5.4.1", "microsoft", "norelaying", BB_CATEGORY_DOMAIN, BB_SIDE_RECIPIENT },
  { NULL,
    "550 5.7.515 Access denied, sending domain QQ.COM doesn't meet the required authentication level. Spf= Fail , Dkim= Pass , DMARC= Pass",
    "5.7.515", "microsoft", "authfailure", BB_CATEGORY_AUTHENTICATION, BB_SIDE_SENDER },
  /* A Postfix-joined multi-line Gmail reply */
  { "google",
    "550-5.7.1 [192.0.2.1 12] Our system has detected that this message is 550-5.7.1 likely unsolicited mail. To reduce the amount of spam sent to Gmail, 550-5.7.1 this message has been blocked. Please visit 550 5.7.1 https://support.google.com/mail/?p=UnsolicitedMessageError x1si123 - gsmtp",
    "5.7.1", "google", "spamdetected", BB_CATEGORY_CONTENT, BB_SIDE_SENDER },
  /* The same, folded over several lines */
  { "google",
    "550-5.7.26 This mail has been blocked because the sender is\n    550-5.7.26 unauthenticated. Gmail requires all senders to authenticate with\n    550-5.7.26 either SPF or DKIM.\n    550 5.7.26  Authentication results: - gsmtp",
    "5.7.26", "google", "authfailure", BB_CATEGORY_AUTHENTICATION, BB_SIDE_SENDER },
  { "google",
    "550 5.2.1 The email account that you tried to reach is disabled. g0000000000ggg.00",
    "5.2.1", "google", "suspend", BB_CATEGORY_MAILBOX, BB_SIDE_RECIPIENT },
  { "yahoo",
    "421 4.7.0 [TSS04] Messages from 192.0.2.1 temporarily deferred due to unexpected volume or user complaints",
    "TSS04", "yahoo", "badreputation", BB_CATEGORY_REPUTATION, BB_SIDE_SENDER },
  { NULL,
    "554 delivery error: dd This user doesn't have a yahoo.com account (x@yahoo.com) [0] - mta1061.mail.ne1.yahoo.com",
    "554", "yahoo", "userunknown", BB_CATEGORY_ADDRESS, BB_SIDE_RECIPIENT },
  { "tencent",
    "550 Ip frequency\n    limited",
    "550", "tencent", "toomanyconn", BB_CATEGORY_RATE_LIMITED, BB_SIDE_SENDER },
  { NULL,
    "550 Connection frequency limited. http://service.mail.qq.com/cgi-bin/help?subtype=1&&id=20022&&no=1000722",
    "550", "tencent", "toomanyconn", BB_CATEGORY_RATE_LIMITED, BB_SIDE_SENDER },
  { "exmail",
    "550 Mailbox not found. http://service.exmail.qq.com/cgi-bin/help?subtype=1&&id=20022&&no=1000728",
    "550", "tencent", "userunknown", BB_CATEGORY_ADDRESS, BB_SIDE_RECIPIENT },
  /* Too common to be trusted without knowing the provider */
  { NULL,
    "550 Mailbox not found",
    NULL, NULL, NULL, BB_CATEGORY_UNKNOWN, BB_SIDE_UNKNOWN },
  { NULL,
    "451 DT:SPM 163 smtp14,EsCowACHy5bQ+tdf4nEDBw--.20510S2 1607990481, please try again",
    "DT:SPM", "netease", "spamdetected", BB_CATEGORY_CONTENT, BB_SIDE_SENDER },
  { "netease",
    "554 DT:SPM 163 smtp10,DsCowAAnJ3FsJ9lfRkBSAw--.57S2 1608066926,please see http://mail.163.com/help/help_spam_16.htm?ip=1.2.3.4",
    "DT:SPM", "netease", "spamdetected", BB_CATEGORY_CONTENT, BB_SIDE_SENDER },
  { NULL,
    "451 MI:SFQ 126 smtp1,...",
    "MI:SFQ", "netease", "speeding", BB_CATEGORY_RATE_LIMITED, BB_SIDE_SENDER },
  { "netease-qiye",
    "550 User suspended",
    "550", "netease", "suspend", BB_CATEGORY_MAILBOX, BB_SIDE_RECIPIENT },
  { "mimecast",
    "554 email rejected due to security policies - MCSpamSignature.sa.2.2",
    "554", "mimecast", "virusdetected", BB_CATEGORY_CONTENT, BB_SIDE_SENDER },
  { "cox",
    "550 5.1.0 <bounce@example.com> sender rejected. Refer to Error Codes section at https://www.cox.com/residential/support/email-error-codes.html for more information. AUP#CDRBL",
    "AUP#CDRBL", "cox", "blocked", BB_CATEGORY_REPUTATION, BB_SIDE_SENDER },
  { "orange",
    "550 mwinf5c04 ME Adresse IP source bloquee pour incident de spam. Client host blocked for spamming issues. OFR006_102 Ref http://csi.cloudmark.com/reset-request/?ip=192.0.2.1 [102]",
    "102", "orange", "blocked", BB_CATEGORY_REPUTATION, BB_SIDE_SENDER },
  { NULL,
    "Blocked - see https://www.spamcop.net/bl.shtml?192.0.2.1",
    "SpamCop", NULL, "blocked", BB_CATEGORY_REPUTATION, BB_SIDE_SENDER },
  { NULL,
    "550 5.7.1 Your message was rejected due to example.org's DMARC policy.",
    "DMARC", NULL, "authfailure", BB_CATEGORY_AUTHENTICATION, BB_SIDE_SENDER },
  { "microsoft",
    "550 5.1.1 User unknown",
    NULL, NULL, NULL, BB_CATEGORY_UNKNOWN, BB_SIDE_UNKNOWN },
  { NULL,
    "",
    NULL, NULL, NULL, BB_CATEGORY_UNKNOWN, BB_SIDE_UNKNOWN },
};

static void
test_code_match (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (code_cases); i++)
    {
      const CodeCase       *c = &code_cases[i];
      const BbProvider     *provider = NULL;
      const BbProviderCode *code;
      g_autofree char      *lower = g_ascii_strdown (c->diagnostic, -1);

      g_test_message ("%s: %s", c->provider_id ? c->provider_id : "(none)", c->diagnostic);

      if (c->provider_id != NULL)
        {
          provider = bb_provider_lookup_id (c->provider_id);
          g_assert_nonnull (provider);
        }

      code = bb_provider_code_match (provider, lower);
      if (c->code == NULL)
        {
          g_assert_null (code);
          continue;
        }

      g_assert_nonnull (code);
      g_assert_cmpstr (code->code, ==, c->code);
      g_assert_cmpstr (code->provider_id, ==, c->owner);
      g_assert_cmpstr (code->reason, ==, c->reason);
      g_assert_cmpint (code->category, ==, c->category);
      g_assert_cmpint (code->side, ==, c->side);
      g_assert_nonnull (code->note);
      g_assert_cmpstr (code->note, !=, "");
    }
}

static void
test_code_match_provider_gate (void)
{
  const BbProvider *tencent = bb_provider_lookup_id ("tencent");
  const BbProvider *google = bb_provider_lookup_id ("google");

  /* QQ's plain "mailbox not found" only counts on QQ's servers */
  g_assert_nonnull (bb_provider_code_match (tencent, "550 mailbox not found"));
  g_assert_null (bb_provider_code_match (google, "550 mailbox not found"));

  /* The code may also be passed in mixed case */
  g_assert_nonnull (bb_provider_code_match (NULL, "ESO_LOCAL_SPAM: spamed by local spam engine"));
}

/* X.1.10 is RFC 7505's null MX, and what Microsoft answers for an address
 * its directory does not know: the server's own words tell which. */
static void
test_overloaded_1_10 (void)
{
  const struct
  {
    const char *text;
    const char *reason;
    BbCategory  category;
  } cases[] = {
    { "550 5.1.10 <ann@client.example>: The email address wasn't found at the destination domain. "
      "It might be misspelled or it might not exist any longer.",
      "userunknown", BB_CATEGORY_ADDRESS },
    { "550 5.1.10 <ann@client.example>: Recipient address rejected: the domain publishes a null MX "
      "and accepts no mail",
      "notaccept", BB_CATEGORY_DOMAIN },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (BbBounce) bounce = bb_analyze_text (cases[i].text, "pasted");
      BbRecipient *r;

      g_assert_cmpuint (bb_bounce_get_n_recipients (bounce), ==, 1);
      r = bb_bounce_get_recipient (bounce, 0);
      g_assert_cmpstr (bb_recipient_get_reason (r), ==, cases[i].reason);
      g_assert_cmpint (bb_recipient_get_category (r), ==, cases[i].category);
      g_assert_true (bb_recipient_get_hard_bounce (r));
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  bb_core_init ();
  g_test_add_func ("/bb/core/provider/overloaded-1-10", test_overloaded_1_10);

  g_test_add_func ("/bb/core/provider/for-host", test_for_host);
  g_test_add_func ("/bb/core/provider/for-domain", test_for_domain);
  g_test_add_func ("/bb/core/provider/lookup-id", test_lookup_id);
  g_test_add_func ("/bb/core/provider/personal", test_personal);
  g_test_add_func ("/bb/core/provider/company", test_company);
  g_test_add_func ("/bb/core/provider/display-name", test_display_name);
  g_test_add_func ("/bb/core/provider/code-match", test_code_match);
  g_test_add_func ("/bb/core/provider/code-match-provider-gate", test_code_match_provider_gate);

  return g_test_run ();
}
