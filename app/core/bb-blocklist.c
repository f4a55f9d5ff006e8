/* bb-blocklist.c - which blocklist a bounce names, what it listed, and
 * where to look it up
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bb-blocklist.h"
#include "bb-text.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* The lists named in real bounces, from the operators' pages and the
 * wording of Sisimai's Blocked/SpamDetected rules and real notices (see
 * the reference notes).  Lookup pages are the operators' own; none is
 * given where it could not be checked. */
static const BbBlocklist lists[] = {
  { "spamhaus-dbl", "Spamhaus DBL", BB_BLOCKLIST_DOMAIN, "dbl.spamhaus.org", "https://check.spamhaus.org/",
    N_ ("Spamhaus DBL lists domains found in spam: a domain in your email (your website, a link, a link shortener) "
        "or your sender domain is on it. Check each domain of your links at check.spamhaus.org, remove "
        "shortened links, and ask whoever runs the listed domain to fix the cause and request removal."),
    FALSE },
  { "spamhaus-zen", "Spamhaus ZEN", BB_BLOCKLIST_IP, "zen.spamhaus.org", "https://check.spamhaus.org/",
    N_ ("Spamhaus lists IP addresses that sent spam, hijacked computers and home connections. If the listed "
        "IP belongs to your mail provider (QQ, NetEase, Gmail, Outlook), you cannot delist it: wait, or send "
        "from another mailbox. If it is your company's server, IT must fix the cause and then request removal "
        "at check.spamhaus.org."),
    FALSE },
  { "spamcop", "SpamCop", BB_BLOCKLIST_IP, "bl.spamcop.net", "https://www.spamcop.net/bl.shtml",
    N_ ("SpamCop lists an IP for about a day after people report spam from it; it removes it by itself once "
        "the reports stop. Find out why your server was reported, then try again tomorrow."),
    FALSE },
  { "barracuda", "Barracuda BRBL", BB_BLOCKLIST_IP, "b.barracudacentral.org", "https://www.barracudacentral.org/lookups",
    N_ ("Barracuda's reputation list. Look the IP up and request removal at barracudacentral.org (the "
        "removal form is free). Barracuda filters also look at the IPs in your email's headers, so the listed "
        "IP can be your own office connection."),
    FALSE },
  { "sorbs", "SORBS", BB_BLOCKLIST_IP, NULL, NULL,
    N_ ("SORBS was shut down in June 2024: nothing can be delisted there. The recipient's filter still uses an "
        "outdated setting; ask the recipient (or their IT) to remove SORBS from it, or reach them another way."),
    TRUE },
  { "uceprotect", "UCEPROTECT", BB_BLOCKLIST_IP, "dnsbl-1.uceprotect.net", "https://www.uceprotect.net/en/rblcheck.php",
    N_ ("UCEPROTECT lists single IPs (level 1) but also whole networks (levels 2 and 3), so innocent senders on "
        "big providers are often caught. Do not pay for express delisting; a level 1 entry expires by itself "
        "after a week, and for levels 2 and 3 ask the recipient to stop rejecting on them."),
    FALSE },
  { "microsoft", "Microsoft (Outlook.com / Microsoft 365)", BB_BLOCKLIST_PRIVATE, NULL, "https://sender.office.com/",
    N_ ("Microsoft's own block list for Outlook.com and Microsoft 365. A company server can request delisting at "
        "sender.office.com; for a personal mailbox of QQ, NetEase or another provider, only that provider can "
        "act: send to this client from a company mailbox with SPF, DKIM and DMARC set up."),
    FALSE },
  { "proofpoint", "Proofpoint", BB_BLOCKLIST_PRIVATE, NULL, "https://ipcheck.proofpoint.com/",
    N_ ("Proofpoint's reputation list (used by many company gateways and by iCloud). Look the IP up and ask for "
        "removal at ipcheck.proofpoint.com."),
    FALSE },
  { "cloudmark", "Cloudmark Sender Intelligence", BB_BLOCKLIST_PRIVATE, NULL, "https://csi.cloudmark.com/",
    N_ ("Cloudmark's reputation list (used by Cox, Orange, GoDaddy and many ISPs). Look the IP up and request a "
        "reset at csi.cloudmark.com."),
    FALSE },
  { "mimecast", "Mimecast", BB_BLOCKLIST_PRIVATE, NULL, NULL,
    N_ ("The client's Mimecast gateway refused you, by its own reputation list or by a block rule the client's "
        "administrator set. Only they can lift a rule: reach the client another way and ask them to allow your "
        "address."),
    FALSE },
  { "trendmicro", "Trend Micro Email Reputation", BB_BLOCKLIST_IP, NULL, NULL,
    N_ ("Trend Micro's reputation list. Use the lookup link in the bounce to check the IP and request removal."),
    FALSE },
  { "senderscore", "Validity Sender Score", BB_BLOCKLIST_IP, "bl.score.senderscore.com", "https://senderscore.org/",
    N_ ("Validity (Return Path) gives the IP a poor Sender Score. Check it at senderscore.org; the score recovers "
        "when fewer emails bounce or are reported."),
    FALSE },
  { "invaluement", "Invaluement", BB_BLOCKLIST_IP, NULL, "https://www.invaluement.com/",
    N_ ("Invaluement lists low-reputation senders and links. Check the IP and your link domains at "
        "invaluement.com."),
    FALSE },
  { "surbl", "SURBL / URIBL", BB_BLOCKLIST_DOMAIN, "multi.surbl.org", "https://www.surbl.org/surbl-analysis",
    N_ ("A link in your email points to a domain on a spam-link list. Check your website, shop and shortened "
        "links at surbl.org and uribl.com, and send without the listed link."),
    FALSE },
  { "psbl", "PSBL", BB_BLOCKLIST_IP, "psbl.surriel.com", "https://psbl.org/",
    N_ ("PSBL lists IPs that sent to spam traps; removal is self-service at psbl.org."),
    FALSE },
  { "abusix", "Abusix", BB_BLOCKLIST_IP, "combined.mail.abusix.zone", "https://abusix.com/",
    N_ ("Abusix lists IPs seen sending spam. Check the IP on the operator's lookup page and fix the cause first."),
    FALSE },
  { "mailspike", "Mailspike", BB_BLOCKLIST_IP, "bl.mailspike.net", "https://mailspike.org/",
    N_ ("Mailspike rates IP reputation; a poor rating recovers when the IP sends clean mail for a while."),
    FALSE },
  { "spamrats", "SpamRATS", BB_BLOCKLIST_IP, NULL, "https://www.spamrats.com/",
    N_ ("SpamRATS lists IPs with no reverse DNS name, home connections and spam sources. Your mail server needs "
        "a proper reverse DNS name; request removal at spamrats.com."),
    FALSE },
  { "junkemailfilter", "JunkEmailFilter", BB_BLOCKLIST_IP, NULL, "https://www.junkemailfilter.com/",
    N_ ("JunkEmailFilter's reputation list. Check the IP on its site."),
    FALSE },
  { "casa", "China Anti-Spam Alliance (CBL/CDL)", BB_BLOCKLIST_IP, "cblplus.anti-spam.org.cn", "http://anti-spam.org.cn/",
    N_ ("The China Anti-Spam Alliance lists Chinese spam sources (CBL) and dynamic broadband addresses (CDL). A "
        "company server on a broadband line should send through a proper mail service."),
    FALSE },
  { "netease", "NetEase (own list)", BB_BLOCKLIST_PRIVATE, NULL, NULL,
    N_ ("NetEase's own list of sending IPs. Use the appeal link in the bounce, if there is one, or send from "
        "another mailbox for now."),
    FALSE },
  { "tencent", "Tencent (own list)", BB_BLOCKLIST_PRIVATE, NULL, NULL,
    N_ ("Tencent's own list of sending IPs. Use the feedback link in the bounce, if there is one, or send from "
        "another mailbox for now."),
    FALSE },
  { "unnamed", N_ ("Unnamed blocklist"), BB_BLOCKLIST_PRIVATE, NULL, NULL,
    N_ ("The receiving server refused you because of a blocklist it does not name. If the bounce gives an IP, "
        "look it up at a multi-list checker; if you send from QQ, NetEase, Gmail or Outlook, the IP is your "
        "provider's and you cannot delist it: retry later or use another mailbox."),
    FALSE },
};

