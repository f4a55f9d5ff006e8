/* bb-advice.c - numbered next steps fitted to the bounce and the sender
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bb-advice.h"
#include "bb-bounce-private.h"
#include "bb-kb.h"
#include "bb-recipient-private.h"
#include "bb-blocklist.h"

static void append_sentence (GString    *paragraph,
                             const char *sentence);

/* The facts the advice depends on, with the recipient's own findings
 * taking precedence over the reason's defaults. */
typedef struct
{
  const BbReasonInfo *info;
  BbCategory          category;
  BbSide              side;
  gboolean            delayed;
} Situation;

static const BbReasonInfo *
reason_for_kind (BbKind kind)
{
  switch (kind)
    {
    case BB_KIND_AUTOREPLY:
      return bb_kb_reason_info ("vacation");
    case BB_KIND_DELIVERED:
      return bb_kb_reason_info ("delivered");
    case BB_KIND_FEEDBACK:
      return bb_kb_reason_info ("feedback");
    case BB_KIND_BOUNCE:
    case BB_KIND_DELAYED:
    case BB_KIND_NOT_BOUNCE:
    case BB_KIND_UNREADABLE:
    default:
      return bb_kb_reason_info ("undefined");
    }
}

static void
situation_init (Situation   *situation,
                BbBounce    *bounce,
                BbRecipient *recipient)
{
  const BbReasonInfo *info = NULL;

  if (recipient != NULL)
    info = bb_kb_reason_info (recipient->reason);
  if (info == NULL)
    info = reason_for_kind (bounce->kind);
  g_assert (info != NULL);

  situation->info = info;
  situation->category = info->category;
  situation->side = info->side;
  situation->delayed = bounce->kind == BB_KIND_DELAYED;

  if (recipient != NULL)
    {
      if (recipient->category != BB_CATEGORY_UNKNOWN)
        situation->category = recipient->category;
      if (recipient->side != BB_SIDE_UNKNOWN)
        situation->side = recipient->side;
      if (g_strcmp0 (recipient->action, "delayed") == 0)
        situation->delayed = TRUE;
    }
}

static gboolean
reason_is (const Situation *situation,
           const char      *reason)
{
  return g_str_equal (situation->info->reason, reason);
}

/* Whether where the mail comes from (server, domain, account) is what
 * the receiver objects to; only then does the sender's provider matter. */
static gboolean
is_about_sending_route (const Situation *situation)
{
  if (situation->side != BB_SIDE_SENDER)
    return FALSE;

  switch (situation->category)
    {
    case BB_CATEGORY_REPUTATION:
    case BB_CATEGORY_AUTHENTICATION:
    case BB_CATEGORY_RATE_LIMITED:
      return TRUE;
    case BB_CATEGORY_CONTENT:
      return reason_is (situation, "spamdetected");
    case BB_CATEGORY_UNKNOWN:
    case BB_CATEGORY_ADDRESS:
    case BB_CATEGORY_DOMAIN:
    case BB_CATEGORY_MAILBOX:
    case BB_CATEGORY_TOO_BIG:
    case BB_CATEGORY_TEMPORARY:
    case BB_CATEGORY_POLICY:
    case BB_CATEGORY_NOT_BOUNCE:
    case BB_N_CATEGORIES:
    default:
      return FALSE;
    }
}

/* Content hints only help when the content or its size is the problem;
 * for an unknown address they would be a distraction. */
static gboolean
content_matters (const Situation *situation)
{
  switch (situation->category)
    {
    case BB_CATEGORY_CONTENT:
    case BB_CATEGORY_TOO_BIG:
    case BB_CATEGORY_POLICY:
    case BB_CATEGORY_UNKNOWN:
      return TRUE;
    case BB_CATEGORY_ADDRESS:
    case BB_CATEGORY_DOMAIN:
    case BB_CATEGORY_MAILBOX:
    case BB_CATEGORY_REPUTATION:
    case BB_CATEGORY_AUTHENTICATION:
    case BB_CATEGORY_RATE_LIMITED:
    case BB_CATEGORY_TEMPORARY:
    case BB_CATEGORY_NOT_BOUNCE:
    case BB_N_CATEGORIES:
    default:
      return FALSE;
    }
}

/* The reason's own steps already say to wait and retry for these. */
static gboolean
already_says_retry (const Situation *situation)
{
  return situation->category == BB_CATEGORY_TEMPORARY ||
         situation->category == BB_CATEGORY_RATE_LIMITED ||
         situation->category == BB_CATEGORY_NOT_BOUNCE ||
         reason_is (situation, "mailboxfull") ||
         reason_is (situation, "notaccept");
}

