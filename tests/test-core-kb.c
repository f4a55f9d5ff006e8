/* test-core-kb.c - the knowledge base and the advice built on it
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bb-advice.h"
#include "bb-bounce-private.h"
#include "bb-kb.h"
#include "bb-recipient-private.h"

#include <locale.h>
#include <string.h>

/* Every subject.detail pair of the IANA registry (RFC 3463, 5248 …) */
static const char *const registered_codes[] = {
  "0.0",
  "1.0",
  "1.1",
  "1.2",
  "1.3",
  "1.4",
  "1.5",
  "1.6",
  "1.7",
  "1.8",
  "1.9",
  "1.10",
  "2.0",
  "2.1",
  "2.2",
  "2.3",
  "2.4",
  "3.0",
  "3.1",
  "3.2",
  "3.3",
  "3.4",
  "3.5",
  "4.0",
  "4.1",
  "4.2",
  "4.3",
  "4.4",
  "4.5",
  "4.6",
  "4.7",
  "5.0",
  "5.1",
  "5.2",
  "5.3",
  "5.4",
  "5.5",
  "5.6",
  "6.0",
  "6.1",
  "6.2",
  "6.3",
  "6.4",
  "6.5",
  "6.6",
  "6.7",
  "6.8",
  "6.9",
  "6.10",
  "7.0",
  "7.1",
  "7.2",
  "7.3",
  "7.4",
  "7.5",
  "7.6",
  "7.7",
  "7.8",
  "7.9",
  "7.10",
  "7.11",
  "7.12",
  "7.13",
  "7.14",
  "7.15",
  "7.16",
  "7.17",
  "7.18",
  "7.19",
  "7.20",
  "7.21",
  "7.22",
  "7.23",
  "7.24",
  "7.25",
  "7.26",
  "7.27",
  "7.28",
  "7.29",
  "7.30",
};

/* The 34 reasons of the corpus (REASONS.md, Sisimai v5 names) */
static const char *const corpus_reasons[] = {
  "authfailure",
  "badreputation",
  "blocked",
  "contenterror",
  "delivered",
  "exceedlimit",
  "expired",
  "feedback",
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
  "undefined",
  "userunknown",
  "vacation",
  "virusdetected",
};

static const char *const pseudo_reasons[] = {
  "delivered",
  "feedback",
  "vacation",
  "undefined",
};

static const char *const reply_codes[] = {
  "211",
  "214",
  "220",
  "221",
  "250",
  "251",
  "252",
  "354",
  "421",
  "422",
  "431",
  "432",
  "441",
  "442",
  "446",
  "447",
  "449",
  "450",
  "451",
  "452",
  "454",
  "455",
  "458",
  "471",
  "500",
  "501",
  "502",
  "503",
  "504",
  "521",
  "523",
  "530",
  "534",
  "535",
  "538",
  "541",
  "550",
  "551",
  "552",
  "553",
  "554",
  "555",
  "556",
  "557",
};

static const BbProvider personal_provider = { "tencent", "QQ Mail", TRUE };
static const BbProvider company_provider = { "company", "Company server", FALSE };
static const BbProvider business_provider = { "exmail", "Tencent Exmail", FALSE };

static gboolean
steps_contain (GPtrArray  *steps,
               const char *needle)
{
  for (guint i = 0; i < steps->len; i++)
    if (strstr (g_ptr_array_index (steps, i), needle) != NULL)
      return TRUE;
  return FALSE;
}

static gboolean
is_pseudo (const char *reason)
{
  for (gsize i = 0; i < G_N_ELEMENTS (pseudo_reasons); i++)
    if (g_str_equal (pseudo_reasons[i], reason))
      return TRUE;
  return FALSE;
}

static BbRecipient *
recipient_new (const char *address,
               const char *reason)
{
  BbRecipient        *recipient = _bb_recipient_new (address);
  const BbReasonInfo *info = bb_kb_reason_info (reason);

  g_assert_nonnull (info);
  _bb_recipient_set (&recipient->reason, reason);
  recipient->category = info->category;
  recipient->side = info->side;
  recipient->urgency = info->urgency;
  return recipient;
}