/* Phrases (lower case) that name each list, by id; NULL-terminated.  A
 * phrase starting with a letter or digit must start a word. */
typedef struct
{
  const char        *id;
  const char *const *phrases;
} Phrases;

static const char *const dbl_phrases[] = { "dbl.spamhaus.org", "spamhaus dbl", "spamhaus.org/query/dbl",
                                           "spamhaus.org/query/domain", "spamhaus.org/dbl", NULL };
static const char *const zen_phrases[] = { "zen.spamhaus.org", "sbl.spamhaus.org", "xbl.spamhaus.org",
                                           "pbl.spamhaus.org", "sbl-xbl.spamhaus.org", "spamhaus", NULL };
static const char *const spamcop_phrases[] = { "spamcop", NULL };
static const char *const barracuda_phrases[] = { "barracudacentral", "barracuda reputation",
                                                 "barracudanetworks.com/reputation", "barracuda", NULL };
static const char *const sorbs_phrases[] = { "sorbs", NULL };
static const char *const uce_phrases[] = { "uceprotect", NULL };
static const char *const microsoft_phrases[] = { "s3150", "s3140", "banned sending ip",
                                                 "part of their network is on our block list",
                                                 "sender.office.com", NULL };
static const char *const proofpoint_phrases[] = { "proofpoint", NULL };
static const char *const cloudmark_phrases[] = { "cloudmark", NULL };
static const char *const mimecast_phrases[] = { "mimecast", "local ct ip reputation", NULL };
static const char *const trend_phrases[] = { "trend micro email reputation", "mail-abuse.com", "ers.trendmicro",
                                             NULL };
