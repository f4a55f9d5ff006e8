/* bb-typo.c - "did you mean …?" for misspelt mail domains
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bb-typo.h"

#include "bb-provider.h"
#include "bb-text.h"

#include <string.h>

/* The approach follows Mailcheck.js (MIT), made stricter for our users:
 * Chinese business domains (.com.cn, .cn) are valid, short names (qq,
 * 163, 126) are never matched fuzzily, and a domain is only changed
 * when a popular mailbox domain is the obvious intent, or when its
 * top-level domain cannot exist.
 *
 * Steps: (1) explicit typo table, (2) a popular name with a broken or
 * typo-prone top-level domain (gmail.con, qq.co, gmx.dr), (3) a fuzzy
 * match of the name against popular domains with the same (or the fixed)
 * top-level domain, (4) a plain top-level fix (company.con).
 */

/* Popular mailbox domains, the more common ones first (ties in the fuzzy
 * match go to the earlier one).  Clients' side by region, then the reps'
 * side and Chinese clients. */
static const char *const popular_domains[] = {
  /* Global */
  "gmail.com",
  "outlook.com",
  "hotmail.com",
  "yahoo.com",
  "icloud.com",
  "aol.com",
  "live.com",
  "msn.com",
  "googlemail.com",
  "ymail.com",
  "rocketmail.com",
  "aim.com",
  "me.com",
  "mac.com",
  "proton.me",
  "protonmail.com",
  "zoho.com",
  "mail.com",
  "gmx.com",
  "yandex.com",
  /* UK / IE */
  "hotmail.co.uk",
  "yahoo.co.uk",
  "live.co.uk",
  "btinternet.com",
  "sky.com",
  "virginmedia.com",
  "talktalk.net",
  "ntlworld.com",
  "eircom.net",
  /* Germany / AT / CH */
  "gmx.de",
  "gmx.net",
  "gmx.at",
  "gmx.ch",
  "web.de",
  "t-online.de",
  "freenet.de",
  "arcor.de",
  "hotmail.de",
  "yahoo.de",
  "bluewin.ch",
  /* France / BE */
  "orange.fr",
  "wanadoo.fr",
  "free.fr",
  "laposte.net",
  "sfr.fr",
  "hotmail.fr",
  "yahoo.fr",
  "live.fr",
  "neuf.fr",
  "skynet.be",
  /* Italy / ES / PT */
  "libero.it",
  "virgilio.it",
  "alice.it",
  "tiscali.it",
  "hotmail.it",
  "yahoo.it",
  "hotmail.es",
  "yahoo.es",
  "outlook.es",
  "telefonica.net",
  "sapo.pt",
  /* Netherlands / Nordics */
  "ziggo.nl",
  "kpnmail.nl",
  "hotmail.nl",
  "live.nl",
  "telia.com",
  "online.no",
  /* Poland / CZ / eastern Europe */
  "wp.pl",
  "o2.pl",
  "onet.pl",
  "interia.pl",
  "seznam.cz",
  "centrum.cz",
  "abv.bg",
  "freemail.hu",
  /* Russia / CIS */
  "mail.ru",
  "bk.ru",
  "inbox.ru",
  "list.ru",
  "yandex.ru",
  "ya.ru",
  "rambler.ru",
  "ukr.net",
  "i.ua",
  "meta.ua",
  /* Turkey / Middle East */
  "hotmail.com.tr",
  "yandex.com.tr",
  "mynet.com",
  /* India / South Asia */
  "rediffmail.com",
  "yahoo.co.in",
  "yahoo.in",
  "hotmail.co.in",
  /* Latin America */
  "hotmail.com.br",
  "yahoo.com.br",
  "bol.com.br",
  "uol.com.br",
  "terra.com.br",
  "ig.com.br",
  "yahoo.com.mx",
  "hotmail.com.mx",
  "prodigy.net.mx",
  "hotmail.com.ar",
  "yahoo.com.ar",
  /* North American internet providers */
  "comcast.net",
  "att.net",
  "sbcglobal.net",
  "bellsouth.net",
  "verizon.net",
  "cox.net",
  "charter.net",
  "earthlink.net",
  "optonline.net",
  "shaw.ca",
  "rogers.com",
  "sympatico.ca",
  "telus.net",
  /* Asia-Pacific */
  "naver.com",
  "daum.net",
  "hanmail.net",
  "yahoo.co.jp",
  "docomo.ne.jp",
  "ezweb.ne.jp",
  "bigpond.com",
  "optusnet.com.au",
  "xtra.co.nz",
  "yahoo.com.sg",
  "yahoo.com.tw",
  "yahoo.com.hk",
  "hotmail.com.hk",
  /* Africa */
  "yahoo.co.za",
  "webmail.co.za",
  "mweb.co.za",
  /* Reps' side and Chinese clients */
  "qq.com",
  "vip.qq.com",
  "foxmail.com",
  "163.com",
  "126.com",
  "yeah.net",
  "vip.163.com",
  "vip.126.com",
  "188.com",
  "sina.com",
  "sina.cn",
  "vip.sina.com",
  "sohu.com",
  "aliyun.com",
  "139.com",
  "189.cn",
  "wo.cn",
  "tom.com",
  "21cn.com",
};

