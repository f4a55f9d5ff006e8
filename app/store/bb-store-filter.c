/* bb-store-filter.c - which logged entries to show, and in what order
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bb-store-filter.h"

G_DEFINE_BOXED_TYPE (BbStoreFilter, bb_store_filter, bb_store_filter_copy, bb_store_filter_free)

/**
 * bb_store_filter_new:
 *
 * Returns: (transfer full): a filter that lets every entry through,
 *   newest first
 */
BbStoreFilter *
bb_store_filter_new (void)
{
  BbStoreFilter *filter = g_new0 (BbStoreFilter, 1);

  filter->any_state = TRUE;
  filter->state = BB_ENTRY_STATE_NEW;
  filter->bounce_type = BB_BOUNCE_TYPE_ANY;
  filter->sort = BB_STORE_SORT_NEWEST;
  return filter;
}

BbStoreFilter *
bb_store_filter_copy (const BbStoreFilter *filter)
{
  BbStoreFilter *copy;

  g_return_val_if_fail (filter != NULL, NULL);

  copy = g_memdup2 (filter, sizeof *filter);
  copy->tag = g_strdup (filter->tag);
  copy->category = g_strdup (filter->category);
  copy->domain = g_strdup (filter->domain);
  copy->text = g_strdup (filter->text);
  if (filter->ids != NULL)
    {
      copy->ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), filter->ids->len);
      g_array_append_vals (copy->ids, filter->ids->data, filter->ids->len);
    }
  return copy;
}

void
bb_store_filter_free (BbStoreFilter *filter)
{
  if (filter == NULL)
    return;
  g_free (filter->tag);
  g_free (filter->category);
  g_free (filter->domain);
  g_free (filter->text);
  g_clear_pointer (&filter->ids, g_array_unref);
  g_free (filter);
}