static const char *const senderscore_phrases[] = { "senderscore", "sender score", "return path dnsbl", NULL };
static const char *const invaluement_phrases[] = { "invaluement", NULL };
static const char *const surbl_phrases[] = { "surbl", "uribl", "blacklisted url", NULL };
static const char *const psbl_phrases[] = { "psbl", NULL };
static const char *const abusix_phrases[] = { "abusix", NULL };
static const char *const mailspike_phrases[] = { "mailspike", NULL };
static const char *const spamrats_phrases[] = { "spamrats", "rats-dyna", "rats-noptr", "rats-spam", NULL };
static const char *const jef_phrases[] = { "junkemailfilter", "multi-blacklist", NULL };
static const char *const casa_phrases[] = { "anti-spam.org.cn", "cblplus", "cblless", NULL };
static const char *const netease_phrases[] = { "dt:rbl", "hl:ipb", "ip in blacklist", "mi:spb", NULL };
static const char *const tencent_phrases[] = { "suspected spam ip", NULL };
/* Only when no list is named. */
static const char *const unnamed_phrases[] = { "blocked using", "blacklisted by", "is in a black list",
                                               "listed in the rbl", "ip address is listed", "rejected based on blacklist",
                                               "listed as abusive", "blocked by rbl", "dnsbl", "rbl", "blocklist",
                                               "blacklist", "black list", "block list", "blocked list", NULL };

