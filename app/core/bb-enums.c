/* bb-enums.c - machine names of the core enumerations
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bb-enums.h"

/* These names are part of the CLI's JSON contract: never translate them. */

const char *
bb_kind_to_string (BbKind kind)
{
  switch (kind)
    {
    case BB_KIND_BOUNCE:
      return "bounce";
    case BB_KIND_DELAYED:
      return "delayed";
    case BB_KIND_AUTOREPLY:
      return "autoreply";
    case BB_KIND_FEEDBACK:
      return "feedback";
    case BB_KIND_DELIVERED:
      return "delivered";
    case BB_KIND_NOT_BOUNCE:
      return "not-bounce";
    case BB_KIND_UNREADABLE:
      return "unreadable";
    default:
      g_return_val_if_reached ("unreadable");
    }
}

const char *
bb_category_to_string (BbCategory category)
{
  switch (category)
    {
    case BB_CATEGORY_ADDRESS:
      return "address";
    case BB_CATEGORY_DOMAIN:
      return "domain";
    case BB_CATEGORY_MAILBOX:
      return "mailbox";
    case BB_CATEGORY_TOO_BIG:
      return "too-big";
    case BB_CATEGORY_REPUTATION:
      return "reputation";
    case BB_CATEGORY_CONTENT:
      return "content";
    case BB_CATEGORY_AUTHENTICATION:
      return "authentication";
    case BB_CATEGORY_RATE_LIMITED:
      return "rate-limited";
    case BB_CATEGORY_TEMPORARY:
      return "temporary";
    case BB_CATEGORY_POLICY:
      return "policy";
    case BB_CATEGORY_NOT_BOUNCE:
      return "not-bounce";
    case BB_CATEGORY_UNKNOWN:
    case BB_N_CATEGORIES:
    default:
      return "unknown";
    }
}

const char *
bb_urgency_to_string (BbUrgency urgency)
{
  switch (urgency)
    {
    case BB_URGENCY_HIGH:
      return "high";
    case BB_URGENCY_MEDIUM:
      return "medium";
    case BB_URGENCY_LOW:
    default:
      return "low";
    }
}

const char *
bb_side_to_string (BbSide side)
{
  switch (side)
    {
    case BB_SIDE_RECIPIENT:
      return "recipient";
    case BB_SIDE_SENDER:
      return "sender";
    case BB_SIDE_NOBODY:
      return "nobody";
    case BB_SIDE_UNKNOWN:
    default:
      return "unknown";
    }
}