/* Real domains that sit close to a popular one: never "correct" them.
 * yahoo.com.cn and yahoo.cn are dead (Yahoo China mail closed in 2013),
 * but they are not typos either. */
static const char *const never_suggest[] = {
  "email.com",
  "q.com",
  "gmx.us",
  "gmx.fr",
  "yahoo.com.cn",
  "yahoo.cn",
  "163.net",
  "live.cn",
  "outlook.cn",
};

typedef struct
{
  const char *typed;
  const char *intended;
} TypoPair;

/* Misspellings seen in the wild, checked first. */
static const TypoPair explicit_typos[] = {
  { "gmial.com", "gmail.com" },
  { "gmal.com", "gmail.com" },
  { "gamil.com", "gmail.com" },
  { "gmaill.com", "gmail.com" },
  { "gnail.com", "gmail.com" },
  { "gmai.com", "gmail.com" },
  { "gmali.com", "gmail.com" },
  { "gemail.com", "gmail.com" },
  { "g-mail.com", "gmail.com" },
  { "gmail.com.cn", "gmail.com" },
  { "gmail.cn", "gmail.com" },
  { "gmail.nte", "gmail.com" },
  { "hotmial.com", "hotmail.com" },
  { "hotmai.com", "hotmail.com" },
  { "hotmal.com", "hotmail.com" },
  { "hotmil.com", "hotmail.com" },
  { "homail.com", "hotmail.com" },
  { "hotmaill.com", "hotmail.com" },
  { "hotnail.com", "hotmail.com" },
  { "outlok.com", "outlook.com" },
  { "outllok.com", "outlook.com" },
  { "outook.com", "outlook.com" },
  { "oulook.com", "outlook.com" },
  { "yaho.com", "yahoo.com" },
  { "yahooo.com", "yahoo.com" },
  { "yhoo.com", "yahoo.com" },
  { "yahho.com", "yahoo.com" },
  { "iclod.com", "icloud.com" },
  { "icoud.com", "icloud.com" },
  { "iclould.com", "icloud.com" },
  { "qqq.com", "qq.com" },
  { "qq.cn", "qq.com" },
  { "136.com", "163.com" },
  { "162.com", "163.com" },
  { "163.cn", "163.com" },
  { "163.com.cn", "163.com" },
  { "126.cn", "126.com" },
  { "126.com.cn", "126.com" },
  { "foxmial.com", "foxmail.com" },
  { "foxmai.com", "foxmail.com" },
  { "foxmail.cn", "foxmail.com" },
  { "sian.com", "sina.com" },
  { "souhu.com", "sohu.com" },
  { "alyun.com", "aliyun.com" },
  { "aliyn.com", "aliyun.com" },
};

typedef struct
{
  const char *typed;
  const char *intended;
  gboolean    real; /* the typed suffix exists too: only fix popular names */
} SuffixFix;

/* Top-level domain typos, longest first.  .co (Colombia), .cm (Cameroon),
 * .om (Oman), .bet and .cn.com / .com.cm exist, and typo-squatters
 * register popular names there, so they are only fixed when the result
 * is a popular mailbox domain. */
static const SuffixFix suffix_fixes[] = {
  { "com.cm", "com.cn", TRUE },
  { "cn.com", "com.cn", TRUE },
  { "comcn", "com.cn", FALSE },
  { "com.c", "com.cn", FALSE },
  { "con", "com", FALSE },
  { "comm", "com", FALSE },
  { "coom", "com", FALSE },
  { "cpm", "com", FALSE },
  { "vom", "com", FALSE },
  { "xom", "com", FALSE },
  { "clm", "com", FALSE },
  { "c0m", "com", FALSE },
  { "cim", "com", FALSE },
  { "comn", "com", FALSE },
  { "cmo", "com", FALSE },
  { "ocm", "com", FALSE },
  { "mco", "com", FALSE },
  { "coim", "com", FALSE },
  { "cmm", "com", FALSE },
  { "co", "com", TRUE },
  { "cm", "com", TRUE },
  { "om", "com", TRUE },
  { "nte", "net", FALSE },
  { "ent", "net", FALSE },
  { "ner", "net", FALSE },
  { "nt", "net", FALSE },
  { "met", "net", FALSE },
  { "bet", "net", TRUE },
  { "ogr", "org", FALSE },
  { "rog", "org", FALSE },
  { "orgg", "org", FALSE },
  { "or", "org", FALSE },
};

/* Multi-label public suffixes that mailbox domains use.  Anything else
 * splits at the last dot. */
