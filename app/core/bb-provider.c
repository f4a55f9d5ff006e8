/* bb-provider.c - mail providers recognised on either side of a bounce
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bb-provider.h"
#include "bb-text.h"

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

static gboolean is_tld_like (const char *tld);
static gboolean host_pattern_match (const char *pattern,
                                    const char *host);

/* The pattern tables, indexed once: every host name and mailbox domain
 * of a notice is looked up, and most patterns are plain names or
 * "*.suffix", which a hash table finds without trying each in turn.  The
 * first matching pattern in table order still wins: each key keeps the
 * position of its first pattern, and the few other globs are tried only
 * while they come earlier than the best match found so far. */
typedef struct
{
  GHashTable *host_exact;    /* name → position + 1 */
  GHashTable *host_suffix;   /* suffix of "*.suffix" → position + 1 */
  GArray     *host_globs;    /* positions of the other patterns */
  GHashTable *domain_exact;  /* domain → position + 1 */
  GHashTable *domain_name;   /* "name." of "name.*" → position + 1 */
  GHashTable *providers;     /* id → BbProvider */
} PatternIndex;

static void
index_insert (GHashTable *table,
              char       *key,
              gsize       position)
{
  if (g_hash_table_contains (table, key))
    g_free (key);
  else
    g_hash_table_insert (table, key, GSIZE_TO_POINTER (position + 1));
}

static gpointer
pattern_index_build (gpointer data)
{
  PatternIndex *index = g_new0 (PatternIndex, 1);

  (void) data;
  index->host_exact = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  index->host_suffix = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  index->host_globs = g_array_new (FALSE, FALSE, sizeof (gsize));
  index->domain_exact = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  index->domain_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  index->providers = g_hash_table_new (g_str_hash, g_str_equal);
  for (gsize i = G_N_ELEMENTS (providers); i > 0; i--) /* the first of an id wins */
    g_hash_table_insert (index->providers, (gpointer) providers[i - 1].id, (gpointer) &providers[i - 1]);

  for (gsize i = 0; i < G_N_ELEMENTS (host_patterns); i++)
    {
      const char *pattern = host_patterns[i].pattern;

      if (pattern[0] == '*' && pattern[1] == '.' && strchr (pattern + 2, '*') == NULL)
        index_insert (index->host_suffix, g_strdup (pattern + 2), i);
      else if (strchr (pattern, '*') == NULL)
        index_insert (index->host_exact, g_strdup (pattern), i);
      else
        g_array_append_val (index->host_globs, i);
    }
  for (gsize i = 0; i < G_N_ELEMENTS (domain_patterns); i++)
    {
      const char *pattern = domain_patterns[i].pattern;

      if (g_str_has_suffix (pattern, ".*"))
        index_insert (index->domain_name, g_strndup (pattern, strlen (pattern) - 1), i);
      else
        index_insert (index->domain_exact, g_strdup (pattern), i);
    }
  return index;
}

static const PatternIndex *
pattern_index (void)
{
  static GOnce once = G_ONCE_INIT;

  return g_once (&once, pattern_index_build, NULL);
}

static gsize
table_position (GHashTable *table,
                const char *key)
{
  return GPOINTER_TO_SIZE (g_hash_table_lookup (table, key));
}

/* The first pattern of host_patterns that @name (lower-case) matches. */
static const BbProvider *
lookup_host (const char *name)
{
  const PatternIndex *index = pattern_index ();
  gsize               best = table_position (index->host_exact, name);

  /* "*.suffix" matches the suffix itself and any name ending in ".suffix" */
  for (const char *p = name; p != NULL; p = strchr (p, '.') != NULL ? strchr (p, '.') + 1 : NULL)
    {
      gsize position = table_position (index->host_suffix, p);

      if (position != 0 && (best == 0 || position < best))
        best = position;
    }
  for (guint k = 0; k < index->host_globs->len; k++)
    {
      gsize i = g_array_index (index->host_globs, gsize, k);

      if (best != 0 && i + 1 >= best)
        break;
      if (host_pattern_match (host_patterns[i].pattern, name))
        {
          best = i + 1;
          break;
        }
    }
  return best != 0 ? bb_provider_lookup_id (host_patterns[best - 1].provider_id) : NULL;
}

/* The first pattern of domain_patterns that @domain (lower-case) matches. */
static const BbProvider *
lookup_domain (const char *domain)
{
  const PatternIndex *index = pattern_index ();
  gsize               best = table_position (index->domain_exact, domain);

  /* "name.*": the domain starts with "name." and the rest looks like a
   * top-level domain */
  for (const char *dot = strchr (domain, '.'); dot != NULL; dot = strchr (dot + 1, '.'))
    {
      char  name[256];
      gsize n = dot + 1 - domain;
      gsize position;

      if (n >= sizeof name)
        break;
      memcpy (name, domain, n);
      name[n] = '\0';
      position = table_position (index->domain_name, name);

      if (position != 0 && (best == 0 || position < best) && is_tld_like (dot + 1))
        best = position;
    }
  return best != 0 ? bb_provider_lookup_id (domain_patterns[best - 1].provider_id) : NULL;
}

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

  return g_hash_table_lookup (pattern_index ()->providers, id);
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

  return bb_text_ascii_lower (start, -1);
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

  return lookup_host (name);
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

  copy = bb_text_ascii_lower (domain, -1);
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

  return lookup_domain (start);
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
