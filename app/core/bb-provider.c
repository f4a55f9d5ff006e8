/* bb-provider.c - mail providers recognised on either side of a bounce
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bb-provider.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* Everything here is a static const table scanned linearly: the tables
 * are small, lookups are rare (a few per bounce) and nothing has to be
 * built or cached at run time.
 */

static const BbProvider providers[] = {
  /* The big international mailbox providers */
  { "google", N_ ("Google (Gmail / Workspace)"), TRUE },
  { "microsoft", N_ ("Microsoft (Outlook.com / Microsoft 365)"), TRUE },
  { "yahoo", N_ ("Yahoo / AOL"), TRUE },
  { "yahoo-japan", N_ ("Yahoo! JAPAN"), TRUE },
  { "apple", N_ ("Apple (iCloud Mail)"), TRUE },
  { "zoho", N_ ("Zoho Mail"), FALSE },
  { "yandex", N_ ("Yandex Mail"), TRUE },
  { "mailru", N_ ("Mail.ru"), TRUE },
  { "gmx", N_ ("GMX / WEB.DE / mail.com (1&1)"), TRUE },
  { "proton", N_ ("Proton Mail"), TRUE },
  { "fastmail", N_ ("Fastmail"), TRUE },
  { "naver", N_ ("Naver Mail"), TRUE },
  { "daum", N_ ("Daum / Kakao Mail"), TRUE },

  /* China */
  { "tencent", N_ ("QQ Mail (Tencent)"), TRUE },
  { "exmail", N_ ("Tencent Exmail (business)"), FALSE },
  { "netease", N_ ("NetEase Mail (163 / 126)"), TRUE },
  { "netease-qiye", N_ ("NetEase Qiye Mail (business)"), FALSE },
  { "alibaba", N_ ("Alibaba Mail (Aliyun)"), FALSE },
  { "coremail", N_ ("Coremail mail server"), FALSE },
  { "sina", N_ ("Sina Mail"), TRUE },
  { "sohu", N_ ("Sohu Mail"), TRUE },
  { "net263", N_ ("263 Enterprise Mail"), FALSE },
  { "chinamobile", N_ ("139 Mail (China Mobile)"), TRUE },
  { "chinatelecom", N_ ("189 Mail (China Telecom)"), TRUE },
  { "chinaunicom", N_ ("Wo Mail (China Unicom)"), TRUE },
  { "tom", N_ ("TOM Mail"), TRUE },

  /* Internet providers that run mailboxes for their customers */
  { "orange", N_ ("Orange (Wanadoo)"), TRUE },
  { "laposte", N_ ("La Poste Mail"), TRUE },
  { "comcast", N_ ("Comcast (Xfinity)"), TRUE },
  { "att", N_ ("AT&T Mail"), TRUE },
  { "verizon", N_ ("Verizon Mail"), TRUE },
  { "cox", N_ ("Cox Mail"), TRUE },

  /* Hosting companies and sending services */
  { "godaddy", N_ ("GoDaddy mail hosting"), FALSE },
  { "ovh", N_ ("OVHcloud mail hosting"), FALSE },
  { "rackspace", N_ ("Rackspace mail hosting"), FALSE },
  { "amazon-ses", N_ ("Amazon SES"), FALSE },
  { "sendgrid", N_ ("SendGrid"), FALSE },
  { "mailgun", N_ ("Mailgun"), FALSE },

  /* Security gateways in front of company mailboxes */
  { "mimecast", N_ ("Mimecast mail security gateway"), FALSE },
  { "proofpoint", N_ ("Proofpoint mail security gateway"), FALSE },
  { "barracuda", N_ ("Barracuda mail security gateway"), FALSE },
  { "messagelabs", N_ ("Symantec / Broadcom Email Security (MessageLabs)"), FALSE },
  { "cisco-ironport", N_ ("Cisco Secure Email (IronPort)"), FALSE },
  { "trendmicro", N_ ("Trend Micro Email Security"), FALSE },

  /* Pseudo-provider: a server run by the company itself */
  { "company", N_ ("Company mail server"), FALSE },
};

/* Host name patterns of mail servers (MX, outbound relays, gateways).
 *
 * "*.example.com" matches example.com itself and every name below it.
 * Any other '*' matches within one label only ("163mx*.mxmail.netease.com").
 * The first match wins, so more specific patterns come first.
 */
typedef struct
{
  const char *pattern;
  const char *provider_id;
} HostPattern;