static const char *const multi_label_suffixes[] = {
  "co.uk",
  "org.uk",
  "ac.uk",
  "com.au",
  "net.au",
  "org.au",
  "co.nz",
  "com.cn",
  "net.cn",
  "org.cn",
  "gov.cn",
  "edu.cn",
  "ac.cn",
  "com.hk",
  "com.tw",
  "com.sg",
  "com.my",
  "co.id",
  "co.th",
  "com.vn",
  "com.ph",
  "com.tr",
  "com.br",
  "com.mx",
  "com.ar",
  "com.co",
  "com.pe",
  "com.pk",
  "com.sa",
  "com.eg",
  "com.ng",
  "co.ke",
  "co.in",
  "co.za",
  "co.kr",
  "co.jp",
  "ne.jp",
  "or.jp",
  "ac.jp",
  "co.il",
  "com.ua",
  "net.mx",
};

/* Generic top-level domains that count as real here: the classic ones
 * and the new ones common in company and spam domains.  An unknown one
 * is only a reason to look for a popular domain, never to change a
 * company domain (see suffix_fixes for that). */
static const char *const generic_tlds[] = {
  "com",
  "net",
  "org",
  "edu",
  "gov",
  "mil",
  "int",
  "info",
  "biz",
  "name",
  "pro",
  "mobi",
  "asia",
  "tel",
  "travel",
  "jobs",
  "cat",
  "coop",
  "aero",
  "museum",
  "xyz",
  "top",
  "online",
  "site",
  "shop",
  "store",
  "tech",
  "club",
  "vip",
  "app",
  "dev",
  "cloud",
  "email",
  "group",
  "company",
  "ltd",
  "work",
  "live",
  "life",
  "world",
  "today",
  "global",
  "link",
  "space",
  "website",
  "agency",
  "trade",
  "market",
  "ink",
  "red",
  "wang",
  "ren",
  "xin",
  "fun",
  "icu",
  "art",
  "design",
  "studio",
  "media",
  "news",
  "blog",
};

/* The word lists above as hash sets, made once per process and never
 * changed after: every recipient's domain is looked up in them. */
typedef struct
{
  GHashTable *popular;
  GHashTable *never_suggest;
  GHashTable *generic_tlds;
  GHashTable *typos; /* typed → intended */
} TypoIndex;

static GHashTable *
set_of (const char *const *list,
        gsize              n)
{
  GHashTable *set = g_hash_table_new (g_str_hash, g_str_equal);

  for (gsize i = 0; i < n; i++)
    g_hash_table_add (set, (gpointer) list[i]);
  return set;
}

static gpointer
typo_index_build (gpointer data)
{
  TypoIndex *index = g_new0 (TypoIndex, 1);

  index->popular = set_of (popular_domains, G_N_ELEMENTS (popular_domains));
  index->never_suggest = set_of (never_suggest, G_N_ELEMENTS (never_suggest));
  index->generic_tlds = set_of (generic_tlds, G_N_ELEMENTS (generic_tlds));
  index->typos = g_hash_table_new (g_str_hash, g_str_equal);
  /* the first pair for a misspelling wins, as in a walk down the list */
  for (gsize i = G_N_ELEMENTS (explicit_typos); i > 0; i--)
    g_hash_table_insert (index->typos, (gpointer) explicit_typos[i - 1].typed,
                         (gpointer) explicit_typos[i - 1].intended);
  return index;
}

static const TypoIndex *
typo_index (void)
{
  static GOnce once = G_ONCE_INIT;

  return g_once (&once, typo_index_build, NULL);
}

static gboolean
is_popular (const char *domain)
{
  return g_hash_table_contains (typo_index ()->popular, domain);
}

/* Position of the public suffix in @domain ("gmail.co.uk" → "co.uk"),
 * or NULL for a domain without a dot. */
static const char *
find_suffix (const char *domain)
{
  const char *last_dot = strrchr (domain, '.');
  gsize       domain_len;

  if (last_dot == NULL || last_dot == domain)
    return NULL;
  /* One dot: no room for a two-label suffix such as "co.jp". */
  if (strchr (domain, '.') == last_dot)
    return last_dot + 1;

  domain_len = strlen (domain);
  for (gsize i = 0; i < G_N_ELEMENTS (multi_label_suffixes); i++)
    {
      const char *suffix = multi_label_suffixes[i];
      gsize       suffix_len = strlen (suffix);

      if (domain_len > suffix_len + 1 &&
          domain[domain_len - suffix_len - 1] == '.' &&
          strcmp (domain + domain_len - suffix_len, suffix) == 0)
        return domain + domain_len - suffix_len;
    }

  return last_dot + 1;
}

