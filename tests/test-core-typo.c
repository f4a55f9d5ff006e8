/* test-core-typo.c - "did you mean …?" for misspelt mail domains
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

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

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/bb/core/typo/positive", test_positive_domains);
  g_test_add_func ("/bb/core/typo/negative", test_negative_domains);
  g_test_add_func ("/bb/core/typo/address", test_addresses);
  g_test_add_func ("/bb/core/typo/invalid-utf8", test_invalid_utf8);

  return g_test_run ();
}
