/* bb-store-filter.h - which logged entries to show, and in what order
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "bb-entry.h"

G_BEGIN_DECLS

/**
 * BbBounceType:
 * @BB_BOUNCE_TYPE_ANY: hard and soft bounces
 * @BB_BOUNCE_TYPE_HARD: hard bounces only
 * @BB_BOUNCE_TYPE_SOFT: soft bounces only
 */
typedef enum
{
  BB_BOUNCE_TYPE_ANY,
  BB_BOUNCE_TYPE_HARD,
  BB_BOUNCE_TYPE_SOFT,
} BbBounceType;

/**
 * BbStoreSort:
 *
 * The order of a list.  Ties are broken by the entry id, so paging
 * through a list never shows an entry twice or skips one.
 */
typedef enum
{
  BB_STORE_SORT_NEWEST,   /* bounce date, newest first (the default) */
  BB_STORE_SORT_OLDEST,   /* bounce date, oldest first */
  BB_STORE_SORT_ADDRESS,  /* address A → Z */
  BB_STORE_SORT_DOMAIN,   /* domain A → Z, newest first within one */
  BB_STORE_SORT_STATE,    /* follow-up state, newest first within one */
  BB_STORE_SORT_CATEGORY, /* category, newest first within one */
} BbStoreSort;

/**
 * BbStoreFilter:
 * @any_state: %TRUE to ignore @state
 * @state: only entries in this state
 * @tag: (nullable): only entries carrying this tag
 * @category: (nullable): only this category (bb_category_to_string() name)
 * @domain: (nullable): only this recipient domain
 * @bounce_type: hard, soft or both
 * @since: (optional): only bounces at or after this Unix time (0: no limit)
 * @until: (optional): only bounces before this Unix time (0: no limit)
 * @text: (nullable): full-text search over address, domain, subject,
 *   diagnostic and note; case-insensitive for Latin letters; Chinese
 *   works for any length (one character included)
 * @sort: the order
 * @ids: (nullable) (element-type gint64): only these entries (a
 *   selection in the GUI); an empty array lets nothing through
 * @reverse: %TRUE for @sort the other way round (Z → A, oldest first
 *   …); entries that tie stay newest first
 *
 * A plain boxed struct: set the fields directly.  The copy and the free
 * function copy and free @ids too.
 */
typedef struct
{
  gboolean      any_state;
  BbEntryState  state;
  char         *tag;
  char         *category;
  char         *domain;
  BbBounceType  bounce_type;
  gint64        since;
  gint64        until;
  char         *text;
  BbStoreSort   sort;
  GArray       *ids;
  gboolean      reverse;
} BbStoreFilter;

#define BB_TYPE_STORE_FILTER (bb_store_filter_get_type ())

GType          bb_store_filter_get_type (void) G_GNUC_CONST;
BbStoreFilter *bb_store_filter_new      (void);
BbStoreFilter *bb_store_filter_copy     (const BbStoreFilter *filter);
void           bb_store_filter_free     (BbStoreFilter       *filter);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BbStoreFilter, bb_store_filter_free)

G_END_DECLS