/* Country-code top-level domains (IANA root zone), space-separated */
static const char country_tlds[] =
    " ac ad ae af ag ai al am ao aq ar as at au aw ax az ba bb bd be bf bg bh"
    " bi bj bm bn bo bq br bs bt bw by bz ca cc cd cf cg ch ci ck cl cm cn co"
    " cr cu cv cw cx cy cz de dj dk dm do dz ec ee eg er es et eu fi fj fk fm"
    " fo fr ga gd ge gf gg gh gi gl gm gn gp gq gr gs gt gu gw gy hk hm hn hr"
    " ht hu id ie il im in io iq ir is it je jm jo jp ke kg kh ki km kn kp kr"
    " kw ky kz la lb lc li lk lr ls lt lu lv ly ma mc md me mg mh mk ml mm mn"
    " mo mp mq mr ms mt mu mv mw mx my mz na nc ne nf ng ni nl no np nr nu nz"
    " om pa pe pf pg ph pk pl pm pn pr ps pt pw py qa re ro rs ru rw sa sb sc"
    " sd se sg sh si sk sl sm sn so sr ss st su sv sx sy sz tc td tf tg th tj"
    " tk tl tm tn to tr tt tv tw tz ua ug uk us uy uz va vc ve vg vi vn vu wf"
    " ws ye yt za zm zw ";

static gboolean
is_valid_tld (const char *tld)
{
  if (strlen (tld) == 2)
    {
      char needle[5] = { ' ', tld[0], tld[1], ' ', '\0' };

      return strstr (country_tlds, needle) != NULL;
    }

  return g_hash_table_contains (typo_index ()->generic_tlds, tld);
}

static gboolean
is_known_domain (const char *domain)
{
  const char *last_dot = strrchr (domain, '.');

  if (is_popular (domain) || g_hash_table_contains (typo_index ()->never_suggest, domain))
    return TRUE;

  /* hotmail.ca, yahoo.ie …: the providers' other mailbox domains, as
   * long as the top-level domain exists (gmx.dr does not) */
  return last_dot != NULL && is_valid_tld (last_dot + 1) &&
         bb_provider_for_domain (domain) != NULL;
}

static gboolean
is_ascii_domain (const char *domain)
{
  for (const char *p = domain; *p != '\0'; p++)
    {
      if (!g_ascii_isalnum (*p) && *p != '-' && *p != '.')
        return FALSE;
    }

  return TRUE;
}

/* Optimal string alignment distance (Damerau-Levenshtein with adjacent
 * transpositions, each substring edited once). */
static guint
osa_distance (const char *a,
              const char *b)
{
  gsize             la = strlen (a);
  gsize             lb = strlen (b);
  g_autofree guint *d = g_new0 (guint, (la + 1) * (lb + 1));

#define D(i, j) d[(i) * (lb + 1) + (j)]
  for (gsize i = 0; i <= la; i++)
    D (i, 0) = i;
  for (gsize j = 0; j <= lb; j++)
    D (0, j) = j;

  for (gsize i = 1; i <= la; i++)
    {
      for (gsize j = 1; j <= lb; j++)
        {
          guint cost = a[i - 1] == b[j - 1] ? 0 : 1;
          guint best = MIN (D (i - 1, j) + 1, D (i, j - 1) + 1);

          best = MIN (best, D (i - 1, j - 1) + cost);
          if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
            best = MIN (best, D (i - 2, j - 2) + 1);

          D (i, j) = best;
        }
    }

  return D (la, lb);
#undef D
}

/* Keys next to each other on a QWERTY keyboard (or digit-row
 * neighbours), for one-letter slips. */
static gboolean
keys_adjacent (char a,
               char b)
{
  static const char *const rows[] = { "1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm" };
  int                      ra = -1, ca = -1, rb = -1, cb = -1;

  for (int r = 0; r < (int) G_N_ELEMENTS (rows); r++)
    {
      const char *pa = strchr (rows[r], a);
      const char *pb = strchr (rows[r], b);

      if (pa != NULL && a != '\0')
        {
          ra = r;
          ca = pa - rows[r];
        }
      if (pb != NULL && b != '\0')
        {
          rb = r;
          cb = pb - rows[r];
        }
    }

  if (ra < 0 || rb < 0)
    return FALSE;

  /* Rows are staggered by about half a key: on the next row down, the
   * same column and the one to the left touch. */
  if (ra == rb)
    return ABS (ca - cb) == 1;
  if (rb == ra + 1)
    return cb == ca || cb == ca - 1;
  if (ra == rb + 1)
    return ca == cb || ca == cb - 1;

  return FALSE;
}

typedef enum
{
  EDIT_NONE,
  EDIT_SUBSTITUTE_NEAR, /* a neighbouring key */
  EDIT_SUBSTITUTE_FAR,
  EDIT_TRANSPOSE,
  EDIT_DELETE,        /* @typed lacks a letter */
  EDIT_INSERT_DOUBLE, /* @typed repeats a letter */
  EDIT_INSERT_NEAR,   /* … or has an extra neighbouring key */
  EDIT_INSERT_OTHER,
} EditKind;

/* The kind of the single edit turning @target into @typed, or EDIT_NONE
 * when they are equal or more than one edit apart. */