static const Phrases phrases[] = {
  { "spamhaus-dbl", dbl_phrases },
  { "spamhaus-zen", zen_phrases },
  { "spamcop", spamcop_phrases },
  { "barracuda", barracuda_phrases },
  { "sorbs", sorbs_phrases },
  { "uceprotect", uce_phrases },
  { "microsoft", microsoft_phrases },
  { "proofpoint", proofpoint_phrases },
  { "cloudmark", cloudmark_phrases },
  { "mimecast", mimecast_phrases },
  { "trendmicro", trend_phrases },
  { "senderscore", senderscore_phrases },
  { "invaluement", invaluement_phrases },
  { "surbl", surbl_phrases },
  { "psbl", psbl_phrases },
  { "abusix", abusix_phrases },
  { "mailspike", mailspike_phrases },
  { "spamrats", spamrats_phrases },
  { "junkemailfilter", jef_phrases },
  { "casa", casa_phrases },
  { "netease", netease_phrases },
  { "tencent", tencent_phrases },
};

void
bb_blocklist_hit_free (BbBlocklistHit *hit)
{
  if (hit == NULL)
    return;
  g_free (hit->listed);
  g_free (hit->url);
  g_free (hit);
}

/**
 * bb_blocklist_get_all:
 * @n_lists: (out): the number of lists
 *
 * Returns: (array length=n_lists): every list the knowledge base knows,
 *   the unnamed one last
 */
const BbBlocklist *
bb_blocklist_get_all (guint *n_lists)
{
  *n_lists = G_N_ELEMENTS (lists);
  return lists;
}

/**
 * bb_blocklist_lookup:
 *
 * Returns: (nullable): the list with machine name @id
 */
const BbBlocklist *
bb_blocklist_lookup (const char *id)
{
  for (guint i = 0; id != NULL && i < G_N_ELEMENTS (lists); i++)
    if (strcmp (lists[i].id, id) == 0)
      return &lists[i];
  return NULL;
}

static gboolean
is_word_char (char c)
{
  return g_ascii_isalnum (c) || c == '_';
}

/* The first place in @lower where @phrase stands at a word start, from
 * @from on, or NULL. */
static const char *
find_phrase (const char *lower,
             const char *phrase,
             const char *from)
{
  const char *p = from;

  while ((p = strstr (p, phrase)) != NULL)
    {
      if (!is_word_char (phrase[0]) || p == lower || !is_word_char (p[-1]))
        return p;
      p++;
    }
  return NULL;
}

/* "spamhaus" alone counts for ZEN only outside a DBL mention. */
static gboolean
generic_spamhaus_is_dbl (const char *lower,
                         const char *at)
{
  return (at - lower >= 4 && strncmp (at - 4, "dbl.", 4) == 0) ||
         strncmp (at, "spamhaus dbl", 12) == 0 ||
         strncmp (at, "spamhaus.org/query/dbl", 22) == 0 ||
         strncmp (at, "spamhaus.org/query/domain", 25) == 0 ||
         strncmp (at, "spamhaus.org/dbl", 16) == 0;
}

static gboolean
names_list (const char        *lower,
            const char        *id,
            const char *const *list_phrases)
{
  for (guint i = 0; list_phrases[i] != NULL; i++)
    {
      const char *at = lower;

      while ((at = find_phrase (lower, list_phrases[i], at)) != NULL)
        {
          if (strcmp (id, "spamhaus-zen") != 0 || strcmp (list_phrases[i], "spamhaus") != 0 ||
              !generic_spamhaus_is_dbl (lower, at))
            return TRUE;
          at++;
        }
    }
  return FALSE;
}

/* The first http(s) link in @text (original case; @lower is the same text
 * in lower case) that contains one of @list_phrases, or NULL. */
static char *
find_url (const char        *text,
          const char        *lower,
          const char *const *list_phrases)
{
  const char *p = lower;

  while ((p = strstr (p, "http")) != NULL)
    {
      const char *start = p;
      const char *end;

      if (strncmp (p, "http://", 7) != 0 && strncmp (p, "https://", 8) != 0)
        {
          p++;
          continue;
        }
      end = start;
      while (*end != '\0' && !g_ascii_isspace (*end) && strchr ("<>\"'()[]{}|\\^`", *end) == NULL)
        end++;
      /* a full stop or comma closing the sentence is not the link's */
      while (end > start && strchr (".,;:", end[-1]) != NULL)
        end--;
      for (guint i = 0; list_phrases[i] != NULL; i++)
        {
          if (g_strstr_len (start, end - start, list_phrases[i]) != NULL)
            return g_strndup (text + (start - lower), end - start);
        }
      p = end > p ? end : p + 1;
    }
  return NULL;
}

