/* test-core-typo.c - "did you mean …?" for misspelt mail domains
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bb-core.h"
#include "bb-typo.h"

#include <locale.h>

typedef struct
{
  const char *typed;
  const char *expected;
} Case;

static const Case positive_domains[] = {
  /* Explicit table */
  { "gmial.com", "gmail.com" },
  { "gamil.com", "gmail.com" },
  { "gmai.com", "gmail.com" },
  { "gnail.com", "gmail.com" },
  { "gmail.nte", "gmail.com" },
  { "hotmial.com", "hotmail.com" },
  { "hotmal.com", "hotmail.com" },
  { "outlok.com", "outlook.com" },
  { "yaho.com", "yahoo.com" },
  { "yahooo.com", "yahoo.com" },
  { "136.com", "163.com" },
  { "162.com", "163.com" },
  { "163.com.cn", "163.com" },
  { "qqq.com", "qq.com" },
  { "qq.cn", "qq.com" },
  { "foxmial.com", "foxmail.com" },
  { "souhu.com", "sohu.com" },
  /* A popular name with a broken or typo-prone suffix */
  { "gmail.con", "gmail.com" },
  { "gmail.cm", "gmail.com" },
  { "gmail.co", "gmail.com" },
  { "gmail.cmo", "gmail.com" },
  { "gmail.ocm", "gmail.com" },
  { "hotmail.con", "hotmail.com" },
  { "hotmail.co", "hotmail.com" },
  { "outlook.co", "outlook.com" },
  { "yahoo.co", "yahoo.com" },
  { "qq.con", "qq.com" },
  { "qq.cm", "qq.com" },
  { "qq.co", "qq.com" },
  { "qq.comm", "qq.com" },
  { "163.con", "163.com" },
  { "163.cm", "163.com" },
  { "126.con", "126.com" },
  { "sina.con", "sina.com" },
  { "aliyun.con", "aliyun.com" },
  { "gmx.dr", "gmx.de" },
  { "hotmail.co.ukk", "hotmail.co.uk" },
  /* Fuzzy matches of the name */
  { "gmaill.con", "gmail.com" },
  { "gmial.con", "gmail.com" },
  { "hotmaik.com", "hotmail.com" },
  { "hotmaill.co.uk", "hotmail.co.uk" },
  { "yahooo.co.uk", "yahoo.co.uk" },
  { "iclaud.com", "icloud.com" },
  { "outlool.com", "outlook.com" },
  { "foxmial.con", "foxmail.com" },
  { "rediffmial.com", "rediffmail.com" },
  { "btinternt.com", "btinternet.com" },
  { "vip.136.com", "vip.163.com" },
  /* Plain suffix fixes on any domain */
  { "company.con", "company.com" },
  { "acme-trading.comm", "acme-trading.com" },
  { "example.nte", "example.net" },
  { "example.comcn", "example.com.cn" },
  /* Clean-up of what Chinese input methods produce */
  { "ｇｍａｉｌ.com", "gmail.com" },
  { "client。com", "client.com" },
  { "client．com", "client.com" },
  { "client.c n", "client.cn" },
  /* More slips seen in the wild */
  { "gmal.com", "gmail.com" },
  { "gmali.com", "gmail.com" },
  { "hotmai.com", "hotmail.com" },
  { "hotmil.com", "hotmail.com" },
  { "hotnail.com", "hotmail.com" },
  { "outook.com", "outlook.com" },
  { "outllok.com", "outlook.com" },
  { "yhoo.com", "yahoo.com" },
  { "yahho.com", "yahoo.com" },
  { "iclod.com", "icloud.com" },
  { "icoud.com", "icloud.com" },
  { "foxmai.com", "foxmail.com" },
  { "sina.cmo", "sina.com" },
  { "company.cpm", "company.com" },
  { "company.xom", "company.com" },
  { "example.ogr", "example.org" },
  /* Case and decoration are tolerated */
  { "GMIAL.COM", "gmail.com" },
  { " <gmial.com.> ", "gmail.com" },
};