static EditKind
single_edit_kind (const char *typed,
                  const char *target)
{
  gsize lt = strlen (typed);
  gsize lg = strlen (target);
  gsize i = 0;

  while (i < lt && i < lg && typed[i] == target[i])
    i++;

  if (lt == lg)
    {
      if (i == lt)
        return EDIT_NONE;
      if (strcmp (typed + i + 1, target + i + 1) == 0)
        return keys_adjacent (typed[i], target[i]) ? EDIT_SUBSTITUTE_NEAR : EDIT_SUBSTITUTE_FAR;
      if (i + 1 < lt && typed[i] == target[i + 1] && typed[i + 1] == target[i] &&
          strcmp (typed + i + 2, target + i + 2) == 0)
        return EDIT_TRANSPOSE;
      return EDIT_NONE;
    }

  if (lt + 1 == lg)
    return strcmp (typed + i, target + i + 1) == 0 ? EDIT_DELETE : EDIT_NONE;

  if (lt == lg + 1)
    {
      if (strcmp (typed + i + 1, target + i) != 0)
        return EDIT_NONE;
      if ((i > 0 && typed[i] == typed[i - 1]) || typed[i] == typed[i + 1])
        return EDIT_INSERT_DOUBLE;
      if ((i > 0 && keys_adjacent (typed[i], typed[i - 1])) ||
          keys_adjacent (typed[i], typed[i + 1]))
        return EDIT_INSERT_NEAR;
      return EDIT_INSERT_OTHER;
    }

  return EDIT_NONE;
}

/* For two strings of the same length that differ in one place: whether
 * both letters there are vowels (icloud/iclaud). */
static gboolean
differ_in_vowels (const char *a,
                  const char *b)
{
  while (*a != '\0' && *a == *b)
    {
      a++;
      b++;
    }

  return *a != '\0' && strchr ("aeiouy", *a) != NULL &&
         strchr ("aeiouy", *b) != NULL;
}

/* Whether the name (the part before the suffix) typed by the user is
 * close enough to a popular one.  Short names need a closer match: a
 * two-letter difference in "qq" or "163" would be a different name.
 * Returns the distance, or G_MAXUINT when it is not close enough. */
static guint
name_distance (const char *typed,
               const char *target)
{
  gsize    len = strlen (target);
  gsize    typed_len = strlen (typed);
  EditKind kind;

  /* Two slips at most: names further apart in length are others. */
  if (typed_len > len + 2 || len > typed_len + 2)
    return G_MAXUINT;

  /* Slips rarely hit the first letter, and an extra or missing first
   * letter is usually another name (cloud/icloud, online/t-online). */
  if (len <= 3)
    return G_MAXUINT;

  if (typed[0] != target[0])
    {
      gboolean replaced_first = strlen (typed) == len && typed[1] == target[1];
      gboolean swapped_first = typed[0] == target[1] && typed[1] == target[0];

      if (!replaced_first && !swapped_first)
        return G_MAXUINT;
    }

  kind = single_edit_kind (typed, target);

  if (len == 4)
    {
      /* live/line, sohu/soho: only slips that keep every letter */
      if (kind == EDIT_TRANSPOSE || kind == EDIT_DELETE || kind == EDIT_INSERT_DOUBLE)
        return 1;
      return G_MAXUINT;
    }

  if (len == 5)
    {
      /* gmail/email: a substitution must be a neighbouring key */
      if (kind != EDIT_NONE && kind != EDIT_SUBSTITUTE_FAR)
        return 1;
      return G_MAXUINT;
    }

  if (len <= 7)
    {
      /* rogers/rodgers are different names: an extra or replaced letter
       * must come from a neighbouring key, or be a vowel for a vowel */
      switch (kind)
        {
        case EDIT_SUBSTITUTE_NEAR:
        case EDIT_TRANSPOSE:
        case EDIT_DELETE:
        case EDIT_INSERT_DOUBLE:
        case EDIT_INSERT_NEAR:
          return 1;
        case EDIT_SUBSTITUTE_FAR:
          return differ_in_vowels (typed, target) ? 1 : G_MAXUINT;
        case EDIT_NONE:
        case EDIT_INSERT_OTHER:
        default:
          return G_MAXUINT;
        }
    }

  {
    guint d = osa_distance (typed, target);

    return d <= 2 ? d : G_MAXUINT;
  }
}

/* The closest popular domain whose suffix is @suffix and whose name is
 * close to @name, or NULL. */
