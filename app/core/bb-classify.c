/* bb-classify.c - decide the reason, hard/soft, category, urgency and side
 *
 * The reason vocabulary and the broad order of the decision follow
 * Sisimai (BSD-2-Clause, Copyright (C) 2014 azumakuniyuki), so results
 * stay comparable with the industry's reference: a registered enhanced
 * status code proposes a reason, the server's own words confirm or
 * overrule it, and the words decide alone when the code says nothing.
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bb-bounce-private.h"
#include "bb-classify.h"
#include "bb-kb.h"
#include "bb-provider-codes.h"
#include "bb-reason-patterns.h"
#include "bb-recipient-private.h"
#include "bb-text.h"

#include <string.h>

/* What a registered enhanced status code says on its own (after Sisimai's
 * SMTP::Status table, with the v5 reasons for authentication and PTR). */
static const struct
{
  const char *code;
  const char *reason;
} status_reasons[] = {
  { "2.1.5", "delivered" },
  { "4.1.6", "hasmoved" },
  { "4.1.7", "rejected" },
  { "4.1.8", "rejected" },
  { "4.1.9", "systemerror" },
  { "4.2.1", "suspend" },
  { "4.2.2", "mailboxfull" },
  { "4.2.3", "exceedlimit" },
  { "4.2.4", "filtered" },
  { "4.3.1", "systemfull" },
  { "4.3.2", "notaccept" },
  { "4.3.3", "systemerror" },
  { "4.3.5", "systemerror" },
  { "4.4.1", "expired" },
  { "4.4.2", "networkerror" },
  { "4.4.4", "networkerror" },
  { "4.4.5", "systemfull" },
  { "4.4.6", "networkerror" },
  { "4.4.7", "expired" },
  { "4.5.3", "systemerror" },
  { "4.5.5", "systemerror" },
  { "4.6.0", "contenterror" },
  { "4.6.2", "contenterror" },
  { "4.6.5", "contenterror" },
  { "4.7.1", "blocked" },
  { "4.7.2", "blocked" },
  { "4.7.5", "securityerror" },
  { "4.7.6", "securityerror" },
  { "4.7.7", "securityerror" },
  { "4.7.12", "securityerror" },
  { "4.7.15", "securityerror" },
  { "4.7.16", "mesgtoobig" },
  { "4.7.24", "authfailure" },
  { "4.7.25", "requireptr" },
  { "4.7.26", "authfailure" },
  { "5.1.0", "userunknown" },
  { "5.1.1", "userunknown" },
  { "5.1.2", "hostunknown" },
  { "5.1.3", "userunknown" },
  { "5.1.4", "filtered" },
  { "5.1.6", "hasmoved" },
  { "5.1.7", "rejected" },
  { "5.1.8", "rejected" },
  { "5.1.9", "systemerror" },
  { "5.1.10", "notaccept" },
  { "5.2.0", "filtered" },
  { "5.2.1", "filtered" },
  { "5.2.2", "mailboxfull" },
  { "5.2.3", "exceedlimit" },
  { "5.2.4", "filtered" },
  { "5.3.0", "systemerror" },
  { "5.3.1", "systemfull" },
  { "5.3.2", "notaccept" },
  { "5.3.3", "systemerror" },
  { "5.3.4", "mesgtoobig" },
  { "5.3.5", "systemerror" },
  { "5.4.0", "networkerror" },
  { "5.4.3", "systemerror" },
  { "5.4.4", "hostunknown" },
  { "5.5.3", "toomanyconn" },
  { "5.5.4", "systemerror" },
  { "5.5.5", "systemerror" },
  { "5.5.6", "securityerror" },
  { "5.6.0", "contenterror" },
  { "5.6.1", "contenterror" },
  { "5.6.2", "contenterror" },
  { "5.6.3", "contenterror" },
  { "5.6.5", "contenterror" },
  { "5.6.6", "contenterror" },
  { "5.6.7", "contenterror" },
  { "5.6.8", "contenterror" },
  { "5.6.9", "contenterror" },
  { "5.7.0", "securityerror" },
  { "5.7.1", "securityerror" },
  { "5.7.2", "securityerror" },
  { "5.7.3", "securityerror" },
  { "5.7.4", "securityerror" },
  { "5.7.5", "securityerror" },
  { "5.7.6", "securityerror" },
  { "5.7.7", "securityerror" },
  { "5.7.8", "securityerror" },
  { "5.7.9", "securityerror" },
  { "5.7.10", "securityerror" },
  { "5.7.11", "securityerror" },
  { "5.7.13", "suspend" },
  { "5.7.14", "securityerror" },
  { "5.7.15", "securityerror" },
  { "5.7.16", "mesgtoobig" },
  { "5.7.17", "hasmoved" },
  { "5.7.18", "hasmoved" },
  { "5.7.19", "securityerror" },
  { "5.7.20", "authfailure" },
  { "5.7.21", "authfailure" },
  { "5.7.22", "authfailure" },
  { "5.7.23", "authfailure" },
  { "5.7.24", "authfailure" },
  { "5.7.25", "requireptr" },
  { "5.7.26", "authfailure" },
  { "5.7.27", "notaccept" },
};