static const char *
temporary_code (BbRecipient *recipient)
{
  if (recipient == NULL)
    return NULL;
  if (recipient->status != NULL && recipient->status[0] == '4')
    return recipient->status;
  if (recipient->reply_code != NULL && recipient->reply_code[0] == '4')
    return recipient->reply_code;
  return NULL;
}

static void
add_provider_note (GPtrArray   *steps,
                   BbRecipient *recipient)
{
  const char *note = bb_kb_gettext (recipient->provider_note);

  if (recipient->provider != NULL && recipient->provider_code != NULL)
    g_ptr_array_add (steps,
                     /* TRANSLATORS: "Microsoft code S3150 means: …" */
                     g_strdup_printf (_ ("%s code %s means: %s"),
                                      bb_provider_get_display_name (recipient->provider),
                                      recipient->provider_code,
                                      note));
  else if (recipient->provider != NULL)
    g_ptr_array_add (steps,
                     g_strdup_printf (_ ("At %s this reply means: %s"),
                                      bb_provider_get_display_name (recipient->provider),
                                      note));
  else
    g_ptr_array_add (steps,
                     g_strdup_printf (_ ("At this provider the reply means: %s"),
                                      note));
}

static void
add_sender_route_advice (GPtrArray        *steps,
                         const Situation  *situation,
                         const BbProvider *provider)
{
  if (provider == NULL || !is_about_sending_route (situation))
    return;

  if (provider->personal)
    g_ptr_array_add (steps,
                     g_strdup_printf (_ ("You are sending from a free personal "
                                         "mailbox (%s). Receiving servers trust "
                                         "these less for business mail: move "
                                         "your client mail to a company "
                                         "mailbox on your own domain, with SPF, "
                                         "DKIM and DMARC set up."),
                                      bb_provider_get_display_name (provider)));
  else if (g_strcmp0 (provider->id, "company") == 0)
    {
      /* A rate limit at the client's side is about the pace, which the rep
       * controls; IT only needs to hear about blocks and failed checks. */
      if (situation->category != BB_CATEGORY_RATE_LIMITED)
        g_ptr_array_add (steps,
                         g_strdup (_ ("Your mail goes out through your "
                                      "company's own server: forward this "
                                      "notice, as an attachment, to your IT "
                                      "and ask them to fix the cause.")));
    }
  else if (situation->category != BB_CATEGORY_RATE_LIMITED)
    g_ptr_array_add (steps,
                     g_strdup_printf (_ ("Your mailbox is hosted by %s: "
                                         "forward this notice, as an "
                                         "attachment, to whoever manages your "
                                         "company mail and ask them to take it "
                                         "up with the provider."),
                                      bb_provider_get_display_name (provider)));
}

/* One step per blocklist the server named: which list, what it listed,
 * what can be done and where to look; an IP of a big provider's shared
 * servers is not the rep's to delist. */
static void
add_blocklists (GPtrArray        *steps,
                BbRecipient      *recipient,
                const BbProvider *sender_provider)
{
  gboolean shared = sender_provider != NULL && g_strcmp0 (sender_provider->id, "company") != 0;

  for (guint i = 0; recipient != NULL && i < recipient->blocklists->len; i++)
    {
      const BbBlocklistHit *hit = g_ptr_array_index (recipient->blocklists, i);
      const char           *url = hit->url != NULL ? hit->url : hit->list->lookup_url;
      g_autoptr (GString)   step = g_string_new (NULL);

      if (hit->listed != NULL)
        /* TRANSLATORS: "Blocklist: Spamhaus ZEN (listed: 192.0.2.1)." */
        g_string_printf (step, _ ("Blocklist: %s (listed: %s)."), bb_kb_gettext (hit->list->name), hit->listed);
      else
        g_string_printf (step, _ ("Blocklist: %s."), bb_kb_gettext (hit->list->name));
      append_sentence (step, bb_kb_gettext (hit->list->advice));
      if (url != NULL && !hit->list->defunct)
        {
          g_autofree char *look = g_strdup_printf (_ ("Look it up: %s"), url);
          append_sentence (step, look);
        }
      g_ptr_array_add (steps, g_string_free (g_steal_pointer (&step), FALSE));
    }
  if (shared && recipient != NULL && recipient->blocklists->len > 0 && recipient->sending_ip != NULL)
    g_ptr_array_add (steps,
                     g_strdup_printf (_ ("The listed IP %s is most likely one of %s's shared sending servers: do "
                                         "not apply for delisting yourself. Retry later, send this client from "
                                         "another mailbox, or report it to %s."),
                                      recipient->sending_ip, bb_provider_get_display_name (sender_provider),
                                      bb_provider_get_display_name (sender_provider)));
}