/* The domain a domain list's link names ("…?domain=example.com"). */
static char *
domain_in_url (const char *url)
{
  const char *p;
  const char *end;

  if (url == NULL || (p = strstr (url, "domain=")) == NULL)
    return NULL;
  p += strlen ("domain=");
  end = p;
  while (g_ascii_isalnum (*end) || *end == '.' || *end == '-')
    end++;
  if (end == p || memchr (p, '.', end - p) == NULL)
    return NULL;
  return bb_text_ascii_lower (p, end - p);
}

/**
 * bb_blocklist_scan:
 * @text: (nullable): the server's words, or the whole notice
 *
 * Finds the blocklists @text names.  Each list comes once, in the order
 * of the knowledge base; the unnamed list only when none is named but the
 * wording is that of a blocklist rejection.  An IP list's hit carries the
 * IP the text gives (bb_blocklist_find_ip()), a domain list's the domain
 * its link names; each carries the lookup link the text gives, if any.
 *
 * Returns: (transfer full) (element-type BbBlocklistHit): the hits,
 *   possibly none
 */
GPtrArray *
bb_blocklist_scan (const char *text)
{
  g_autoptr (GPtrArray) hits = g_ptr_array_new_with_free_func ((GDestroyNotify) bb_blocklist_hit_free);
  g_autofree char *lower = NULL;
  g_autofree char *ip = NULL;

  if (text == NULL || *text == '\0')
    return g_steal_pointer (&hits);
  /* ASCII only: UTF-8 sequences are left as they are, so offsets agree */
  lower = bb_text_ascii_lower (text, -1);
  for (guint i = 0; i < G_N_ELEMENTS (phrases); i++)
    if (names_list (lower, phrases[i].id, phrases[i].phrases))
      {
        BbBlocklistHit *hit = g_new0 (BbBlocklistHit, 1);

        hit->list = bb_blocklist_lookup (phrases[i].id);
        hit->url = find_url (text, lower, phrases[i].phrases);
        g_ptr_array_add (hits, hit);
      }
  if (hits->len == 0 && names_list (lower, "unnamed", unnamed_phrases))
    {
      BbBlocklistHit *hit = g_new0 (BbBlocklistHit, 1);

      hit->list = bb_blocklist_lookup ("unnamed");
      g_ptr_array_add (hits, hit);
    }
  if (hits->len == 0)
    return g_steal_pointer (&hits);

  ip = bb_blocklist_find_ip (text, NULL);
  for (guint i = 0; i < hits->len; i++)
    {
      BbBlocklistHit *hit = g_ptr_array_index (hits, i);

      if (hit->list->kind == BB_BLOCKLIST_DOMAIN)
        hit->listed = domain_in_url (hit->url);
      else
        hit->listed = g_strdup (ip);
    }
  return g_steal_pointer (&hits);
}

/* Parses a dotted IPv4 address at @p (not inside a longer run of digits
 * and dots); *end is set past it. */
static gboolean
parse_ipv4 (const char  *start,
            const char  *p,
            guint8       octets[4],
            const char **end)
{
  if (p > start && (g_ascii_isdigit (p[-1]) || p[-1] == '.'))
    return FALSE;
  for (guint i = 0; i < 4; i++)
    {
      guint value = 0;
      guint digits = 0;

      while (g_ascii_isdigit (*p) && digits < 4)
        {
          value = value * 10 + (guint) (*p - '0');
          p++;
          digits++;
        }
      if (digits == 0 || digits > 3 || value > 255)
        return FALSE;
      octets[i] = (guint8) value;
      if (i < 3)
        {
          if (*p != '.')
            return FALSE;
          p++;
        }
    }
  if (g_ascii_isdigit (*p) || (*p == '.' && g_ascii_isdigit (p[1])))
    return FALSE;
  *end = p;
  return TRUE;
}