static const HostPattern host_patterns[] = {
  /* Tencent: Exmail (business) is a part of qq.com */
  { "*.exmail.qq.com", "exmail" },
  { "mxbiz*.qq.com", "exmail" },
  { "*.qq.com", "tencent" },
  { "*.foxmail.com", "tencent" },

  /* NetEase: the free mailboxes and Qiye share mxmail.netease.com */
  { "163mx*.mxmail.netease.com", "netease" },
  { "126mx*.mxmail.netease.com", "netease" },
  { "yeahmx*.mxmail.netease.com", "netease" },
  { "188mx*.mxmail.netease.com", "netease" },
  { "163.mxmail.netease.com", "netease" },
  { "126.mxmail.netease.com", "netease" },
  { "*.mxmail.netease.com", "netease-qiye" },
  { "*.qiye.163.com", "netease-qiye" },
  { "*.ym.163.com", "netease-qiye" },
  { "*.qiye.netease.com", "netease-qiye" },
  { "*.163.com", "netease" },
  { "*.126.com", "netease" },
  { "*.126.net", "netease" },
  { "*.yeah.net", "netease" },
  { "*.188.com", "netease" },
  { "*.netease.com", "netease" },

  /* Alibaba Mail / Aliyun Qiye */
  { "*.mxhichina.com", "alibaba" },
  { "*.aliyun-inc.com", "alibaba" },
  { "*.aliyun.com", "alibaba" },
  { "*.alibaba-inc.com", "alibaba" },
  { "*.alibaba.com", "alibaba" },

  /* Other Chinese services */
  { "*.icoremail.net", "coremail" },
  { "*.coremail.cn", "coremail" },
  { "*.coremail.com", "coremail" },
  { "*.sina.com.cn", "sina" },
  { "*.sina.com", "sina" },
  { "*.sina.cn", "sina" },
  { "*.sina.net", "sina" },
  { "*.sohu.com", "sohu" },
  { "*.sohu.net", "sohu" },
  { "*.263.net", "net263" },
  { "*.263xmail.com", "net263" },
  { "*.263.com", "net263" },
  { "*.139.com", "chinamobile" },
  { "*.189.cn", "chinatelecom" },
  { "*.21cn.com", "chinatelecom" },
  { "*.wo.cn", "chinaunicom" },
  { "*.wo.com.cn", "chinaunicom" },
  { "*.tom.com", "tom" },

  /* Google */
  { "*.google.com", "google" },
  { "*.googlemail.com", "google" },
  { "*.gmail.com", "google" },
  { "*.1e100.net", "google" },

  /* Microsoft: consumer (olc.protection.outlook.com) and Exchange Online */
  { "*.outlook.com", "microsoft" },
  { "*.outlook.cn", "microsoft" },
  { "*.hotmail.com", "microsoft" },
  { "*.live.com", "microsoft" },
  { "*.msn.com", "microsoft" },
  { "*.exchangelabs.com", "microsoft" },
  { "*.office365.com", "microsoft" },
  { "*.microsoft.com", "microsoft" },

  /* Yahoo Japan is a separate company from Yahoo Inc. */
  { "*.yahoo.co.jp", "yahoo-japan" },
  { "*.yahoodns.net", "yahoo" },
  { "*.yahoo.com", "yahoo" },
  { "*.yahoo.net", "yahoo" },
  { "*.aol.com", "yahoo" },
  { "*.aol.net", "yahoo" },

  /* Apple */
  { "*.icloud.com", "apple" },
  { "*.me.com", "apple" },
  { "*.mac.com", "apple" },
  { "*.apple.com", "apple" },

  /* Other mailbox providers */
  { "*.zoho.com", "zoho" },
  { "*.zoho.eu", "zoho" },
  { "*.zoho.in", "zoho" },
  { "*.zoho.com.cn", "zoho" },
  { "*.zohomail.com", "zoho" },
  { "*.yandex.ru", "yandex" },
  { "*.yandex.net", "yandex" },
  { "*.yandex.com", "yandex" },
  { "*.mail.ru", "mailru" },
  { "*.gmx.net", "gmx" },
  { "*.gmx.com", "gmx" },
  { "*.gmx.de", "gmx" },
  { "*.web.de", "gmx" },
  { "*.mail.com", "gmx" },
  { "*.1and1.com", "gmx" },
  { "*.ionos.com", "gmx" },
  { "*.ionos.de", "gmx" },
  { "*.kundenserver.de", "gmx" },
  { "*.protonmail.ch", "proton" },
  { "*.protonmail.com", "proton" },
  { "*.proton.me", "proton" },
  { "*.messagingengine.com", "fastmail" },
  { "*.fastmail.com", "fastmail" },
  { "*.naver.com", "naver" },
  { "*.daum.net", "daum" },
  { "*.hanmail.net", "daum" },
  { "*.kakao.com", "daum" },

  /* Internet providers */
  { "*.orange.fr", "orange" },
  { "*.wanadoo.fr", "orange" },
  { "*.francetelecom.com", "orange" },
  { "*.laposte.net", "laposte" },
  { "*.comcast.net", "comcast" },
  { "*.att.net", "att" },
  { "*.sbcglobal.net", "att" },
  { "*.prodigy.net", "att" },
  { "*.bellsouth.net", "att" },
  { "*.verizon.net", "verizon" },
  { "*.cox.net", "cox" },
  { "cxr.mx.a.cloudfilter.net", "cox" },

  /* Hosting and sending services */
  { "*.secureserver.net", "godaddy" },
  { "*.ovh.net", "ovh" },
  { "*.ovh.com", "ovh" },
  { "*.emailsrvr.com", "rackspace" },
  { "*.amazonses.com", "amazon-ses" },
  { "inbound-smtp.*.amazonaws.com", "amazon-ses" },
  { "*.sendgrid.net", "sendgrid" },
  { "*.sendgrid.com", "sendgrid" },
  { "*.mailgun.org", "mailgun" },
  { "*.mailgun.net", "mailgun" },

  /* Security gateways */
  { "*.mimecast.com", "mimecast" },
  { "*.mimecast.co.za", "mimecast" },
  { "*.mimecast-offshore.com", "mimecast" },
  { "*.pphosted.com", "proofpoint" },
  { "*.ppe-hosted.com", "proofpoint" },
  { "*.proofpoint.com", "proofpoint" },
  { "*.barracudanetworks.com", "barracuda" },
  { "*.barracuda.com", "barracuda" },
  { "*.messagelabs.com", "messagelabs" },
  { "*.symanteccloud.com", "messagelabs" },
  { "*.iphmx.com", "cisco-ironport" },
  { "*.trendmicro.com", "trendmicro" },
  { "*.trendmicro.eu", "trendmicro" },
};

