/* test-core-reason-patterns.c - the phrase lists behind each bounce reason
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bb-reason-patterns.h"

#include <locale.h>
#include <string.h>

#define MAX_GAP 60

static const char *const all_reasons[] = {
  "authfailure",
  "badreputation",
  "blocked",
  "contenterror",
  "delivered",
  "exceedlimit",
  "expired",
  "filtered",
  "hasmoved",
  "hostunknown",
  "mailboxfull",
  "mailererror",
  "mesgtoobig",
  "networkerror",
  "norelaying",
  "notaccept",
  "notcompliantrfc",
  "onhold",
  "policyviolation",
  "rejected",
  "requireptr",
  "securityerror",
  "spamdetected",
  "speeding",
  "suspend",
  "syntaxerror",
  "systemerror",
  "systemfull",
  "toomanyconn",
  "userunknown",
  "vacation",
  "virusdetected",
  NULL,
};

/* Reasons that may come with no phrases at all. */
static const char *const may_be_empty[] = {
  "delivered",
  "onhold",
  "vacation",
  NULL,
};

static gboolean
in_list (const char *const *list,
         const char        *s)
{
  guint i;

  for (i = 0; list[i] != NULL; i++)
    if (strcmp (list[i], s) == 0)
      return TRUE;
  return FALSE;
}

/* Lower case with white space collapsed, the way the classifier sees a
 * diagnostic. */