const char *
bb_classify_status_reason (const char *status)
{
  if (status == NULL)
    return NULL;
  for (gsize i = 0; i < G_N_ELEMENTS (status_reasons); i++)
    if (strcmp (status_reasons[i].code, status) == 0)
      return status_reasons[i].reason;
  return NULL;
}

/* Reasons tried first, in this order, when the reply came over SMTP. */
static const char *const first_order[] = {
  "mailboxfull",
  "mesgtoobig",
  "exceedlimit",
  "suspend",
  "hasmoved",
  "norelaying",
  "authfailure",
  "userunknown",
  "filtered",
  "requireptr",
  "notcompliantrfc",
  "badreputation",
  "rejected",
  "hostunknown",
  "spamdetected",
  "speeding",
  "toomanyconn",
  "blocked",
  NULL,
};

/* Then, by the words alone. */
static const char *const second_order[] = {
  "mailboxfull",
  "authfailure",
  "badreputation",
  "requireptr",
  "speeding",
  "spamdetected",
  "virusdetected",
  "policyviolation",
  "norelaying",
  "securityerror",
  "systemerror",
  "networkerror",
  "suspend",
  "expired",
  "contenterror",
  "systemfull",
  "notaccept",
  "mailererror",
  "syntaxerror",
  NULL,
};

/* Reasons a status code proposes only tentatively: the words may know
 * better. */
static gboolean
is_tentative (const char *reason)
{
  static const char *const tentative[] = {
    "undefined",
    "onhold",
    "systemerror",
    "securityerror",
    "networkerror",
    "hostunknown",
    "userunknown",
    "expired",
    NULL,
  };

  if (reason == NULL)
    return TRUE;
  for (guint i = 0; tentative[i] != NULL; i++)
    if (strcmp (tentative[i], reason) == 0)
      return TRUE;
  return FALSE;
}

typedef struct
{
  BbMatchText     mt;
  BbReasonMatches hits;
  const char     *status;
  const char     *reply_code;
  const char     *command;
  const char     *code_reason;
  gboolean        smtp;
  gboolean        unix_type; /* X-Unix, X-Postfix: a local program failed */
  /* evidence */
  gsize    ev_start;
  gsize    ev_len;
  gboolean ev_text;
} Ctx;

static gboolean
words_say (Ctx        *ctx,
           const char *reason)
{
  gint r = bb_match_reason_index (reason);

  if (r < 0 || ctx->hits.start[r] < 0)
    return FALSE;
  ctx->ev_start = ctx->hits.start[r];
  ctx->ev_len = ctx->hits.len[r];
  ctx->ev_text = TRUE;
  return TRUE;
}