/* Mailbox domains.  A pattern ending in ".*" stands for the same name
 * under a country or generic top-level domain (hotmail.co.uk, yahoo.fr).
 */
typedef struct
{
  const char *pattern;
  const char *provider_id;
} DomainPattern;

static const DomainPattern domain_patterns[] = {
  { "gmail.com", "google" },
  { "googlemail.com", "google" },
  { "google.com", "google" },

  { "outlook.*", "microsoft" },
  { "hotmail.*", "microsoft" },
  { "live.*", "microsoft" },
  { "msn.com", "microsoft" },
  { "passport.com", "microsoft" },
  { "windowslive.com", "microsoft" },

  /* Before yahoo.* */
  { "yahoo.co.jp", "yahoo-japan" },
  { "ymail.ne.jp", "yahoo-japan" },
  { "yahoo.*", "yahoo" },
  { "ymail.com", "yahoo" },
  { "rocketmail.com", "yahoo" },
  { "aol.*", "yahoo" },
  { "aim.com", "yahoo" },

  { "icloud.com", "apple" },
  { "me.com", "apple" },
  { "mac.com", "apple" },

  { "qq.com", "tencent" },
  { "vip.qq.com", "tencent" },
  { "foxmail.com", "tencent" },

  { "163.com", "netease" },
  { "126.com", "netease" },
  { "yeah.net", "netease" },
  { "vip.163.com", "netease" },
  { "vip.126.com", "netease" },
  { "188.com", "netease" },
  { "vip.188.com", "netease" },

  { "aliyun.com", "alibaba" },
  { "alibaba-inc.com", "alibaba" },

  { "sina.com", "sina" },
  { "sina.cn", "sina" },
  { "sina.com.cn", "sina" },
  { "vip.sina.com", "sina" },
  { "sohu.com", "sohu" },
  { "vip.sohu.com", "sohu" },
  { "263.net", "net263" },
  { "139.com", "chinamobile" },
  { "189.cn", "chinatelecom" },
  { "21cn.com", "chinatelecom" },
  { "wo.cn", "chinaunicom" },
  { "wo.com.cn", "chinaunicom" },
  { "tom.com", "tom" },

  { "zoho.com", "zoho" },
  { "zohomail.com", "zoho" },
  { "zoho.eu", "zoho" },
  { "zoho.com.cn", "zoho" },
  { "yandex.*", "yandex" },
  { "ya.ru", "yandex" },
  { "mail.ru", "mailru" },
  { "bk.ru", "mailru" },
  { "inbox.ru", "mailru" },
  { "list.ru", "mailru" },
  { "internet.ru", "mailru" },
  { "gmx.*", "gmx" },
  { "web.de", "gmx" },
  { "mail.com", "gmx" },
  { "email.com", "gmx" },
  { "proton.me", "proton" },
  { "protonmail.com", "proton" },
  { "protonmail.ch", "proton" },
  { "pm.me", "proton" },
  { "fastmail.com", "fastmail" },
  { "fastmail.fm", "fastmail" },
  { "naver.com", "naver" },
  { "daum.net", "daum" },
  { "hanmail.net", "daum" },
  { "kakao.com", "daum" },

  { "orange.fr", "orange" },
  { "wanadoo.fr", "orange" },
  { "francetelecom.com", "orange" },
  { "laposte.net", "laposte" },
  { "comcast.net", "comcast" },
  { "xfinity.com", "comcast" },
  { "att.net", "att" },
  { "sbcglobal.net", "att" },
  { "bellsouth.net", "att" },
  { "pacbell.net", "att" },
  { "swbell.net", "att" },
  { "prodigy.net", "att" },
  { "ameritech.net", "att" },
  { "verizon.net", "verizon" },
  { "cox.net", "cox" },
};