static void
test_status_registered (void)
{
  const char classes[] = { '4', '5' };

  for (gsize c = 0; c < G_N_ELEMENTS (classes); c++)
    for (gsize i = 0; i < G_N_ELEMENTS (registered_codes); i++)
      {
        g_autofree char *code = g_strdup_printf ("%c.%s", classes[c], registered_codes[i]);
        g_autofree char *x_code = g_strdup_printf ("X.%s", registered_codes[i]);
        const char      *title = bb_kb_status_title (code);
        const char      *explanation = bb_kb_status_explanation (code);

        g_test_message ("%s", code);
        g_assert_true (bb_kb_status_is_registered (code));
        g_assert_nonnull (title);
        g_assert_nonnull (explanation);
        g_assert_cmpuint (strlen (title), >, 3);
        g_assert_cmpuint (strlen (title), <, 60);
        g_assert_cmpuint (strlen (explanation), >, 40);
        g_assert_true (g_str_has_suffix (explanation, "."));

        /* Each registered code has its own text, not the class fallback */
        if (!g_str_equal (registered_codes[i], "0.0"))
          {
            g_autofree char *class_code = g_strdup_printf ("%c.0.0", classes[c]);

            g_assert_cmpstr (title, !=, bb_kb_status_title (class_code));
          }

        /* The generic entry exists as well */
        g_assert_nonnull (bb_kb_status_title (x_code));
      }
}

static void
test_status_distinct (void)
{
  /* Codes with different meanings must not share one title */
  g_assert_cmpstr (bb_kb_status_title ("5.1.1"), !=, bb_kb_status_title ("5.1.2"));
  g_assert_cmpstr (bb_kb_status_title ("5.1.1"), ==, "Mailbox does not exist");
  g_assert_cmpstr (bb_kb_status_title ("5.1.2"), ==, "Domain does not exist");
  g_assert_cmpstr (bb_kb_status_title ("5.2.2"), ==, "Mailbox is full");
  g_assert_cmpstr (bb_kb_status_title ("5.3.4"), ==, "Message too big for the server");
  g_assert_cmpstr (bb_kb_status_title ("5.7.23"), ==, "SPF check failed");
}

static void
test_status_class_nuance (void)
{
  /* Where the class changes the meaning, the texts differ */
  g_assert_cmpstr (bb_kb_status_title ("4.2.2"), !=, bb_kb_status_title ("5.2.2"));
  g_assert_cmpstr (bb_kb_status_title ("4.4.7"), !=, bb_kb_status_title ("5.4.7"));
  g_assert_cmpstr (bb_kb_status_title ("4.7.1"), !=, bb_kb_status_title ("5.7.1"));
  g_assert_cmpstr (bb_kb_status_title ("4.0.0"), !=, bb_kb_status_title ("5.0.0"));
  g_assert_nonnull (strstr (bb_kb_status_explanation ("4.4.7"), "do not resend"));

  /* Success codes read as success, never as a failure */
  g_assert_cmpstr (bb_kb_status_title ("2.0.0"), ==, "Delivered");
  g_assert_cmpstr (bb_kb_status_title ("2.1.5"), ==, "Address is valid");
  g_assert_cmpstr (bb_kb_status_title ("2.1.1"), ==, "Delivered");
  g_assert_true (bb_kb_status_is_registered ("2.1.5"));
}

static void
test_status_fallback (void)
{
  /* Unknown subject: the class text */
  g_assert_cmpstr (bb_kb_status_title ("5.9.9"), ==, bb_kb_status_title ("5.0.0"));
  g_assert_cmpstr (bb_kb_status_explanation ("5.9.9"), ==, bb_kb_status_explanation ("5.0.0"));
  g_assert_cmpstr (bb_kb_status_title ("4.9.9"), ==, bb_kb_status_title ("4.0.0"));
  g_assert_false (bb_kb_status_is_registered ("5.9.9"));

  /* Vendor details: the subject's "other" code of the same class */
  g_assert_cmpstr (bb_kb_status_title ("4.7.650"), ==, bb_kb_status_title ("4.7.0"));
  g_assert_cmpstr (bb_kb_status_title ("5.7.515"), ==, bb_kb_status_title ("X.7.0"));
  g_assert_cmpstr (bb_kb_status_title ("5.1.90"), ==, bb_kb_status_title ("5.1.0"));
  g_assert_cmpstr (bb_kb_status_title ("5.4.300"), ==, bb_kb_status_title ("5.4.0"));
  g_assert_false (bb_kb_status_is_registered ("4.7.650"));
  g_assert_false (bb_kb_status_is_registered ("5.7.515"));
  g_assert_false (bb_kb_status_is_registered ("5.7.31"));
  g_assert_false (bb_kb_status_is_registered ("5.1.11"));

  /* Known outside the registry, but not registered */
  g_assert_nonnull (bb_kb_status_title ("4.4.8"));
  g_assert_false (bb_kb_status_is_registered ("4.4.8"));
  g_assert_cmpstr (bb_kb_status_title ("4.4.8"), !=, bb_kb_status_title ("4.4.0"));

  /* Not a status code at all */
  g_assert_null (bb_kb_status_title (NULL));
  g_assert_null (bb_kb_status_title (""));
  g_assert_null (bb_kb_status_title ("550"));
  g_assert_null (bb_kb_status_title ("3.1.1"));
  g_assert_null (bb_kb_status_title ("5.1"));
  g_assert_null (bb_kb_status_title ("5.1.1.1"));
  g_assert_null (bb_kb_status_title ("5.1.1000"));
  g_assert_null (bb_kb_status_explanation ("hello"));
  g_assert_false (bb_kb_status_is_registered ("X.1.1"));
  g_assert_false (bb_kb_status_is_registered (NULL));
}