static const char *const negative_domains[] = {
  "gmail.com",
  "gmx.com",
  "gmx.de",
  "gmx.net",
  "mail.ru",
  "bk.ru",
  "163.com",
  "126.com",
  "qq.com",
  "vip.qq.com",
  "foxmail.com",
  "yahoo.co.jp",
  "web.de",
  "hotmail.co.uk",
  "hotmail.fr",
  "live.com",
  "me.com",
  "ymail.com",
  "email.com",
  "yahoo.com.cn",
  "163.net",
  "gmail.de",
  "example.com",
  "example.org",
  "acme.com.cn",
  "company.cn",
  "company.co",
  "company.om",
  "company.com.cm",
  "line.com",
  "love.com",
  "soho.com",
  "naver.com",
  "hanmail.net",
  "rodgers.com",
  "libera.org",
  "sales.acme.co.uk",
  "GMAIL.COM",
  "gmail.com.",
  "<qq.com>",
  "",
  "localhost",
  "[192.0.2.1]",
  /* more correct domains, of clients and of reps */
  "googlemail.com",
  "outlook.com",
  "hotmail.com",
  "yahoo.com",
  "icloud.com",
  "aol.com",
  "proton.me",
  "protonmail.com",
  "zoho.com",
  "yandex.ru",
  "yandex.com",
  "t-online.de",
  "orange.fr",
  "wanadoo.fr",
  "libero.it",
  "wp.pl",
  "seznam.cz",
  "rediffmail.com",
  "yahoo.co.in",
  "bol.com.br",
  "uol.com.br",
  "comcast.net",
  "att.net",
  "shaw.ca",
  "daum.net",
  "bigpond.com",
  "yeah.net",
  "vip.163.com",
  "188.com",
  "sina.cn",
  "sohu.com",
  "aliyun.com",
  "139.com",
  "189.cn",
  "tom.com",
  "21cn.com",
  "acme-trading.de",
  "steelpipe.com.tr",
  "buyer.co.za",
};

static void
test_positive_domains (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (positive_domains); i++)
    {
      g_autofree char *suggestion = bb_typo_suggest_domain (positive_domains[i].typed);

      g_test_message ("%s", positive_domains[i].typed);
      g_assert_cmpstr (suggestion, ==, positive_domains[i].expected);
    }
}

static void
test_negative_domains (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (negative_domains); i++)
    {
      g_autofree char *suggestion = bb_typo_suggest_domain (negative_domains[i]);

      g_test_message ("%s", negative_domains[i]);
      g_assert_null (suggestion);
    }
}

static const Case address_cases[] = {
  { "john.smith@gmial.com", "john.smith@gmail.com" },
  { "John.Smith@Hotmial.com", "John.Smith@hotmail.com" },
  { "<buyer@qq.con>", "buyer@qq.com" },
  { "mailto:buyer@163.cm", "buyer@163.com" },
  { "sales@acme.con", "sales@acme.com" },
  { "john＠client.com", "john@client.com" },
  { "ｊｏｈｎ@gmail.com", "john@gmail.com" },
  { "john @gmail.com", "john@gmail.com" },
  { "john@gmail.com", NULL },
  { "John@GMAIL.COM", NULL },
  { "<john@qq.com>", NULL },
  { "john@gmail.com.", NULL },
  { "sales@acme.com.cn", NULL },
  { "sales@company.co", NULL },
  { "no-at-sign.example.com", NULL },
  { "@gmial.com", NULL },
  { "john@", NULL },
  { "", NULL },
};

static void
test_addresses (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (address_cases); i++)
    {
      g_autofree char *suggestion = bb_typo_suggest_address (address_cases[i].typed);

      g_test_message ("%s", address_cases[i].typed);
      g_assert_cmpstr (suggestion, ==, address_cases[i].expected);
    }
}

static void
test_invalid_utf8 (void)
{
  g_autofree char *domain = bb_typo_suggest_domain ("gm\xffil.com");
  g_autofree char *address = bb_typo_suggest_address ("a@gm\xffil.com");

  g_assert_null (domain);
  g_assert_null (address);
}

/* The user's own domains: a slip of a company domain the user mails is
 * caught; the domains themselves, popular ones and short names are not
 * touched. */
