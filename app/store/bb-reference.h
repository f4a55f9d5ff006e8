/* bb-reference.h - the cheat-sheet: every status code, reply code and
 * reason the knowledge base explains
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "bb-export.h"

G_BEGIN_DECLS

/**
 * BbReferenceKind:
 * @BB_REFERENCE_KIND_STATUS: an enhanced status code ("5.1.1")
 * @BB_REFERENCE_KIND_REPLY_CODE: an SMTP reply code ("550", or a class
 *   "5xx")
 * @BB_REFERENCE_KIND_REASON: a bounce reason ("userunknown")
 */
typedef enum
{
  BB_REFERENCE_KIND_STATUS,
  BB_REFERENCE_KIND_REPLY_CODE,
  BB_REFERENCE_KIND_REASON,
} BbReferenceKind;

#define BB_TYPE_REFERENCE_ITEM (bb_reference_item_get_type ())

G_DECLARE_FINAL_TYPE (BbReferenceItem, bb_reference_item, BB, REFERENCE_ITEM, GObject)

BbReferenceKind     bb_reference_item_get_kind        (BbReferenceItem *self);
const char         *bb_reference_item_get_code        (BbReferenceItem *self);
const char         *bb_reference_item_get_title       (BbReferenceItem *self);
const char         *bb_reference_item_get_explanation (BbReferenceItem *self);
const char         *bb_reference_item_get_bounce_type (BbReferenceItem *self);
const char         *bb_reference_item_get_urgency     (BbReferenceItem *self);
const char         *bb_reference_item_get_side        (BbReferenceItem *self);
const char * const *bb_reference_item_get_steps       (BbReferenceItem *self);

GListModel         *bb_reference_list_items           (void);
gboolean            bb_reference_export               (BbExportFormat   format,
                                                       const char      *path,
                                                       guint           *n_rows,
                                                       GError         **error);

const char *bb_reference_kind_title (BbReferenceKind kind);

G_END_DECLS