static void
test_reply_codes (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (reply_codes); i++)
    {
      const char *title = bb_kb_reply_code_title (reply_codes[i]);
      const char *explanation = bb_kb_reply_code_explanation (reply_codes[i]);

      g_test_message ("%s", reply_codes[i]);
      g_assert_nonnull (title);
      g_assert_nonnull (explanation);
      g_assert_true (g_str_has_suffix (explanation, "."));
    }

  /* Listed codes have their own text; unlisted ones get the class's */
  g_assert_cmpstr (bb_kb_reply_code_title ("550"), !=, bb_kb_reply_code_title ("554"));
  g_assert_cmpstr (bb_kb_reply_code_title ("559"), ==, "Permanent failure");
  g_assert_cmpstr (bb_kb_reply_code_title ("459"), ==, "Temporary failure");
  g_assert_cmpstr (bb_kb_reply_code_title ("299"), ==, "Success");
  g_assert_cmpstr (bb_kb_reply_code_title ("550"), !=, bb_kb_reply_code_title ("559"));
  g_assert_null (bb_kb_reply_code_title ("650"));
  g_assert_null (bb_kb_reply_code_title ("55"));
  g_assert_null (bb_kb_reply_code_title ("5500"));
  g_assert_null (bb_kb_reply_code_title ("5.5"));
  g_assert_null (bb_kb_reply_code_explanation (NULL));
}

static void
test_reasons_complete (void)
{
  const char *const *names = bb_kb_reasons ();

  g_assert_cmpuint (g_strv_length ((char **) names), ==, G_N_ELEMENTS (corpus_reasons));

  for (gsize i = 0; i < G_N_ELEMENTS (corpus_reasons); i++)
    {
      const BbReasonInfo *info = bb_kb_reason_info (corpus_reasons[i]);
      guint               n_steps = 0;

      g_test_message ("%s", corpus_reasons[i]);
      g_assert_true (g_strv_contains (names, corpus_reasons[i]));
      g_assert_nonnull (info);
      g_assert_cmpstr (info->reason, ==, corpus_reasons[i]);
      g_assert_nonnull (info->headline);
      g_assert_nonnull (info->explanation);
      g_assert_nonnull (bb_kb_gettext (info->headline));
      g_assert_cmpint (info->category, >=, BB_CATEGORY_UNKNOWN);
      g_assert_cmpint (info->category, <, BB_N_CATEGORIES);

      while (n_steps < G_N_ELEMENTS (info->steps) && info->steps[n_steps] != NULL)
        n_steps++;
      g_assert_cmpuint (n_steps, <, G_N_ELEMENTS (info->steps));
      g_assert_cmpuint (n_steps, <=, 6);
      if (is_pseudo (corpus_reasons[i]))
        g_assert_cmpuint (n_steps, >=, 1);
      else
        g_assert_cmpuint (n_steps, >=, 3);

      /* Not-bounce categories exactly for the not-bounce reasons */
      if (g_str_equal (corpus_reasons[i], "delivered") ||
          g_str_equal (corpus_reasons[i], "vacation") ||
          g_str_equal (corpus_reasons[i], "feedback"))
        g_assert_cmpint (info->category, ==, BB_CATEGORY_NOT_BOUNCE);
      else
        g_assert_cmpint (info->category, !=, BB_CATEGORY_NOT_BOUNCE);
    }

  g_assert_null (bb_kb_reason_info ("nosuchreason"));
  g_assert_null (bb_kb_reason_info (NULL));
}