static gboolean
octets_are_public (const guint8 o[4])
{
  return !(o[0] == 0 || o[0] == 10 || o[0] == 127 || o[0] >= 224 ||
           (o[0] == 100 && (o[1] & 0xc0) == 64) ||
           (o[0] == 169 && o[1] == 254) ||
           (o[0] == 172 && (o[1] & 0xf0) == 16) ||
           (o[0] == 192 && o[1] == 168) ||
           (o[0] == 192 && o[1] == 0 && o[2] == 0));
}

/**
 * bb_blocklist_ip_is_public:
 * @ip: a dotted IPv4 address
 *
 * Returns: %TRUE when @ip is an IPv4 address that can send mail on the
 *   internet (not private, loopback, link-local, shared or multicast);
 *   documentation ranges count as public, so that examples work
 */
gboolean
bb_blocklist_ip_is_public (const char *ip)
{
  guint8      octets[4];
  const char *end;

  return ip != NULL && parse_ipv4 (ip, ip, octets, &end) && *end == '\0' && octets_are_public (octets);
}

/* Words that, just before an address, say it is the sender's. */
static const char *const sender_cues[] = {
  "client host", "client", "your ip", "sending ip", "ip address", "from ip", "from", "ip=", "ip:", "ip ",
  "query/ip/", "bl.shtml?", "lookup?", "sender", "listed", "connecting", "source", NULL
};

/**
 * bb_blocklist_find_ip:
 * @text: (nullable): the server's words
 * @exclude: (nullable): an address not to return (the receiving server's)
 *
 * Finds the sending server's IPv4 address in a rejection: "Client host
 * [IP] blocked using …", "…bl.shtml?IP", "messages from [IP]", "ip=IP".
 * An address written right after a host name ("mx.example.com[IP]") is
 * the receiver's and is skipped, as are private and loopback addresses
 * (a DNSBL's answer 127.0.0.2 is not an IP of anyone's).
 *
 * Returns: (nullable): the address, or %NULL
 */
char *
bb_blocklist_find_ip (const char *text,
                      const char *exclude)
{
  g_autofree char *lower = NULL;
  char            *best = NULL;
  int              best_score = -1;

  if (text == NULL)
    return NULL;
  lower = bb_text_ascii_lower (text, -1);
  for (const char *p = lower; *p != '\0'; p++)
    {
      guint8      octets[4];
      const char *end;
      const char *before;
      int         score = 0;
      g_autofree char *ip = NULL;

      if (!g_ascii_isdigit (*p) || !parse_ipv4 (lower, p, octets, &end))
        continue;
      ip = g_strndup (p, end - p);
      if (!octets_are_public (octets) || g_strcmp0 (ip, exclude) == 0)
        {
          p = end - 1;
          continue;
        }
      before = p;
      if (before > lower && (before[-1] == '[' || before[-1] == '('))
        {
          before--;
          /* host[IP] or host ([IP]): the receiving server */
          if (before > lower && (g_ascii_isalnum (before[-1]) || before[-1] == '.' || before[-1] == '-'))
            {
              p = end - 1;
              continue;
            }
        }
      for (guint i = 0; sender_cues[i] != NULL; i++)
        {
          gsize       len = strlen (sender_cues[i]);
          const char *window = before - MIN ((gsize) (before - lower), len + 3);

          if (g_strstr_len (window, before - window, sender_cues[i]) != NULL)
            {
              score = (int) (G_N_ELEMENTS (sender_cues) - i);
              break;
            }
        }
      if (score > best_score)
        {
          g_free (best);
          best = g_steal_pointer (&ip);
          best_score = score;
        }
      p = end - 1;
    }
  return best;
}