static const char *
fuzzy_popular (const char *name,
               const char *suffix)
{
  const char *best = NULL;
  guint       best_distance = G_MAXUINT;
  gsize       suffix_len = strlen (suffix);

  for (gsize i = 0; i < G_N_ELEMENTS (popular_domains); i++)
    {
      const char *candidate = popular_domains[i];
      const char *candidate_suffix;
      char        candidate_name[128];
      gsize       name_len;
      gsize       candidate_len = strlen (candidate);
      guint       distance;

      /* Cheap test first: the candidate must end in ".suffix". */
      if (candidate_len <= suffix_len || candidate[candidate_len - suffix_len - 1] != '.' ||
          memcmp (candidate + candidate_len - suffix_len, suffix, suffix_len) != 0)
        continue;
      candidate_suffix = find_suffix (candidate);
      if (candidate_suffix == NULL || strcmp (candidate_suffix, suffix) != 0)
        continue;

      name_len = MIN ((gsize) (candidate_suffix - candidate - 1), sizeof candidate_name - 1);
      memcpy (candidate_name, candidate, name_len);
      candidate_name[name_len] = '\0';
      distance = name_distance (name, candidate_name);
      if (distance < best_distance)
        {
          best = candidate;
          best_distance = distance;
        }
    }

  return best;
}

/* A popular domain spelt "<popular name>.<something>" where the
 * something is a broken or typo-prone suffix: gmail.con, qq.co, gmx.dr. */
static const char *
popular_name_wrong_suffix (const char *domain)
{
  const char *best = NULL;
  guint       best_distance = G_MAXUINT;

  for (gsize i = 0; i < G_N_ELEMENTS (popular_domains); i++)
    {
      const char *candidate = popular_domains[i];
      const char *candidate_suffix;
      gsize       name_len;
      const char *typed_suffix;
      gboolean    typo_prone = FALSE;
      guint       distance;

      if (domain[0] != candidate[0])
        continue;
      candidate_suffix = find_suffix (candidate);
      name_len = candidate_suffix - candidate; /* with the dot */
      if (strncmp (domain, candidate, name_len) != 0)
        continue;

      typed_suffix = domain + name_len;
      if (*typed_suffix == '\0' || strcmp (typed_suffix, candidate_suffix) == 0)
        continue;

      for (gsize j = 0; j < G_N_ELEMENTS (suffix_fixes); j++)
        {
          if (strcmp (typed_suffix, suffix_fixes[j].typed) == 0)
            typo_prone = TRUE;
        }

      /* gmail.de or qq.com.au may be real: leave valid suffixes alone */
      if (!typo_prone)
        {
          const char *last_dot = strrchr (typed_suffix, '.');
          const char *tld = last_dot != NULL ? last_dot + 1 : typed_suffix;

          if (is_valid_tld (tld))
            continue;
        }

      distance = osa_distance (typed_suffix, candidate_suffix);
      if (distance < best_distance)
        {
          best = candidate;
          best_distance = distance;
        }
    }

  return best;
}

/* Drop what is only decoration around an address or domain: white
 * space, "mailto:", angle brackets and trailing dots. */
static char *
strip_decoration (const char *text)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  char            *start = copy;
  gsize            len;

  if (g_ascii_strncasecmp (start, "mailto:", 7) == 0)
    start += 7;
  while (*start == '<' || g_ascii_isspace (*start))
    start++;

  len = strlen (start);
  while (len > 0 && (start[len - 1] == '>' || start[len - 1] == '.' ||
                     g_ascii_isspace (start[len - 1])))
    start[--len] = '\0';

  return g_strdup (start);
}

/* Clean up what a user typed or pasted: full-width characters (NFKC),
 * ideographic full stops, spaces and zero-width characters.  Case is
 * kept.  Sets @changed when the clean-up altered more than decoration
 * and case: such a change is worth showing to the user by itself. */
static char *
clean_input (const char *input,
             gboolean   *changed)
{
  g_autofree char *nfkc = NULL;
  g_autofree char *stripped = NULL;
  g_autofree char *raw = NULL;
  g_autofree char *raw_lower = NULL;
  g_autofree char *clean_lower = NULL;
  g_autoptr (GString) out = g_string_new (NULL);

  *changed = FALSE;

  if (!g_utf8_validate (input, -1, NULL))
    return NULL;

  /* Plain ASCII, the usual address: NFKC and lower-casing leave it as it
   * is, so the clean-up is dropping the decoration and the white space,
   * and only dropped white space counts as a change. */
  {
    const char *p = input;

    while (*p != '\0' && (guchar) *p < 0x80)
      p++;
    if (*p == '\0')
      {
        char *ascii = strip_decoration (input);
        char *to = ascii;

        for (const char *from = ascii; *from != '\0'; from++)
          if (*from != ' ' && *from != '\t' && *from != '\n' && *from != '\r' && *from != '\f')
            *to++ = *from;
        *changed = *to != '\0';
        *to = '\0';
        return ascii;
      }
  }

  /* NFKC leaves ASCII as it is: most addresses need no normalising */
  {
    const char *p = input;

    while (*p != '\0' && (guchar) *p < 0x80)
      p++;
    nfkc = *p == '\0' ? g_strdup (input) : g_utf8_normalize (input, -1, G_NORMALIZE_NFKC);
  }
  if (nfkc == NULL)
    return NULL;

  stripped = strip_decoration (nfkc);
  for (const char *p = stripped; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0x3002 || c == 0xFF61) /* ideographic full stops */
        g_string_append_c (out, '.');
      else if (c == 0x200B || c == 0x200C || c == 0x200D || c == 0xFEFF ||
               g_unichar_isspace (c))
        continue;
      else
        g_string_append_unichar (out, c);
    }

  raw = strip_decoration (input);
  raw_lower = g_utf8_strdown (raw, -1);
  clean_lower = g_utf8_strdown (out->str, -1);
  *changed = strcmp (raw_lower, clean_lower) != 0;

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Position of the (typo-prone) suffix of @domain in suffix_fixes, or NULL */
static const SuffixFix *
find_suffix_fix (const char *domain)
{
  gsize domain_len = strlen (domain);

  for (gsize i = 0; i < G_N_ELEMENTS (suffix_fixes); i++)
    {
      const char *typed = suffix_fixes[i].typed;
      gsize       typed_len = strlen (typed);

      if (domain_len > typed_len + 1 &&
          domain[domain_len - typed_len - 1] == '.' &&
          strcmp (domain + domain_len - typed_len, typed) == 0)
        return &suffix_fixes[i];
    }

  return NULL;
}