static void
test_reasons_sides (void)
{
  const char *const recipient_side[] = { "userunknown", "hostunknown", "hasmoved", "mailboxfull", "suspend" };
  const char *const sender_side[] = { "blocked", "authfailure", "badreputation", "requireptr", "spamdetected", "mesgtoobig" };
  const char *const nobody_side[] = { "expired", "networkerror", "systemerror" };

  for (gsize i = 0; i < G_N_ELEMENTS (recipient_side); i++)
    g_assert_cmpint (bb_kb_reason_info (recipient_side[i])->side, ==, BB_SIDE_RECIPIENT);
  for (gsize i = 0; i < G_N_ELEMENTS (sender_side); i++)
    g_assert_cmpint (bb_kb_reason_info (sender_side[i])->side, ==, BB_SIDE_SENDER);
  for (gsize i = 0; i < G_N_ELEMENTS (nobody_side); i++)
    g_assert_cmpint (bb_kb_reason_info (nobody_side[i])->side, ==, BB_SIDE_NOBODY);

  /* Lost leads are urgent; temporary trouble is not */
  g_assert_cmpint (bb_kb_reason_info ("userunknown")->urgency, ==, BB_URGENCY_HIGH);
  g_assert_cmpint (bb_kb_reason_info ("blocked")->urgency, ==, BB_URGENCY_HIGH);
  g_assert_cmpint (bb_kb_reason_info ("authfailure")->urgency, ==, BB_URGENCY_HIGH);
  g_assert_cmpint (bb_kb_reason_info ("mailboxfull")->urgency, ==, BB_URGENCY_MEDIUM);
  g_assert_cmpint (bb_kb_reason_info ("expired")->urgency, ==, BB_URGENCY_LOW);
  g_assert_cmpint (bb_kb_reason_info ("vacation")->urgency, ==, BB_URGENCY_LOW);

  g_assert_cmpint (bb_kb_reason_info ("userunknown")->category, ==, BB_CATEGORY_ADDRESS);
  g_assert_cmpint (bb_kb_reason_info ("hostunknown")->category, ==, BB_CATEGORY_DOMAIN);
  g_assert_cmpint (bb_kb_reason_info ("authfailure")->category, ==, BB_CATEGORY_AUTHENTICATION);
  g_assert_cmpint (bb_kb_reason_info ("mesgtoobig")->category, ==, BB_CATEGORY_TOO_BIG);
}

static void
test_titles (void)
{
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (int c = BB_CATEGORY_UNKNOWN; c < BB_N_CATEGORIES; c++)
    {
      const char *title = bb_kb_category_title ((BbCategory) c);

      g_assert_nonnull (title);
      g_assert_false (g_hash_table_contains (seen, title));
      g_hash_table_add (seen, (gpointer) title);
    }
  g_assert_cmpstr (bb_kb_category_title (BB_CATEGORY_ADDRESS), ==, "The address does not exist");
  g_assert_cmpstr (bb_kb_category_title (BB_CATEGORY_NOT_BOUNCE), ==, "Not a bounce");

  g_assert_cmpstr (bb_kb_side_title (BB_SIDE_RECIPIENT), ==, "Theirs: the recipient's side must act");
  g_assert_cmpstr (bb_kb_side_title (BB_SIDE_SENDER), ==, "Yours: your side must act");
  g_assert_cmpstr (bb_kb_side_title (BB_SIDE_NOBODY), ==, "Nobody yet: wait, it is temporary");
  g_assert_nonnull (bb_kb_side_title (BB_SIDE_UNKNOWN));
  for (int s = BB_SIDE_UNKNOWN; s <= BB_SIDE_NOBODY; s++)
    g_assert_nonnull (bb_kb_side_explanation ((BbSide) s));

  g_assert_cmpstr (bb_kb_urgency_title (BB_URGENCY_HIGH), !=, bb_kb_urgency_title (BB_URGENCY_LOW));
  g_assert_cmpstr (bb_kb_urgency_title (BB_URGENCY_MEDIUM), !=, bb_kb_urgency_title (BB_URGENCY_LOW));

  g_assert_null (bb_kb_gettext (NULL));
  g_assert_cmpstr (bb_kb_gettext (""), ==, "");
}