static void
add_size_limit (GPtrArray *steps,
                BbBounce  *bounce)
{
  g_autofree char *limit = NULL;
  g_autofree char *size = NULL;

  if (bounce->size_limit == 0)
    return;

  limit = g_format_size (bounce->size_limit);
  if (bounce->original_size > 0)
    {
      size = g_format_size (bounce->original_size);
      g_ptr_array_add (steps,
                       g_strdup_printf (_ ("The receiving server accepts at "
                                           "most %s, and your message was "
                                           "%s."),
                                        limit, size));
    }
  else
    g_ptr_array_add (steps,
                     g_strdup_printf (_ ("The receiving server accepts at most "
                                         "%s."),
                                      limit));
}

/**
 * bb_advice_steps:
 * @bounce: the analysed message
 * @recipient: (nullable): one of its recipients, or %NULL when the notice
 *   names none (an auto-reply, for example)
 *
 * Starts from the reason's next steps and fits them to this bounce: a
 * likely typo comes first, then what the provider's own code means, the
 * reason's steps, advice on the sender's own mail provider, the content
 * hints found in the returned original and a reminder when the refusal
 * was only temporary.
 *
 * Returns: (transfer full) (element-type utf8): translated steps, in order
 */
GPtrArray *
bb_advice_steps (BbBounce    *bounce,
                 BbRecipient *recipient)
{
  g_autoptr (GPtrArray) steps = NULL;
  Situation   situation;
  const char *code;

  g_return_val_if_fail (BB_IS_BOUNCE (bounce), NULL);
  g_return_val_if_fail (recipient == NULL || BB_IS_RECIPIENT (recipient), NULL);

  situation_init (&situation, bounce, recipient);
  steps = g_ptr_array_new_with_free_func (g_free);

  if (recipient != NULL && recipient->typo_suggestion != NULL)
    g_ptr_array_add (steps,
                     g_strdup_printf (_ ("The domain looks misspelt: try %s."),
                                      recipient->typo_suggestion));

  if (situation.delayed)
    g_ptr_array_add (steps,
                     g_strdup (_ ("This is only a delay warning: the server is "
                                  "still trying, so do not resend yet.")));

  if (recipient != NULL && recipient->provider_note != NULL)
    add_provider_note (steps, recipient);

  add_blocklists (steps, recipient, bounce->sender_provider);

  for (guint i = 0; situation.info->steps[i] != NULL; i++)
    g_ptr_array_add (steps, g_strdup (bb_kb_gettext (situation.info->steps[i])));

  add_sender_route_advice (steps, &situation, bounce->sender_provider);

  if (situation.category == BB_CATEGORY_TOO_BIG)
    add_size_limit (steps, bounce);

  if (content_matters (&situation))
    for (guint i = 0; i < bounce->content_hints->len; i++)
      {
        char *hint = bb_content_hint_describe (g_ptr_array_index (bounce->content_hints, i));

        if (hint != NULL)
          g_ptr_array_add (steps, hint);
      }

  code = temporary_code (recipient);
  if (code != NULL && !situation.delayed && !already_says_retry (&situation))
    g_ptr_array_add (steps,
                     g_strdup_printf (_ ("The refusal was temporary (code %s): "
                                         "the server may still get the mail "
                                         "through. If it finally fails, send "
                                         "again in 24–48 hours."),
                                      code));

  return g_steal_pointer (&steps);
}

/* Appends @sentence to @paragraph, with the separator the translation
 * wants (Chinese sets sentences side by side with no space). */
static void
append_sentence (GString    *paragraph,
                 const char *sentence)
{
  g_autofree char *joined = NULL;

  if (sentence == NULL || *sentence == '\0')
    return;

  if (paragraph->len == 0)
    {
      g_string_append (paragraph, sentence);
      return;
    }

  /* TRANSLATORS: joins two sentences of one paragraph; in Chinese use
   * "%s%s" with no space. */
  joined = g_strdup_printf (_ ("%s %s"), paragraph->str, sentence);
  g_string_assign (paragraph, joined);
}

/**
 * bb_advice_explanation:
 * @bounce: the analysed message
 * @recipient: (nullable): one of its recipients
 *
 * Returns: (transfer full): a translated paragraph: what the reason means,
 *   then what the status code and the reply code say, then whether this is
 *   a hard or a soft bounce
 */