/* The suggestion for a cleaned, lower-case domain, or NULL. */
static char *
suggest_clean_domain (const char *domain)
{
  const SuffixFix *fix;
  const char      *suffix;
  const char      *match;

  if (*domain == '\0' || !is_ascii_domain (domain) ||
      strstr (domain, "..") != NULL || domain[0] == '.')
    return NULL;

  if (is_known_domain (domain))
    return NULL;

  /* 1. Known misspellings */
  {
    const char *intended = g_hash_table_lookup (typo_index ()->typos, domain);

    if (intended != NULL)
      return g_strdup (intended);
  }

  /* 2. A popular name with a broken or typo-prone suffix */
  match = popular_name_wrong_suffix (domain);
  if (match != NULL)
    return g_strdup (match);

  suffix = find_suffix (domain);
  if (suffix == NULL)
    return NULL;

  fix = find_suffix_fix (domain);

  /* 3. A slip in the name: with the suffix as typed when it exists … */
  if (fix == NULL || fix->real)
    {
      const char      *last_dot = strrchr (suffix, '.');
      g_autofree char *name = g_strndup (domain, suffix - domain - 1);

      if (is_valid_tld (last_dot != NULL ? last_dot + 1 : suffix))
        {
          match = fuzzy_popular (name, suffix);
          if (match != NULL)
            return g_strdup (match);
        }
    }

  /* … or with its fix (gmial.con) */
  if (fix != NULL)
    {
      g_autofree char *name = g_strndup (domain, strlen (domain) - strlen (fix->typed) - 1);

      match = fuzzy_popular (name, fix->intended);
      if (match != NULL)
        return g_strdup (match);

      /* 4. A suffix that cannot exist is fixed on any domain */
      if (!fix->real)
        return g_strconcat (name, ".", fix->intended, NULL);
    }

  return NULL;
}

/**
 * bb_typo_suggest_domain:
 * @domain: a mail domain as typed by the user
 *
 * Suggests the domain the user probably meant ("gmial.com" →
 * "gmail.com", "163.con" → "163.com", "ｇｍａｉｌ.com" → "gmail.com").
 * Case, surrounding white space and angle brackets and a trailing dot
 * are ignored.  Known mailbox domains and company domains far from any
 * popular one get no suggestion.
 *
 * Returns: (transfer full) (nullable): the suggestion, or %NULL
 */
char *
bb_typo_suggest_domain (const char *domain)
{
  g_autofree char *clean = NULL;
  g_autofree char *lower = NULL;
  const char      *at;
  char            *suggestion;
  gboolean         changed = FALSE;

  g_return_val_if_fail (domain != NULL, NULL);

  clean = clean_input (domain, &changed);
  if (clean == NULL)
    return NULL;

  at = strrchr (clean, '@');
  lower = bb_text_ascii_lower (at != NULL ? at + 1 : clean, -1);

  suggestion = suggest_clean_domain (lower);
  if (suggestion == NULL && changed && is_ascii_domain (lower) &&
      strchr (lower, '.') != NULL && lower[0] != '.')
    suggestion = g_strdup (lower);

  return suggestion;
}

/**
 * bb_typo_suggest_address:
 * @address: a mail address as typed by the user
 *
 * Like bb_typo_suggest_domain() for a whole address.  The local part is
 * kept as typed, only cleaned of full-width characters and spaces.
 *
 * Returns: (transfer full) (nullable): the corrected address, or %NULL
 */
