/* bb-bounce-private.h - fields of BbBounce, for the analyser only
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bb-bounce.h"

G_BEGIN_DECLS

struct _BbBounce
{
  GObject parent_instance;

  char     *source;
  BbKind    kind;
  char     *error;       /* set for BB_KIND_UNREADABLE */
  char     *format;      /* which layout was recognised: "rfc3464", "qmail" … */
  GPtrArray *recipients; /* BbRecipient */

  /* The notice itself */
  char *subject;
  char *from;
  char *date;

  /* The mail system that wrote the notice, when recognisable; looked up
   * only when a recipient needs it, from the notice (borrowed, set only
   * while the analysis runs). */
  const BbProvider *notice_provider;
  gboolean          notice_provider_known;
  gpointer          notice_message;

  /* The rep: who sent the original, through which provider */
  char             *sender_address;
  const BbProvider *sender_provider;

  /* The returned original, when the notice carries it */
  gboolean   has_original;
  char      *original_subject;
  char      *original_date;
  char      *original_message_id;
  BbMailbox *original_from;
  GPtrArray *original_to;   /* BbMailbox */
  GPtrArray *attachments;   /* BbAttachment */
  gsize      original_size;
  guint      original_images;    /* <img> tags in the HTML body */
  gsize      original_html_text; /* characters of text in the HTML body */
  guint      original_links;

  char      *original_text; /* its body as text, when asked for */
  GPtrArray *content_hints; /* BbContentHint */
  gsize      size_limit;    /* a size limit the server quoted, in bytes */
};

BbBounce   *_bb_bounce_new               (const char *source);
BbMailbox  *_bb_mailbox_new              (const char *name,
                                          const char *address);
void        _bb_mailbox_free             (BbMailbox *mailbox);
void        _bb_bounce_add_attachment    (BbBounce   *self,
                                          const char *filename,
                                          const char *content_type,
                                          gsize       size);
const BbProvider *_bb_bounce_get_notice_provider (BbBounce *self);
void        _bb_bounce_add_content_hint  (BbBounce   *self,
                                          const char *id,
                                          const char *detail);

G_END_DECLS