char *
bb_advice_explanation (BbBounce    *bounce,
                       BbRecipient *recipient)
{
  g_autoptr (GString) paragraph = g_string_new (NULL);
  Situation situation;

  g_return_val_if_fail (BB_IS_BOUNCE (bounce), NULL);
  g_return_val_if_fail (recipient == NULL || BB_IS_RECIPIENT (recipient), NULL);

  situation_init (&situation, bounce, recipient);
  append_sentence (paragraph, bb_kb_gettext (situation.info->explanation));

  if (recipient != NULL && bb_kb_status_title (recipient->status) != NULL)
    {
      g_autofree char *sentence = NULL;

      /* TRANSLATORS: status code, its title, its explanation */
      sentence = g_strdup_printf (_ ("Status code %s, “%s”: %s"),
                                  recipient->status,
                                  bb_kb_status_title (recipient->status),
                                  bb_kb_status_explanation (recipient->status));
      append_sentence (paragraph, sentence);
    }

  if (recipient != NULL && bb_kb_reply_code_title (recipient->reply_code) != NULL)
    {
      g_autofree char *sentence = NULL;

      /* TRANSLATORS: reply code, its title, its explanation */
      sentence = g_strdup_printf (_ ("Reply code %s, “%s”: %s"),
                                  recipient->reply_code,
                                  bb_kb_reply_code_title (recipient->reply_code),
                                  bb_kb_reply_code_explanation (recipient->reply_code));
      append_sentence (paragraph, sentence);
    }

  if (recipient != NULL && recipient->hard_bounce)
    append_sentence (paragraph,
                     _ ("This is a hard bounce: mail to this address will keep "
                        "failing until the address is corrected."));
  else if (situation.category != BB_CATEGORY_NOT_BOUNCE &&
           !situation.delayed &&
           (temporary_code (recipient) != NULL ||
            situation.category == BB_CATEGORY_TEMPORARY ||
            situation.category == BB_CATEGORY_RATE_LIMITED ||
            reason_is (&situation, "mailboxfull")))
    append_sentence (paragraph,
                     _ ("This is a soft bounce: the problem may clear by "
                        "itself, so a later attempt can succeed."));

  return g_string_free (g_steal_pointer (&paragraph), FALSE);
}

/**
 * bb_content_hint_describe:
 * @hint: a content hint found in the returned original
 *
 * Returns: (transfer full): one translated sentence saying what looks
 *   suspicious and how to fix it
 */
char *
bb_content_hint_describe (const BbContentHint *hint)
{
  const char *id;
  const char *detail;

  g_return_val_if_fail (hint != NULL, NULL);
  g_return_val_if_fail (hint->id != NULL, NULL);

  id = hint->id;
  detail = (hint->detail != NULL && *hint->detail != '\0') ? hint->detail : NULL;

  if (g_str_equal (id, "subject-capitals"))
    return detail != NULL
               ? g_strdup_printf (_ ("The subject is written in capital letters "
                                     "(%s). Filters read this as shouting: use "
                                     "normal capitalisation."),
                                  detail)
               : g_strdup (_ ("The subject is written in capital letters. "
                              "Filters read this as shouting: use normal "
                              "capitalisation."));

  if (g_str_equal (id, "exclamation-marks"))
    return detail != NULL
               ? g_strdup_printf (_ ("The message uses many exclamation marks "
                                     "(%s). Use one at most."),
                                  detail)
               : g_strdup (_ ("The message uses many exclamation marks. Use one "
                              "at most."));

  if (g_str_equal (id, "marketing-words"))
    return detail != NULL
               ? g_strdup_printf (_ ("The message uses typical advertising words "
                                     "(%s). Replace them with plain, specific "
                                     "words."),
                                  detail)
               : g_strdup (_ ("The message uses typical advertising words. "
                              "Replace them with plain, specific words."));

  if (g_str_equal (id, "risky-attachment"))
    return detail != NULL
               ? g_strdup_printf (_ ("An attachment is of a type that filters "
                                     "often block (%s). Send a PDF or a download "
                                     "link instead."),
                                  detail)
               : g_strdup (_ ("An attachment is of a type that filters often "
                              "block. Send a PDF or a download link instead."));

  if (g_str_equal (id, "over-size-limit"))
    return detail != NULL
               ? g_strdup_printf (_ ("The message is larger than the receiving "
                                     "server accepts (%s). Send a download link "
                                     "instead of the files."),
                                  detail)
               : g_strdup (_ ("The message is larger than the receiving server "
                              "accepts. Send a download link instead of the "
                              "files."));

  if (g_str_equal (id, "image-heavy-html"))
    return detail != NULL
               ? g_strdup_printf (_ ("The message is mostly images with little "
                                     "text (%s). Filters distrust this: write the "
                                     "key points as text."),
                                  detail)
               : g_strdup (_ ("The message is mostly images with little text. "
                              "Filters distrust this: write the key points as "
                              "text."));

  if (g_str_equal (id, "many-links"))
    return detail != NULL
               ? g_strdup_printf (_ ("The message contains many links (%s). Keep "
                                     "one or two, and avoid link shorteners."),
                                  detail)
               : g_strdup (_ ("The message contains many links. Keep one or "
                              "two, and avoid link shorteners."));

  return detail != NULL
             ? g_strdup_printf (_ ("Something in the message may set off spam "
                                   "filters (%s)."),
                                detail)
             : g_strdup (_ ("Something in the message may set off spam "
                            "filters."));
}