static void
test_known_domains (void)
{
  const char *const known[] = { "company.com", "acme-trading.de", "steelworks.com.tr", "abc.com", "abd.com",
                                "northwind.com", "northwood.com", NULL };
  const struct
  {
    const char *typed;
    const char *expected;
  } cases[] = {
    { "tom@companay.com", "tom@company.com" },
    { "tom@compnay.com", "tom@company.com" },
    { "Hans@acme-tradng.de", "Hans@acme-trading.de" },
    { "ali@stelworks.com.tr", "ali@steelworks.com.tr" },
    /* the known domain itself */
    { "tom@company.com", NULL },
    { "tom@COMPANY.com", NULL },
    /* another suffix is another domain */
    { "tom@companay.de", NULL },
    /* short names: too many real neighbours */
    { "tom@abe.com", NULL },
    /* two known domains equally close: no guess */
    { "tom@northwond.com", NULL },
    /* far from everything */
    { "tom@globex.com", NULL },
    /* the popular fixes still come first */
    { "tom@gmial.com", "tom@gmail.com" },
    /* full-width forms from Chinese input methods */
    { "tom＠companay。com", "tom@company.com" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *suggestion = bb_typo_suggest_address_known (cases[i].typed, known);

      g_test_message ("%s", cases[i].typed);
      g_assert_cmpstr (suggestion, ==, cases[i].expected);
    }
  /* without known domains it is bb_typo_suggest_address() */
  {
    g_autofree char *plain = bb_typo_suggest_address_known ("tom@companay.com", NULL);
    g_autofree char *popular = bb_typo_suggest_address_known ("tom@gmial.com", NULL);

    g_assert_null (plain);
    g_assert_cmpstr (popular, ==, "tom@gmail.com");
  }
}

/* Through a whole bounce: the user's known domain corrects a refused
 * address, and only that one. */
static void
test_bounce_known_domains (void)
{
  static const char notice[] =
    "From: MAILER-DAEMON@mail.example.org\n"
    "Subject: Undelivered Mail Returned to Sender\n"
    "Content-Type: multipart/report; report-type=delivery-status; boundary=\"B\"\n"
    "MIME-Version: 1.0\n\n"
    "--B\nContent-Type: message/delivery-status\n\n"
    "Reporting-MTA: dns; mail.example.org\n\n"
    "Final-Recipient: rfc822; tom@companay.com\nAction: failed\nStatus: 5.1.2\n"
    "Diagnostic-Code: smtp; 550 5.1.2 Host unknown: domain companay.com not found\n\n"
    "Final-Recipient: rfc822; ann@company.com\nAction: failed\nStatus: 4.2.2\n"
    "Diagnostic-Code: smtp; 452 4.2.2 Mailbox full\n"
    "--B--\n";
  const char *const known[] = { "company.com", NULL };
  g_autoptr (BbBounce) bounce = bb_analyze_text (notice, "test");

  g_assert_cmpuint (bb_bounce_get_n_recipients (bounce), ==, 2);
  g_assert_null (bb_recipient_get_typo_suggestion (bb_bounce_get_recipient (bounce, 0)));
  g_assert_cmpuint (bb_bounce_suggest_from_known_domains (bounce, known), ==, 1);
  g_assert_cmpstr (bb_recipient_get_typo_suggestion (bb_bounce_get_recipient (bounce, 0)), ==, "tom@company.com");
  /* a full mailbox is not a typo */
  g_assert_null (bb_recipient_get_typo_suggestion (bb_bounce_get_recipient (bounce, 1)));
  /* twice: nothing more */
  g_assert_cmpuint (bb_bounce_suggest_from_known_domains (bounce, known), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  bb_core_init ();

  g_test_add_func ("/bb/core/typo/positive", test_positive_domains);
  g_test_add_func ("/bb/core/typo/negative", test_negative_domains);
  g_test_add_func ("/bb/core/typo/address", test_addresses);
  g_test_add_func ("/bb/core/typo/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/bb/core/typo/known-domains", test_known_domains);
  g_test_add_func ("/bb/core/typo/bounce-known-domains", test_bounce_known_domains);

  return g_test_run ();
}