char *
bb_typo_suggest_address (const char *address)
{
  g_autofree char *clean = NULL;
  g_autofree char *local = NULL;
  g_autofree char *domain = NULL;
  g_autofree char *suggestion = NULL;
  const char      *at;
  gboolean         changed = FALSE;

  g_return_val_if_fail (address != NULL, NULL);

  clean = clean_input (address, &changed);
  if (clean == NULL)
    return NULL;

  at = strrchr (clean, '@');
  if (at == NULL || at == clean || at[1] == '\0')
    return NULL;

  local = g_strndup (clean, at - clean);
  domain = bb_text_ascii_lower (at + 1, -1);

  suggestion = suggest_clean_domain (domain);
  if (suggestion != NULL)
    return g_strconcat (local, "@", suggestion, NULL);

  if (changed && is_ascii_domain (domain) && strchr (domain, '.') != NULL &&
      domain[0] != '.')
    return g_strconcat (local, "@", domain, NULL);

  return NULL;
}

/* The one domain of @known that @domain is a slip of: the same suffix and
 * one edit in the name (two for names of eight letters or more), or NULL
 * when none or several are that close. */
static const char *
closest_known (const char        *domain,
               const char *const *known)
{
  const char *suffix = find_suffix (domain);
  const char *best = NULL;
  guint       best_distance = G_MAXUINT;
  gboolean    tie = FALSE;
  g_autofree char *name = NULL;

  if (suffix == NULL || suffix == domain)
    return NULL;
  name = g_strndup (domain, suffix - domain - 1);
  for (guint i = 0; known[i] != NULL; i++)
    {
      const char *other_suffix;
      g_autofree char *other_name = NULL;
      guint        distance;
      guint        limit;

      if (g_ascii_strcasecmp (known[i], domain) == 0)
        return NULL; /* mailed before: not a slip */
      other_suffix = find_suffix (known[i]);
      if (other_suffix == NULL || other_suffix == known[i] || g_ascii_strcasecmp (other_suffix, suffix) != 0)
        continue;
      other_name = bb_text_ascii_lower (known[i], other_suffix - known[i] - 1);
      /* short names differ by one letter all the time (abc.com, abd.com) */
      if (strlen (other_name) < 5)
        continue;
      limit = strlen (other_name) >= 8 ? 2 : 1;
      distance = osa_distance (name, other_name);
      if (distance == 0 || distance > limit)
        continue;
      if (distance < best_distance)
        {
          best = known[i];
          best_distance = distance;
          tie = FALSE;
        }
      else if (distance == best_distance && g_ascii_strcasecmp (best, known[i]) != 0)
        tie = TRUE;
    }
  return tie ? NULL : best;
}

/**
 * bb_typo_suggest_address_known:
 * @address: the address as typed
 * @known_domains: (nullable) (array zero-terminated=1): domains the user
 *   already mails successfully (from the log)
 *
 * Like bb_typo_suggest_address(), and when that finds nothing, compares a
 * company domain with the user's own: "companay.com" when
 * "company.com" is known.  A domain in @known_domains is never changed.
 *
 * Returns: (nullable): the corrected address
 */
char *
bb_typo_suggest_address_known (const char        *address,
                               const char *const *known_domains)
{
  g_autofree char *clean = NULL;
  g_autofree char *domain = NULL;
  const char      *at;
  const char      *match;
  gboolean         changed = FALSE;
  char            *suggestion;

  g_return_val_if_fail (address != NULL, NULL);

  clean = clean_input (address, &changed);
  if (clean == NULL || (at = strrchr (clean, '@')) == NULL || at == clean || at[1] == '\0')
    return bb_typo_suggest_address (address);
  domain = bb_text_ascii_lower (at + 1, -1);
  for (guint i = 0; known_domains != NULL && known_domains[i] != NULL; i++)
    if (g_ascii_strcasecmp (domain, known_domains[i]) == 0)
      return NULL;
  suggestion = bb_typo_suggest_address (address);
  /* a real fix wins; a mere clean-up (full-width forms) may go further */
  if ((suggestion != NULL && !g_str_has_suffix (suggestion, domain)) || known_domains == NULL ||
      !is_ascii_domain (domain) || is_popular (domain))
    return suggestion;
  match = closest_known (domain, known_domains);
  if (match == NULL)
    return suggestion;
  {
    g_autofree char *lower = bb_text_ascii_lower (match, -1);

    g_free (suggestion);
    return g_strdup_printf ("%.*s@%s", (int) (at - clean), clean, lower);
  }
}

/**
 * bb_typo_normalize_address:
 * @address: an address as typed or pasted
 *
 * What Chinese input methods and copying produce, undone: full-width
 * forms (＠, ．, 。 and full-width letters), spaces and invisible
 * characters inside, "mailto:", angle brackets and a closing full stop.
 * The case is kept.
 *
 * Returns: (nullable): the clean address, or %NULL for text that is not
 *   valid UTF-8
 */
char *
bb_typo_normalize_address (const char *address)
{
  gboolean changed = FALSE;

  g_return_val_if_fail (address != NULL, NULL);
  return clean_input (address, &changed);
}