static void
test_advice_plain (void)
{
  g_autoptr (BbBounce) bounce = _bb_bounce_new ("test");
  g_autoptr (BbRecipient) recipient = recipient_new ("bob@client.example", "userunknown");
  g_autoptr (GPtrArray) steps = NULL;
  const BbReasonInfo *info = bb_kb_reason_info ("userunknown");
  guint               n_steps = 0;

  bounce->kind = BB_KIND_BOUNCE;
  while (info->steps[n_steps] != NULL)
    n_steps++;

  steps = bb_advice_steps (bounce, recipient);
  g_assert_nonnull (steps);
  g_assert_cmpuint (steps->len, ==, n_steps);
  g_assert_cmpstr (g_ptr_array_index (steps, 0), ==, info->steps[0]);
  g_assert_false (steps_contain (steps, "misspelt"));
}

static void
test_advice_typo (void)
{
  g_autoptr (BbBounce) bounce = _bb_bounce_new ("test");
  g_autoptr (BbRecipient) recipient = recipient_new ("bob@gmial.com", "hostunknown");
  g_autoptr (GPtrArray) steps = NULL;

  bounce->kind = BB_KIND_BOUNCE;
  _bb_recipient_set (&recipient->typo_suggestion, "bob@gmail.com");

  steps = bb_advice_steps (bounce, recipient);
  g_assert_cmpuint (steps->len, >=, 4);
  g_assert_cmpstr (g_ptr_array_index (steps, 0), ==, "The domain looks misspelt: try bob@gmail.com.");
  g_assert_false (steps_contain (steps, "free personal mailbox"));
}

static void
test_advice_personal_sender (void)
{
  g_autoptr (BbBounce) bounce = _bb_bounce_new ("test");
  g_autoptr (BbRecipient) recipient = recipient_new ("bob@client.example", "blocked");
  g_autoptr (GPtrArray) steps = NULL;

  bounce->kind = BB_KIND_BOUNCE;
  bounce->sender_provider = &personal_provider;

  steps = bb_advice_steps (bounce, recipient);
  g_assert_true (steps_contain (steps, "free personal mailbox (QQ Mail)"));
  g_assert_true (steps_contain (steps, "company mailbox on your own domain"));
  g_assert_false (steps_contain (steps, "company's own server"));
}

static void
test_advice_personal_recipient_side (void)
{
  g_autoptr (BbBounce) bounce = _bb_bounce_new ("test");
  g_autoptr (BbRecipient) recipient = recipient_new ("bob@client.example", "userunknown");
  g_autoptr (GPtrArray) steps = NULL;

  /* A wrong address is not the free mailbox's fault: no such advice */
  bounce->kind = BB_KIND_BOUNCE;
  bounce->sender_provider = &personal_provider;

  steps = bb_advice_steps (bounce, recipient);
  g_assert_false (steps_contain (steps, "free personal mailbox"));
}

static void
test_advice_company_sender (void)
{
  g_autoptr (BbBounce) bounce = _bb_bounce_new ("test");
  g_autoptr (BbRecipient) recipient = recipient_new ("bob@client.example", "authfailure");
  g_autoptr (BbRecipient) business = recipient_new ("bob@client.example", "badreputation");
  g_autoptr (GPtrArray) steps = NULL;
  g_autoptr (GPtrArray) business_steps = NULL;

  bounce->kind = BB_KIND_BOUNCE;
  bounce->sender_provider = &company_provider;
  steps = bb_advice_steps (bounce, recipient);
  g_assert_true (steps_contain (steps, "company's own server"));
  g_assert_false (steps_contain (steps, "free personal mailbox"));

  bounce->sender_provider = &business_provider;
  business_steps = bb_advice_steps (bounce, business);
  g_assert_true (steps_contain (business_steps, "hosted by Tencent Exmail"));
}

static void
test_advice_provider_note (void)
{
  static const BbProvider microsoft = { "microsoft", "Microsoft", FALSE };
  g_autoptr (BbBounce) bounce = _bb_bounce_new ("test");
  g_autoptr (BbRecipient) recipient = recipient_new ("bob@client.example", "blocked");
  g_autoptr (GPtrArray) steps = NULL;

  bounce->kind = BB_KIND_BOUNCE;
  recipient->provider = &microsoft;
  recipient->provider_code = "S3150";
  recipient->provider_note = "Outlook.com blocks part of your provider's network.";

  steps = bb_advice_steps (bounce, recipient);
  g_assert_cmpstr (g_ptr_array_index (steps, 0), ==,
                   "Microsoft code S3150 means: Outlook.com blocks part of your provider's network.");
}

