/* bb-enums.h - enumerations shared by the core, the CLI and the GUI
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * BbKind:
 *
 * What a message turned out to be.  Only %BB_KIND_BOUNCE is a failure.
 */
typedef enum
{
  BB_KIND_BOUNCE,
  BB_KIND_DELAYED,
  BB_KIND_AUTOREPLY,
  BB_KIND_FEEDBACK,
  BB_KIND_DELIVERED,
  BB_KIND_NOT_BOUNCE,
  BB_KIND_UNREADABLE,
} BbKind;

/**
 * BbCategory:
 *
 * The user-facing grouping of a failure (one headline each).
 */
typedef enum
{
  BB_CATEGORY_UNKNOWN,
  BB_CATEGORY_ADDRESS,        /* the address (left of @) does not exist */
  BB_CATEGORY_DOMAIN,         /* the domain does not exist / takes no mail */
  BB_CATEGORY_MAILBOX,        /* mailbox full, disabled, moved */
  BB_CATEGORY_TOO_BIG,        /* message too big */
  BB_CATEGORY_REPUTATION,     /* sending IP / domain blocked, blocklisted */
  BB_CATEGORY_CONTENT,        /* content judged spam / virus / malformed */
  BB_CATEGORY_AUTHENTICATION, /* SPF, DKIM, DMARC, PTR */
  BB_CATEGORY_RATE_LIMITED,   /* too many messages / connections */
  BB_CATEGORY_TEMPORARY,      /* temporary trouble, the server retries */
  BB_CATEGORY_POLICY,         /* the recipient's organisation refuses it */
  BB_CATEGORY_NOT_BOUNCE,     /* auto-reply, delivered, feedback, delay */
  BB_N_CATEGORIES
} BbCategory;

typedef enum
{
  BB_URGENCY_LOW,
  BB_URGENCY_MEDIUM,
  BB_URGENCY_HIGH,
} BbUrgency;

/**
 * BbSide:
 *
 * Whose side must act to get the mail through.
 */
typedef enum
{
  BB_SIDE_UNKNOWN,
  BB_SIDE_RECIPIENT, /* the address, domain or mailbox of the recipient */
  BB_SIDE_SENDER,    /* the rep's own server, reputation, content, setup */
  BB_SIDE_NOBODY,    /* temporary: nobody has to act yet */
} BbSide;

const char *bb_kind_to_string (BbKind kind);
const char *bb_category_to_string (BbCategory category);
const char *bb_urgency_to_string (BbUrgency urgency);
const char *bb_side_to_string (BbSide side);

G_END_DECLS