/**
 * bb_provider_lookup_id:
 * @id: a provider id such as "google"
 *
 * Returns: (transfer none) (nullable): the provider with that id
 */
const BbProvider *
bb_provider_lookup_id (const char *id)
{
  g_return_val_if_fail (id != NULL, NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (providers); i++)
    {
      if (strcmp (providers[i].id, id) == 0)
        return &providers[i];
    }

  return NULL;
}

/* '*' matches any run of characters other than '.'. */
static gboolean
label_glob_match (const char *pattern,
                  const char *str)
{
  while (*pattern != '\0')
    {
      if (*pattern == '*')
        {
          const char *s;

          for (s = str;; s++)
            {
              if (label_glob_match (pattern + 1, s))
                return TRUE;
              if (*s == '\0' || *s == '.')
                return FALSE;
            }
        }

      if (*pattern != *str)
        return FALSE;

      pattern++;
      str++;
    }

  return *str == '\0';
}

static gboolean
host_pattern_match (const char *pattern,
                    const char *host)
{
  if (pattern[0] == '*' && pattern[1] == '.')
    {
      const char *suffix = pattern + 2;
      gsize       host_len = strlen (host);
      gsize       suffix_len = strlen (suffix);

      if (strcmp (host, suffix) == 0)
        return TRUE;

      return host_len > suffix_len &&
             host[host_len - suffix_len - 1] == '.' &&
             strcmp (host + host_len - suffix_len, suffix) == 0;
    }

  return label_glob_match (pattern, host);
}

static gboolean
looks_like_ip_address (const char *str)
{
  gboolean has_digit = FALSE;

  /* IPv6 literals contain ':', IPv4 ones only digits and dots. */
  if (strchr (str, ':') != NULL)
    return TRUE;

  for (const char *p = str; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        has_digit = TRUE;
      else if (*p != '.')
        return FALSE;
    }

  return has_digit;
}

/* Reduce "dns; MX1.Example.COM.[1.2.3.4]" and the like to
 * "mx1.example.com".  Returns NULL for IP literals and empty input.
 */
static char *
normalize_host (const char *host)
{
  g_autofree char *copy = g_strstrip (g_strdup (host));
  char            *start = copy;
  gsize            len;

  if (g_ascii_strncasecmp (start, "dns;", 4) == 0)
    start += 4;

  while (*start == ' ' || *start == '\t' || *start == '<')
    start++;

  /* "[1.2.3.4]" alone is an address, not a name */
  if (*start == '[' || *start == '(')
    return NULL;

  len = strcspn (start, " \t[](),;<>");
  start[len] = '\0';

  while (len > 0 && start[len - 1] == '.')
    start[--len] = '\0';

  if (len == 0 || looks_like_ip_address (start))
    return NULL;

  return g_ascii_strdown (start, -1);
}

/**
 * bb_provider_for_host:
 * @host: the name of a mail server, as found in Remote-MTA, Reporting-MTA
 *   or a "host X[1.2.3.4] said:" line
 *
 * Recognises the provider from the server name.  Case, a trailing dot,
 * a "dns;" prefix and an "[address]" decoration are ignored.
 *
 * Returns: (transfer none) (nullable): the provider, or %NULL when the
 *   server is not a known provider's
 */