static void
test_advice_content_hints (void)
{
  g_autoptr (BbBounce) bounce = _bb_bounce_new ("test");
  g_autoptr (BbRecipient) spam = recipient_new ("bob@client.example", "spamdetected");
  g_autoptr (BbRecipient) unknown = recipient_new ("bob@client.example", "userunknown");
  g_autoptr (GPtrArray) spam_steps = NULL;
  g_autoptr (GPtrArray) unknown_steps = NULL;

  bounce->kind = BB_KIND_BOUNCE;
  _bb_bounce_add_content_hint (bounce, "marketing-words", "free, best price");
  _bb_bounce_add_content_hint (bounce, "many-links", NULL);

  spam_steps = bb_advice_steps (bounce, spam);
  g_assert_true (steps_contain (spam_steps, "advertising words (free, best price)"));
  g_assert_true (steps_contain (spam_steps, "many links. Keep one or two"));

  /* Hints do not distract from a wrong address */
  unknown_steps = bb_advice_steps (bounce, unknown);
  g_assert_false (steps_contain (unknown_steps, "advertising words"));
}

static void
test_advice_size_limit (void)
{
  g_autoptr (BbBounce) bounce = _bb_bounce_new ("test");
  g_autoptr (BbRecipient) recipient = recipient_new ("bob@client.example", "mesgtoobig");
  g_autoptr (GPtrArray) steps = NULL;
  g_autoptr (GPtrArray) unknown_steps = NULL;
  g_autoptr (BbRecipient) unknown = recipient_new ("bob@client.example", "userunknown");
  g_autofree char *limit = g_format_size (10000000);
  g_autofree char *size = g_format_size (25000000);
  g_autofree char *expected = NULL;

  bounce->kind = BB_KIND_BOUNCE;
  bounce->size_limit = 10000000;
  bounce->original_size = 25000000;
  expected = g_strdup_printf ("accepts at most %s, and your message was %s.", limit, size);

  steps = bb_advice_steps (bounce, recipient);
  g_assert_true (steps_contain (steps, expected));

  /* The limit only matters when the size is the problem */
  unknown_steps = bb_advice_steps (bounce, unknown);
  g_assert_false (steps_contain (unknown_steps, "accepts at most"));
}

static void
test_advice_temporary (void)
{
  g_autoptr (BbBounce) bounce = _bb_bounce_new ("test");
  g_autoptr (BbRecipient) blocked = recipient_new ("bob@client.example", "blocked");
  g_autoptr (BbRecipient) full = recipient_new ("bob@client.example", "mailboxfull");
  g_autoptr (GPtrArray) blocked_steps = NULL;
  g_autoptr (GPtrArray) full_steps = NULL;
  g_autoptr (GPtrArray) delayed_steps = NULL;

  bounce->kind = BB_KIND_BOUNCE;
  _bb_recipient_set (&blocked->status, "4.7.1");
  _bb_recipient_set (&full->status, "4.2.2");

  blocked_steps = bb_advice_steps (bounce, blocked);
  g_assert_true (steps_contain (blocked_steps, "temporary (code 4.7.1)"));

  /* The reason already says to wait 24–48 hours: say it once only */
  full_steps = bb_advice_steps (bounce, full);
  g_assert_true (steps_contain (full_steps, "24–48 hours"));
  g_assert_false (steps_contain (full_steps, "temporary (code"));

  bounce->kind = BB_KIND_DELAYED;
  delayed_steps = bb_advice_steps (bounce, blocked);
  g_assert_true (steps_contain (delayed_steps, "only a delay warning"));
  g_assert_false (steps_contain (delayed_steps, "temporary (code"));
}

static void
test_advice_no_recipient (void)
{
  g_autoptr (BbBounce) bounce = _bb_bounce_new ("test");
  g_autoptr (GPtrArray) steps = NULL;
  g_autofree char *explanation = NULL;

  bounce->kind = BB_KIND_AUTOREPLY;
  steps = bb_advice_steps (bounce, NULL);
  g_assert_cmpstr (g_ptr_array_index (steps, 0), ==, bb_kb_reason_info ("vacation")->steps[0]);

  explanation = bb_advice_explanation (bounce, NULL);
  g_assert_cmpstr (explanation, ==, bb_kb_reason_info ("vacation")->explanation);
}