static char *
normalize (const char *text)
{
  g_autofree char *lower = g_utf8_strdown (text, -1);
  GString         *out = g_string_new (NULL);
  gboolean         space = FALSE;
  const char      *p;

  for (p = lower; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        {
          space = TRUE;
          continue;
        }
      if (space && out->len > 0)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

/* A deliberately plain matcher, independent of the classifier's: every
 * piece between '*'s must follow the previous one within MAX_GAP bytes. */
static gboolean
match_from (const char *text,
            const char *phrase,
            gboolean    anchored_gap)
{
  const char *star = strchr (phrase, '*');
  gsize       n = star != NULL ? (gsize) (star - phrase) : strlen (phrase);
  gsize       len = strlen (text);
  gsize       limit = anchored_gap ? MIN (len, MAX_GAP + n) : len;
  gsize       i;

  for (i = 0; i + n <= limit; i++)
    {
      if (strncmp (text + i, phrase, n) != 0)
        continue;
      if (star == NULL)
        return TRUE;
      if (match_from (text + i + n, star + 1, TRUE))
        return TRUE;
    }
  return FALSE;
}

static gboolean
phrase_matches (const char *text,
                const char *phrase)
{
  return match_from (text, phrase, FALSE);
}

static void
test_matcher_itself (void)
{
  g_assert_true (phrase_matches ("550 user unknown here", "user unknown"));
  g_assert_true (phrase_matches ("this user doesn't have a yahoo.com account",
                                 "this user doesn't have a * account"));
  g_assert_false (phrase_matches ("mailbox full", "mailbox * full"));
  g_assert_false (phrase_matches ("user x", "x*user"));
  /* A gap longer than MAX_GAP breaks the match. */
  {
    g_autofree char *pad = g_strnfill (MAX_GAP + 1, 'x');
    g_autofree char *text = g_strconcat ("abc ", pad, " def", NULL);

    g_assert_false (phrase_matches (text, "abc*def"));
  }
}

static void
test_every_reason_known (void)
{
  guint i;

  for (i = 0; all_reasons[i] != NULL; i++)
    {
      const char *const *phrases = bb_reason_phrases (all_reasons[i]);

      g_test_message ("reason %s", all_reasons[i]);
      g_assert_nonnull (phrases);
      if (!in_list (may_be_empty, all_reasons[i]))
        g_assert_nonnull (phrases[0]);
    }
  g_assert_null (bb_reason_phrases ("no-such-reason"));
  g_assert_null (bb_reason_phrases (""));
}

static void
test_phrase_form (void)
{
  guint i, j;

  for (i = 0; all_reasons[i] != NULL; i++)
    {
      const char *const *phrases = bb_reason_phrases (all_reasons[i]);

      for (j = 0; phrases[j] != NULL; j++)
        {
          const char *p = phrases[j];
          gsize       len = strlen (p);
          const char *c;

          g_test_message ("%s: \"%s\"", all_reasons[i], p);
          g_assert_cmpuint (len, >, 0);
          g_assert_true (g_utf8_validate (p, -1, NULL));
          for (c = p; *c != '\0'; c++)
            g_assert_false (g_ascii_isupper (*c));
          g_assert_null (strstr (p, "  "));
          g_assert_null (strstr (p, "**"));
          g_assert_false (g_ascii_isspace (p[0]));
          g_assert_false (g_ascii_isspace (p[len - 1]));
          g_assert_cmpint (p[0], !=, '*');
          g_assert_cmpint (p[len - 1], !=, '*');
          g_assert_null (strchr (p, '\t'));
          g_assert_null (strchr (p, '\n'));
        }
    }
}

static void
test_no_phrase_twice (void)
{
  g_autoptr (GHashTable) owner = g_hash_table_new (g_str_hash, g_str_equal);
  guint i, j;

  for (i = 0; all_reasons[i] != NULL; i++)
    {
      const char *const *phrases = bb_reason_phrases (all_reasons[i]);

      for (j = 0; phrases[j] != NULL; j++)
        {
          const char *seen = g_hash_table_lookup (owner, phrases[j]);

          if (seen != NULL)
            g_error ("\"%s\" is listed under %s and %s", phrases[j], seen, all_reasons[i]);
          g_hash_table_insert (owner, (gpointer) phrases[j], (gpointer) all_reasons[i]);
        }
    }
}

typedef struct
{
  const char *reason;
  const char *diagnostic;
} Sample;

/* Diagnostics written after what real servers say (no real addresses). */
static const Sample samples[] = {
  { "userunknown",
    "550 5.1.1 <x@y.com>: Recipient address rejected: User unknown in virtual mailbox table" },
  { "userunknown",
    "550-5.1.1 The email account that you tried to reach does not exist. Please try\n"
    "550-5.1.1 double-checking the recipient's email address for typos or\n"
    "550 5.1.1 unnecessary spaces. - gsmtp" },
  { "userunknown",
    "550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup" },
  { "userunknown",
    "554 delivery error: dd This user doesn't have a yahoo.com account (x@yahoo.com) [0]" },
  { "userunknown", "550 Mailbox not found. http://service.mail.qq.com/cgi-bin/help" },
  { "userunknown", "收件人邮件地址（x@example.com）不存在，邮件无法送达。" },
  { "mailboxfull", "552 5.2.2 mailbox full" },
  { "mailboxfull",
    "452-4.2.2 The email account that you tried to reach is over quota. Please direct\n"
    "452 4.2.2 the recipient to https://support.google.com/mail/?p=OverQuotaTemp - gsmtp" },
  { "mailboxfull", "552 5.2.2 <x@icloud.com>: user is over quota" },
  { "mailboxfull", "550 收件人邮箱空间已满" },
  { "suspend",
    "550-5.2.1 The email account that you tried to reach is disabled. - gsmtp" },
  { "suspend", "550 User suspended" },
  { "blocked",
    "550 5.7.1 Service unavailable; Client host [1.2.3.4] blocked using zen.spamhaus.org" },
  { "blocked",
    "550 5.7.606 Access denied, banned sending IP [192.0.2.1]. To request removal from "
    "this list please visit https://sender.office.com/" },
  { "authfailure",
    "550 5.7.26 This mail has been blocked because the sender is unauthenticated. Gmail "
    "requires all senders to authenticate with either SPF or DKIM." },
  { "authfailure",
    "550 5.7.509 Access denied, sending domain EXAMPLE.COM does not pass DMARC "
    "verification and has a DMARC policy of reject." },
  { "authfailure",
    "550 5.7.23 The message was rejected because of Sender Policy Framework violation" },
  { "authfailure", "550 DMARC check failed" },
  { "badreputation",
    "451 4.7.650 The mail server [192.0.2.1] has been temporarily rate limited due to IP "
    "reputation. For e-mail delivery information, see https://postmaster.live.com (S775)" },
  { "badreputation",
    "421 4.7.0 [TSS04] Messages from 192.0.2.1 temporarily deferred due to unexpected "
    "volume or user complaints - 4.16.55.1" },
  { "requireptr",
    "550-5.7.25 The IP address sending this message does not have a PTR record setup, or "
    "the corresponding forward DNS entry does not point to the sending IP." },
  { "requireptr", "450 4.7.1 Client host rejected: cannot find your reverse hostname, [192.0.2.1]" },
  { "speeding",
    "421-4.7.28 Gmail has detected an unusual rate of mail originating from your IP "
    "address. To protect our users from spam, mail sent from your IP address has been "
    "temporarily rate limited." },
  { "speeding",
    "450 4.2.1 The user you are trying to contact is receiving mail too quickly. Please "
    "resend your message at a later time." },
  { "toomanyconn", "550 Ip frequency limited [Blocked IP 192.0.2.1]" },
  { "toomanyconn",
    "421 4.7.0 Too many concurrent SMTP connections from this IP address; please try "
    "again later." },
  { "toomanyconn", "452 4.5.3 Your message has too many recipients." },
  { "contenterror", "554 5.6.0 Mail message is malformed. Not accepted." },
  { "notcompliantrfc",
    "550-5.7.1 This message is not RFC 5322 compliant. There are multiple Subject headers." },
  { "norelaying", "554 5.7.1 <x@example.org>: Relay access denied" },
  { "mesgtoobig", "552 5.3.4 Message size exceeds fixed maximum message size" },
  { "exceedlimit", "552 5.2.3 Message length exceeds administrative limit" },
  { "hostunknown",
    "Host or domain name not found. Name service error for name=exmaple.com type=A: "
    "Host not found" },
  { "hostunknown",
    "553 5.1.2 We weren't able to find the recipient domain. Please check for any "
    "spelling errors." },
  { "spamdetected", "550 5.7.1 Message rejected as spam by Content Filtering." },
  { "spamdetected", "554 您发送的邮件被判定为垃圾邮件" },
  { "virusdetected", "554 5.7.1 Virus detected: Win.Trojan.Agent-123" },
  { "policyviolation",
    "552-5.7.0 This message was blocked because its content presents a potential "
    "security issue." },
  { "policyviolation",
    "554 5.7.9 Message not accepted for policy reasons. See "
    "https://postmaster.yahooinc.com/error-codes" },
  { "rejected", "550 5.1.8 <bounce@example.net>: Sender address rejected: Domain not found" },
  { "rejected", "550 Sender verify failed" },
  { "securityerror", "550 5.7.1 RESOLVER.RST.AuthRequired; authentication required" },
  { "securityerror", "535 5.7.8 Username and Password not accepted." },
  { "syntaxerror", "500 5.5.1 Unrecognized command" },
  { "systemerror", "451 4.3.0 Temporary System Problem. Try again later." },
  { "systemfull", "452 4.3.1 Insufficient system storage" },
  { "expired", "retry timeout exceeded" },
  { "expired", "554 4.4.7 Message expired: unable to deliver in 840 minutes." },
  { "networkerror", "connect to mx.example.org[192.0.2.1]:25: No route to host" },
  { "networkerror", "554 5.4.6 Hop count exceeded - possible mail loop" },
  { "notaccept",
    "DNS Error: DNS type 'mx' lookup of example.org responded with code NOERROR The "
    "domain example.org doesn't receive email according to the administrator: returned "
    "Null MX" },
  { "hasmoved", "550 5.1.6 <x@example.org>: mailbox has moved" },
  { "mailererror", "Command died with status 1: \"/usr/bin/procmail\"" },
  { "filtered", "550 5.7.1 RESOLVER.RST.NotAuthorized; not authorized" },
  { "filtered", "550 5.1.1 RCP-P2 Refused due to recipient preferences" },
  { "vacation",
    "I am out of the office until Monday with limited access to email." },
  { "vacation", "自动回复：我正在休假，回来后会尽快回复您。" },
};

static void
test_samples (void)
{
  guint i, j;

  for (i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      const char *const *phrases = bb_reason_phrases (samples[i].reason);
      g_autofree char   *text = normalize (samples[i].diagnostic);
      const char        *hit = NULL;

      g_assert_nonnull (phrases);
      for (j = 0; phrases[j] != NULL && hit == NULL; j++)
        if (phrase_matches (text, phrases[j]))
          hit = phrases[j];
      if (hit == NULL)
        g_error ("no %s phrase matches \"%s\"", samples[i].reason, text);
      g_test_message ("%s ← \"%s\"", samples[i].reason, hit);
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/bb/core/reason-patterns/matcher", test_matcher_itself);
  g_test_add_func ("/bb/core/reason-patterns/every-reason", test_every_reason_known);
  g_test_add_func ("/bb/core/reason-patterns/phrase-form", test_phrase_form);
  g_test_add_func ("/bb/core/reason-patterns/no-phrase-twice", test_no_phrase_twice);
  g_test_add_func ("/bb/core/reason-patterns/samples", test_samples);

  return g_test_run ();
}