static gboolean
words_say_any (Ctx               *ctx,
               const char *const *reasons)
{
  for (guint i = 0; reasons[i] != NULL; i++)
    {
      gint r = bb_match_reason_index (reasons[i]);

      if (r >= 0 && ctx->hits.start[r] >= 0)
        return TRUE;
    }
  return FALSE;
}

static gboolean
code_says (Ctx        *ctx,
           const char *reason)
{
  if (ctx->code_reason == NULL || strcmp (ctx->code_reason, reason) != 0)
    return FALSE;
  ctx->ev_text = FALSE;
  return TRUE;
}

static gboolean
command_is (Ctx               *ctx,
            const char *const *commands)
{
  if (ctx->command == NULL)
    return FALSE;
  for (guint i = 0; commands[i] != NULL; i++)
    if (strcmp (ctx->command, commands[i]) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
code_is (Ctx        *ctx,
         const char *reason)
{
  return ctx->code_reason != NULL && strcmp (ctx->code_reason, reason) == 0;
}

/* Server wordings that come from a directory lookup of the recipient
 * whatever the SMTP stage: Domino and Notes, Exchange 2003, IMail,
 * Google's "address not found" page. */
static const char *const decisive_userunknown[] = {
  "not listed in domino directory",
  "not listed in public name & address book",
  "domino ディレクトリには見つかりません",
  "the recipient name is not recognized",
  "invalid final delivery userid",
  "the email account that you tried to reach does not exist",
  "the email address wasn't found at the destination domain",
  "the email address wasn’t found at the destination domain",
  "address couldn't be found",
  "address couldn’t be found",
  /* Exim and its relatives (mail.ru, MXLogic); qmail */
  "user not found",
  "no mailbox here by that name",
  NULL,
};

/* Is @reason true for this recipient, in the first pass?  Most reasons
 * hold when the status code or the words say so; a few need the SMTP
 * stage too: "user unknown" said after the message was sent (DATA) is a
 * filter's verdict, not a missing mailbox. */
static gboolean
first_pass_true (Ctx        *ctx,
                 const char *reason)
{
  static const char *const early_stages[] = { "CONN", "EHLO", "HELO", "MAIL", "RCPT", NULL };
  static const char *const greeting[] = { "CONN", "EHLO", "HELO", NULL };

  if (strcmp (reason, "userunknown") == 0)
    {
      static const char *const others[] = {
        "norelaying",
        "blocked",
        "mailboxfull",
        "hasmoved",
        "rejected",
        "notaccept",
        NULL,
      };

      if (code_is (ctx, "suspend"))
        return FALSE;
      if (code_is (ctx, "userunknown"))
        {
          if (words_say_any (ctx, others))
            return FALSE;
          if (!words_say (ctx, reason))
            ctx->ev_text = FALSE;
          return TRUE;
        }
      /* Answered to RCPT: the mailbox does not exist.  At another stage
       * (or an unknown one) the same words are a filter's verdict, as in
       * Sisimai, unless the server's wording names the directory lookup
       * itself. */
      if (ctx->command != NULL && strcmp (ctx->command, "RCPT") == 0)
        return words_say (ctx, reason);
      /* X.1.10 is RFC 7505's null MX, and Microsoft's "recipient not
       * found" too: its own wording tells which. */
      if (ctx->code_reason == NULL || code_is (ctx, "onhold") ||
          (code_is (ctx, "notaccept") && ctx->status != NULL && g_str_has_suffix (ctx->status, ".1.10")))
        {
          for (guint i = 0; decisive_userunknown[i] != NULL; i++)
            {
              gsize st = 0, ln = 0;

              if (bb_match_phrase (&ctx->mt, decisive_userunknown[i], &st, &ln))
                {
                  ctx->ev_start = st;
                  ctx->ev_len = ln;
                  ctx->ev_text = TRUE;
                  return TRUE;
                }
            }
        }
      return FALSE;
    }
  if (strcmp (reason, "filtered") == 0)
    {
      if (code_is (ctx, "suspend"))
        return FALSE;
      if (code_is (ctx, "filtered"))
        return words_say (ctx, "userunknown") || words_say (ctx, "filtered");
      if (command_is (ctx, early_stages))
        return FALSE;
      return words_say (ctx, "filtered") || words_say (ctx, "userunknown");
    }
  if (strcmp (reason, "rejected") == 0)
    {
      if (code_says (ctx, reason))
        return TRUE;
      if (ctx->command != NULL && strcmp (ctx->command, "MAIL") == 0)
        return words_say (ctx, reason);
      if (ctx->command != NULL && strcmp (ctx->command, "DATA") == 0)
        return !code_is (ctx, "userunknown") && words_say (ctx, reason);
      if (ctx->code_reason == NULL || code_is (ctx, "onhold") || code_is (ctx, "undefined") ||
          code_is (ctx, "securityerror") || code_is (ctx, "systemerror"))
        return words_say (ctx, reason);
      return FALSE;
    }
  if (strcmp (reason, "norelaying") == 0)
    {
      if (command_is (ctx, greeting))
        return FALSE;
      return words_say (ctx, reason);
    }
  if (strcmp (reason, "hostunknown") == 0)
    {
      if (code_says (ctx, reason))
        {
          static const char *const others[] = { "networkerror", NULL };
          return !words_say_any (ctx, others);
        }
      return words_say (ctx, reason);
    }
  if (code_says (ctx, reason))
    {
      words_say (ctx, reason);
      return TRUE;
    }
  return words_say (ctx, reason);
}

static const char *
decide_reason (Ctx *ctx)
{
  const char *reason = NULL;

  if (ctx->smtp)
    for (guint i = 0; first_order[i] != NULL && reason == NULL; i++)
      if (first_pass_true (ctx, first_order[i]))
        reason = first_order[i];
  if (reason != NULL)
    return reason;

  reason = ctx->code_reason;
  if (is_tentative (reason) || !ctx->smtp)
    {
      const char *by_words = NULL;

      for (guint i = 0; second_order[i] != NULL && by_words == NULL; i++)
        if (words_say (ctx, second_order[i]))
          by_words = second_order[i];
      if (by_words != NULL)
        return by_words;
      if (reason != NULL && !is_tentative (reason))
        return reason;
      if (ctx->unix_type)
        return "mailererror";
      if (reason != NULL && strcmp (reason, "undefined") != 0 && strcmp (reason, "onhold") != 0)
        return reason;
      if (ctx->status != NULL && strlen (ctx->status) >= 3)
        {
          if (ctx->status[2] == '6')
            return "contenterror";
          if (ctx->status[2] == '7')
            return "securityerror";
        }
      if (ctx->reply_code != NULL && ctx->reply_code[1] == '0' && ctx->reply_code[2] >= '0' &&
          ctx->reply_code[2] <= '4')
        return "syntaxerror";
      if (ctx->command != NULL &&
          (strcmp (ctx->command, "HELO") == 0 || strcmp (ctx->command, "EHLO") == 0))
        return "blocked";
      return NULL;
    }
  ctx->ev_text = FALSE;
  return reason;
}

static gboolean
is_temporary (BbRecipient *r)
{
  if (r->status != NULL)
    return r->status[0] == '4';
  if (r->reply_code != NULL)
    return r->reply_code[0] == '4';
  return FALSE;
}

static gboolean
is_permanent (BbRecipient *r)
{
  if (r->status != NULL && r->status[0] == '5')
    return TRUE;
  return r->reply_code != NULL && r->reply_code[0] == '5';
}

static void
set_evidence (BbRecipient *r,
              const char  *collapsed,
              Ctx         *ctx)
{
  g_clear_pointer (&r->evidence, g_free);
  if (ctx->ev_text && collapsed != NULL && ctx->ev_start + ctx->ev_len <= strlen (collapsed))
    r->evidence = g_strndup (collapsed + ctx->ev_start, ctx->ev_len);
  else if (r->status != NULL)
    r->evidence = g_strdup (r->status);
  else if (r->reply_code != NULL)
    r->evidence = g_strdup (r->reply_code);
}

static const char *
domain_of (const char *address)
{
  const char *at = address != NULL ? strrchr (address, '@') : NULL;

  return at != NULL ? at + 1 : NULL;
}

/**
 * bb_classify_recipient:
 * @context: (nullable): the notice's text, read only when the recipient
 *   has no diagnostic of its own
 *
 * Fills reason, hard_bounce, category, urgency, side, evidence and the
 * receiving provider.
 */
void
bb_classify_recipient (BbBounce    *bounce,
                       BbRecipient *r,
                       const char  *context)
{
  g_autofree char      *collapsed = NULL;
  g_autofree char      *lower = NULL;
  const BbProviderCode *pc = NULL;
  const BbReasonInfo   *info;
  const char           *reason = NULL;
  Ctx                   ctx = { 0 };

  collapsed = bb_text_collapse (r->diagnostic != NULL && *r->diagnostic != '\0' ? r->diagnostic
                                                                                : context,
                                -1);
  if (collapsed == NULL)
    collapsed = g_strdup ("");
  /* Servers say what matters in the first lines; a whole notice used as
   * the diagnostic is read up to a bound. */
  if (strlen (collapsed) > 4 * 1024)
    {
      gsize cut = 4 * 1024;

      while (cut > 0 && ((guchar) collapsed[cut] & 0xc0) == 0x80)
        cut--;
      collapsed[cut] = '\0';
    }
  lower = bb_text_ascii_lower (collapsed, -1);
  bb_match_text_init (&ctx.mt, lower, strlen (lower));
  bb_match_reasons (&ctx.mt, &ctx.hits);
  ctx.status = r->status;
  ctx.reply_code = r->reply_code;
  ctx.command = r->smtp_command;
  /* Postfix's own words (X-Postfix) read like a server's; only a local
   * program's (X-Unix: procmail, a pipe) are a mailer error. */
  ctx.unix_type = r->diagnostic_type != NULL && g_ascii_strcasecmp (r->diagnostic_type, "X-UNIX") == 0;
  ctx.smtp = !ctx.unix_type;
  /* Class-only codes (5.0.0, 4.0.0) say nothing. */
  ctx.code_reason = bb_classify_status_reason (r->status);

  /* The receiving provider: by the server that answered, else by the
   * recipient's mailbox domain. */
  if (r->provider == NULL && r->remote_mta != NULL)
    r->provider = bb_provider_for_host (r->remote_mta);
  if (r->provider == NULL && domain_of (r->address) != NULL)
    r->provider = bb_provider_for_domain (domain_of (r->address));
  /* A notice written by a gateway or provider in front of the client's
   * mailbox (not by the rep's own provider) speaks for the receiving
   * side. */
  if (r->provider == NULL && r->reporting_mta != NULL)
    {
      const BbProvider *reporting = bb_provider_for_host (r->reporting_mta);
      if (reporting != bounce->sender_provider)
        r->provider = reporting;
    }
  if (r->provider == NULL)
    {
      const BbProvider *notice = _bb_bounce_get_notice_provider (bounce);
      if (notice != bounce->sender_provider)
        r->provider = notice;
    }

  if ((r->action != NULL && (strcmp (r->action, "delivered") == 0 ||
                             strcmp (r->action, "relayed") == 0 ||
                             strcmp (r->action, "expanded") == 0)) ||
      (r->status != NULL && r->status[0] == '2'))
    reason = "delivered";
  else if (r->reason_hint != NULL)
    reason = r->reason_hint;

  if (reason == NULL)
    {
      pc = bb_provider_code_match_text (r->provider, &ctx.mt);
      if (pc != NULL && pc->reason != NULL)
        {
          reason = pc->reason;
          if (pc->needle != NULL)
            {
              const char *at = strstr (lower, pc->needle);
              if (at != NULL)
                {
                  ctx.ev_start = at - lower;
                  ctx.ev_len = strlen (pc->needle);
                  ctx.ev_text = TRUE;
                }
            }
        }
    }
  else
    pc = bb_provider_code_match_text (r->provider, &ctx.mt);

  /* Wordings of particular mail servers that decide on their own. */
  if (reason == NULL)
    {
      static const struct
      {
        const char *phrase;
        const char *reason;
      } decisive[] = {
        /* qmail: the domain has neither MX nor address */
        { "couldn't find a mail exchanger or ip address", "notaccept" },
      };

      for (gsize i = 0; i < G_N_ELEMENTS (decisive) && reason == NULL; i++)
        {
          gsize st = 0, ln = 0;

          if (bb_match_phrase (&ctx.mt, decisive[i].phrase, &st, &ln))
            {
              reason = decisive[i].reason;
              ctx.ev_start = st;
              ctx.ev_len = ln;
              ctx.ev_text = TRUE;
            }
        }
    }

  /* Google Groups answers for a group that refuses the sender (no such
   * group, no permission to post) in the user's language and without a
   * code. */
  if (reason == NULL && r->status == NULL && r->reply_code == NULL && r->address != NULL &&
      g_str_has_suffix (r->address, "@googlegroups.com"))
    reason = "rejected";

  if (reason == NULL)
    reason = decide_reason (&ctx);

  if (reason == NULL)
    {
      if (r->action != NULL && (strcmp (r->action, "delayed") == 0 || strcmp (r->action, "expired") == 0))
        reason = "expired";
      else if (words_say (&ctx, "vacation"))
        reason = "vacation";
      else if (*lower != '\0' && !r->diagnostic_is_notice)
        reason = "onhold";
      else
        reason = "undefined";
    }

  _bb_recipient_set (&r->reason, reason);
  /* Show the server's own sentence for the reason when there is one:
   * "the email account that you tried to reach does not exist" says more
   * to a person than a code in a URL or a bare status. */
  {
    gint ri = bb_match_reason_index (reason);

    if (ri >= 0 && ctx.hits.start[ri] >= 0)
      {
        ctx.ev_start = ctx.hits.start[ri];
        ctx.ev_len = ctx.hits.len[ri];
        ctx.ev_text = TRUE;
      }
  }
  set_evidence (r, collapsed, &ctx);

  if (pc != NULL)
    {
      r->provider_code = pc->code;
      r->provider_note = pc->note;
      if (r->provider == NULL && pc->provider_id != NULL)
        r->provider = bb_provider_lookup_id (pc->provider_id);
    }

  /* Sisimai's rule: only a wrong address, a dead domain or a moved
   * mailbox make sending again pointless. */
  if (strcmp (reason, "userunknown") == 0 || strcmp (reason, "hostunknown") == 0 ||
      strcmp (reason, "hasmoved") == 0)
    r->hard_bounce = TRUE;
  else if (strcmp (reason, "notaccept") == 0)
    r->hard_bounce = is_permanent (r) || !is_temporary (r);
  else
    r->hard_bounce = FALSE;

  info = bb_kb_reason_info (reason);
  if (info != NULL)
    {
      r->category = info->category;
      r->urgency = info->urgency;
      r->side = info->side;
    }
  if (pc != NULL)
    {
      if (pc->category != BB_CATEGORY_UNKNOWN)
        r->category = pc->category;
      if (pc->side != BB_SIDE_UNKNOWN)
        r->side = pc->side;
    }
}
