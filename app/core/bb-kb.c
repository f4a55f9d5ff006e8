/* bb-kb.c - the knowledge base: translation and headline helpers
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bb-kb.h"

/**
 * bb_kb_gettext:
 * @msgid: (nullable): an untranslated string marked with N_()
 *
 * Translates a knowledge-base string in the core's own text domain, so
 * the core works the same whether the GUI or the CLI has bound it.
 *
 * Returns: the translated string, or %NULL when @msgid is %NULL
 */
const char *
bb_kb_gettext (const char *msgid)
{
  /* gettext ("") returns the PO header, never what a caller wants. */
  if (msgid == NULL || *msgid == '\0')
    return msgid;

  return g_dgettext (GETTEXT_PACKAGE, msgid);
}

/**
 * bb_kb_category_title:
 * @category: a #BbCategory
 *
 * Returns: the translated headline of @category
 */
const char *
bb_kb_category_title (BbCategory category)
{
  switch (category)
    {
    case BB_CATEGORY_ADDRESS:
      return _ ("The address does not exist");
    case BB_CATEGORY_DOMAIN:
      return _ ("The domain does not exist");
    case BB_CATEGORY_MAILBOX:
      return _ ("The mailbox is full or disabled");
    case BB_CATEGORY_TOO_BIG:
      return _ ("The message is too big");
    case BB_CATEGORY_REPUTATION:
      return _ ("Your server or address is blocked");
    case BB_CATEGORY_CONTENT:
      return _ ("The content was filtered");
    case BB_CATEGORY_AUTHENTICATION:
      return _ ("Your domain failed authentication (SPF, DKIM, DMARC)");
    case BB_CATEGORY_RATE_LIMITED:
      return _ ("Too many messages too fast");
    case BB_CATEGORY_TEMPORARY:
      return _ ("A temporary problem");
    case BB_CATEGORY_POLICY:
      return _ ("Refused by the recipient's policy");
    case BB_CATEGORY_NOT_BOUNCE:
      return _ ("Not a bounce");
    case BB_CATEGORY_UNKNOWN:
    case BB_N_CATEGORIES:
    default:
      return _ ("Unknown problem");
    }
}

/**
 * bb_kb_urgency_title:
 * @urgency: a #BbUrgency
 *
 * Returns: the translated label of @urgency
 */
const char *
bb_kb_urgency_title (BbUrgency urgency)
{
  switch (urgency)
    {
    case BB_URGENCY_HIGH:
      return _ ("Act now: the contact is lost otherwise");
    case BB_URGENCY_MEDIUM:
      return _ ("Act soon: change something and send again");
    case BB_URGENCY_LOW:
    default:
      return _ ("No hurry: wait or just take note");
    }
}

/**
 * bb_kb_side_title:
 * @side: a #BbSide
 *
 * Returns: the translated label saying whose side must act
 */
const char *
bb_kb_side_title (BbSide side)
{
  switch (side)
    {
    case BB_SIDE_RECIPIENT:
      return _ ("Theirs: the recipient's side must act");
    case BB_SIDE_SENDER:
      return _ ("Yours: your side must act");
    case BB_SIDE_NOBODY:
      return _ ("Nobody yet: wait, it is temporary");
    case BB_SIDE_UNKNOWN:
    default:
      return _ ("Unclear: the notice does not say whose side must act");
    }
}

/**
 * bb_kb_side_explanation:
 * @side: a #BbSide
 *
 * Returns: one or two translated sentences on what @side means for the rep
 */
const char *
bb_kb_side_explanation (BbSide side)
{
  switch (side)
    {
    case BB_SIDE_RECIPIENT:
      return _ ("The problem is with the client's address, domain or mailbox. "
                "You cannot repair it from your side: correct the address or "
                "reach the client another way.");
    case BB_SIDE_SENDER:
      return _ ("The problem is with your own sending: your server, your "
                "domain's setup, your message or your sending speed. The client "
                "cannot fix it, and resending the same way will fail again.");
    case BB_SIDE_NOBODY:
      return _ ("A passing problem. Mail servers retry by themselves; act only "
                "if it still fails after a day or two.");
    case BB_SIDE_UNKNOWN:
    default:
      return _ ("The notice does not make clear whose side must act. Read the "
                "server's own words, or ask your IT.");
    }
}