const BbProvider *
bb_provider_for_host (const char *host)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (host != NULL, NULL);

  name = normalize_host (host);
  if (name == NULL)
    return NULL;

  for (gsize i = 0; i < G_N_ELEMENTS (host_patterns); i++)
    {
      if (host_pattern_match (host_patterns[i].pattern, name))
        return bb_provider_lookup_id (host_patterns[i].provider_id);
    }

  return NULL;
}

static gboolean
is_ascii_alpha_string (const char *str,
                       gsize       len)
{
  for (gsize i = 0; i < len; i++)
    {
      if (!g_ascii_isalpha (str[i]))
        return FALSE;
    }

  return len > 0;
}

/* Whether @tld looks like the tail of a mailbox domain: a generic or
 * country top-level domain, optionally after "co.", "com." and friends.
 * .co, .cm and .om are left out: under a big name they are usually
 * typos of .com, or typo-squatters' domains.
 */
static gboolean
is_tld_like (const char *tld)
{
  static const char *const second_levels[] = { "co", "com", "net", "ne", "or", "org" };
  const char              *dot = strchr (tld, '.');

  if (dot == NULL)
    {
      gsize len = strlen (tld);

      if (strcmp (tld, "com") == 0 || strcmp (tld, "net") == 0 ||
          strcmp (tld, "org") == 0)
        return TRUE;

      if (strcmp (tld, "co") == 0 || strcmp (tld, "cm") == 0 ||
          strcmp (tld, "om") == 0)
        return FALSE;

      return len == 2 && is_ascii_alpha_string (tld, len);
    }

  if (strlen (dot + 1) != 2 || !is_ascii_alpha_string (dot + 1, 2))
    return FALSE;

  for (gsize i = 0; i < G_N_ELEMENTS (second_levels); i++)
    {
      if (strlen (second_levels[i]) == (gsize) (dot - tld) &&
          strncmp (second_levels[i], tld, dot - tld) == 0)
        return TRUE;
    }

  return FALSE;
}

static gboolean
domain_pattern_match (const char *pattern,
                      const char *domain)
{
  if (g_str_has_suffix (pattern, ".*"))
    {
      gsize name_len = strlen (pattern) - 1; /* keeps the dot */

      return strncmp (pattern, domain, name_len) == 0 &&
             is_tld_like (domain + name_len);
    }

  return strcmp (pattern, domain) == 0;
}

/**
 * bb_provider_for_domain:
 * @domain: the domain of a mailbox address ("gmail.com"); a whole address
 *   is accepted too
 *
 * Recognises free mailbox services and the providers that own well-known
 * mailbox domains.  Company domains are not recognised here (their
 * provider shows in the MX host name instead).
 *
 * Returns: (transfer none) (nullable): the provider, or %NULL
 */
const BbProvider *
bb_provider_for_domain (const char *domain)
{
  g_autofree char *copy = NULL;
  char            *start;
  char            *at;
  gsize            len;

  g_return_val_if_fail (domain != NULL, NULL);

  copy = g_ascii_strdown (domain, -1);
  g_strstrip (copy);
  start = copy;

  at = strrchr (start, '@');
  if (at != NULL)
    start = at + 1;

  while (*start == '<' || *start == '[')
    start++;

  len = strcspn (start, " \t<>[]");
  start[len] = '\0';

  while (len > 0 && start[len - 1] == '.')
    start[--len] = '\0';

  if (len == 0)
    return NULL;

  for (gsize i = 0; i < G_N_ELEMENTS (domain_patterns); i++)
    {
      if (domain_pattern_match (domain_patterns[i].pattern, start))
        return bb_provider_lookup_id (domain_patterns[i].provider_id);
    }

  return NULL;
}

/**
 * bb_provider_get_display_name:
 * @provider: a provider
 *
 * Returns: (transfer none): the provider's name in the user's language
 */
const char *
bb_provider_get_display_name (const BbProvider *provider)
{
  g_return_val_if_fail (provider != NULL, NULL);

  return g_dgettext (GETTEXT_PACKAGE, provider->name);
}

/**
 * bb_provider_company_server:
 *
 * The pseudo-provider for a mail server that the company runs itself (or
 * that no table here recognises).
 *
 * Returns: (transfer none): the "company" provider
 */
const BbProvider *
bb_provider_company_server (void)
{
  const BbProvider *company = bb_provider_lookup_id ("company");

  g_assert (company != NULL);

  return company;
}