static void
test_advice_explanation (void)
{
  g_autoptr (BbBounce) bounce = _bb_bounce_new ("test");
  g_autoptr (BbRecipient) recipient = recipient_new ("bob@client.example", "userunknown");
  g_autoptr (BbRecipient) full = recipient_new ("bob@client.example", "mailboxfull");
  g_autofree char *explanation = NULL;
  g_autofree char *full_explanation = NULL;

  bounce->kind = BB_KIND_BOUNCE;
  _bb_recipient_set (&recipient->status, "5.1.1");
  _bb_recipient_set (&recipient->reply_code, "550");
  recipient->hard_bounce = TRUE;

  explanation = bb_advice_explanation (bounce, recipient);
  g_assert_true (g_str_has_prefix (explanation, bb_kb_reason_info ("userunknown")->explanation));
  g_assert_nonnull (strstr (explanation, "Status code 5.1.1, “Mailbox does not exist”: "));
  g_assert_nonnull (strstr (explanation, bb_kb_status_explanation ("5.1.1")));
  g_assert_nonnull (strstr (explanation, "Reply code 550, “"));
  g_assert_nonnull (strstr (explanation, "hard bounce"));
  g_assert_null (strstr (explanation, "soft bounce"));

  full_explanation = bb_advice_explanation (bounce, full);
  g_assert_nonnull (strstr (full_explanation, "soft bounce"));
  g_assert_null (strstr (full_explanation, "Status code"));
}

static void
test_content_hint_describe (void)
{
  const char *const ids[] = {
    "subject-capitals",
    "exclamation-marks",
    "marketing-words",
    "risky-attachment",
    "over-size-limit",
    "image-heavy-html",
    "many-links",
  };
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      BbContentHint    with = { ids[i], (char *) "DETAIL-42" };
      BbContentHint    without = { ids[i], NULL };
      g_autofree char *text = bb_content_hint_describe (&with);
      char            *plain = bb_content_hint_describe (&without);

      g_assert_nonnull (strstr (text, "DETAIL-42"));
      g_assert_null (strstr (plain, "%"));
      g_assert_null (strstr (plain, "()"));
      g_assert_false (g_hash_table_contains (seen, plain));
      g_hash_table_add (seen, plain);
    }

  {
    BbContentHint    odd = { "no-such-hint", (char *) "x" };
    g_autofree char *text = bb_content_hint_describe (&odd);

    g_assert_nonnull (text);
    g_assert_false (g_hash_table_contains (seen, text));
  }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/bb/core/kb/status/registered", test_status_registered);
  g_test_add_func ("/bb/core/kb/status/distinct", test_status_distinct);
  g_test_add_func ("/bb/core/kb/status/class-nuance", test_status_class_nuance);
  g_test_add_func ("/bb/core/kb/status/fallback", test_status_fallback);
  g_test_add_func ("/bb/core/kb/reply-codes", test_reply_codes);
  g_test_add_func ("/bb/core/kb/reasons/complete", test_reasons_complete);
  g_test_add_func ("/bb/core/kb/reasons/sides", test_reasons_sides);
  g_test_add_func ("/bb/core/kb/titles", test_titles);
  g_test_add_func ("/bb/core/kb/advice/plain", test_advice_plain);
  g_test_add_func ("/bb/core/kb/advice/typo", test_advice_typo);
  g_test_add_func ("/bb/core/kb/advice/personal-sender", test_advice_personal_sender);
  g_test_add_func ("/bb/core/kb/advice/personal-recipient-side", test_advice_personal_recipient_side);
  g_test_add_func ("/bb/core/kb/advice/company-sender", test_advice_company_sender);
  g_test_add_func ("/bb/core/kb/advice/provider-note", test_advice_provider_note);
  g_test_add_func ("/bb/core/kb/advice/content-hints", test_advice_content_hints);
  g_test_add_func ("/bb/core/kb/advice/size-limit", test_advice_size_limit);
  g_test_add_func ("/bb/core/kb/advice/temporary", test_advice_temporary);
  g_test_add_func ("/bb/core/kb/advice/no-recipient", test_advice_no_recipient);
  g_test_add_func ("/bb/core/kb/advice/explanation", test_advice_explanation);
  g_test_add_func ("/bb/core/kb/advice/content-hint-describe", test_content_hint_describe);

  return g_test_run ();
}
