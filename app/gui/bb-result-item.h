/* bb-result-item.h - one line of the results list: a message and one of
 * its recipients
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "bb-bounce.h"

G_BEGIN_DECLS

/**
 * BbResultBadge:
 *
 * The coloured badge of a row.
 */
typedef enum
{
  BB_RESULT_BADGE_HARD,        /* a failure that will not go away */
  BB_RESULT_BADGE_SOFT,        /* a failure that may go away */
  BB_RESULT_BADGE_DELAYED,     /* not failed yet, still retried */
  BB_RESULT_BADGE_NOT_BOUNCE,  /* auto-reply, delivery report, complaint … */
  BB_RESULT_BADGE_UNREADABLE,
} BbResultBadge;

#define BB_TYPE_RESULT_ITEM (bb_result_item_get_type ())

G_DECLARE_FINAL_TYPE (BbResultItem, bb_result_item, BB, RESULT_ITEM, GObject)

BbResultItem  *bb_result_item_new                 (BbBounce     *bounce,
                                                   guint         recipient_index);
BbBounce      *bb_result_item_get_bounce          (BbResultItem *self);
guint          bb_result_item_get_recipient_index (BbResultItem *self);
BbRecipient   *bb_result_item_get_recipient       (BbResultItem *self);
char          *bb_result_item_dup_title           (BbResultItem *self);
const char    *bb_result_item_get_headline        (BbResultItem *self);
BbResultBadge  bb_result_item_get_badge           (BbResultItem *self);
const char    *bb_result_item_get_badge_label     (BbResultItem *self);
const char    *bb_result_item_get_badge_css_class (BbResultItem *self);

void           bb_result_items_append             (GListStore   *store,
                                                   GPtrArray    *bounces,
                                                   guint         from);

G_END_DECLS
