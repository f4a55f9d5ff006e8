/* bb-bounce.h - what one message turned out to be, and its recipients
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "bb-enums.h"
#include "bb-provider.h"
#include "bb-recipient.h"

G_BEGIN_DECLS

/**
 * BbMailbox:
 * @name: display name, or %NULL
 * @address: the address
 */
typedef struct
{
  char *name;
  char *address;
} BbMailbox;

/**
 * BbAttachment:
 * @filename: file name as the sender's mail program gave it, or %NULL
 * @content_type: MIME type, lower case
 * @size: decoded size in bytes (estimated from the encoded size when the
 *   part was not decoded)
 */
typedef struct
{
  char  *filename;
  char  *content_type;
  gsize  size;
} BbAttachment;

/**
 * BbContentHint:
 * @id: machine name ("subject-capitals", "exclamation-marks",
 *   "marketing-words", "risky-attachment", "over-size-limit",
 *   "image-heavy-html", "many-links")
 * @detail: the words, file names or figures that triggered it, or %NULL
 */
typedef struct
{
  const char *id;
  char       *detail;
} BbContentHint;

#define BB_TYPE_BOUNCE (bb_bounce_get_type ())

G_DECLARE_FINAL_TYPE (BbBounce, bb_bounce, BB, BOUNCE, GObject)

const char       *bb_bounce_get_source            (BbBounce *self);
BbKind            bb_bounce_get_kind              (BbBounce *self);
gboolean          bb_bounce_is_bounce             (BbBounce *self);
const char       *bb_bounce_get_error             (BbBounce *self);
const char       *bb_bounce_get_format            (BbBounce *self);
guint             bb_bounce_get_n_recipients      (BbBounce *self);
BbRecipient      *bb_bounce_get_recipient         (BbBounce *self,
                                                   guint     index);
const char       *bb_bounce_get_subject           (BbBounce *self);
const char       *bb_bounce_get_from              (BbBounce *self);
const char       *bb_bounce_get_date              (BbBounce *self);
const char       *bb_bounce_get_sender_address    (BbBounce *self);
const BbProvider *bb_bounce_get_sender_provider   (BbBounce *self);
gboolean          bb_bounce_has_original          (BbBounce *self);
const char       *bb_bounce_get_original_subject  (BbBounce *self);
const char       *bb_bounce_get_original_date     (BbBounce *self);
const char       *bb_bounce_get_original_message_id (BbBounce *self);
const BbMailbox  *bb_bounce_get_original_from     (BbBounce *self);
GPtrArray        *bb_bounce_get_original_to       (BbBounce *self);
GPtrArray        *bb_bounce_get_attachments       (BbBounce *self);
gsize             bb_bounce_get_original_size     (BbBounce *self);
GPtrArray        *bb_bounce_get_content_hints     (BbBounce *self);
gsize             bb_bounce_get_size_limit        (BbBounce *self);
const char       *bb_bounce_get_original_text     (BbBounce *self);
guint             bb_bounce_suggest_from_known_domains (BbBounce          *self,
                                                        const char *const *known_domains);

G_END_DECLS
