/* bb-entry-list.c - the log as a GListModel that reads pages on demand
 *
 * A GtkListView asks only for the rows it shows; this model counts the
 * entries once and reads them a page at a time, keeping a few pages, so
 * a log of 100,000 entries opens as fast as one of ten.  The count and
 * the pages are read again by bb_entry_list_reload() (after an import,
 * say) and when the filter changes.
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bb-entry-list.h"

#define PAGE_SIZE 200
#define MAX_PAGES 8

struct _BbEntryList
{
  GObject parent_instance;

  /* owned */
  BbStore       *store;
  BbStoreFilter *filter;
  GHashTable    *pages;      /* page number → GPtrArray of BbEntry */
  GQueue         page_order; /* page numbers, most recently used first */
  guint          n_items;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BbEntryList, bb_entry_list, G_TYPE_OBJECT, G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum
{
  PROP_0,
  PROP_STORE,
  PROP_FILTER,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
get_item_type (GListModel *model)
{
  return BB_TYPE_ENTRY;
}

static guint
get_n_items (GListModel *model)
{
  return BB_ENTRY_LIST (model)->n_items;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  BbEntryList *self = BB_ENTRY_LIST (model);
  guint        page = position / PAGE_SIZE;
  GPtrArray   *entries;
  GList       *link;

  if (position >= self->n_items)
    return NULL;
  entries = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));
  if (entries == NULL)
    {
      g_autoptr (GError) error = NULL;

      entries = bb_store_list_entries (self->store, self->filter, page * PAGE_SIZE, PAGE_SIZE, &error);
      if (entries == NULL)
        {
          g_warning ("Could not read the log: %s", error->message);
          return NULL;
        }
      g_hash_table_insert (self->pages, GUINT_TO_POINTER (page), entries);
      g_queue_push_head (&self->page_order, GUINT_TO_POINTER (page));
      while (self->page_order.length > MAX_PAGES)
        g_hash_table_remove (self->pages, g_queue_pop_tail (&self->page_order));
    }
  else if ((link = g_queue_find (&self->page_order, GUINT_TO_POINTER (page))) != NULL)
    {
      g_queue_unlink (&self->page_order, link);
      g_queue_push_head_link (&self->page_order, link);
    }
  /* the log changed under us and the page came back shorter */
  if (position % PAGE_SIZE >= entries->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (entries, position % PAGE_SIZE));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
bb_entry_list_dispose (GObject *object)
{
  BbEntryList *self = (BbEntryList *) object;

  g_clear_object (&self->store);

  G_OBJECT_CLASS (bb_entry_list_parent_class)->dispose (object);
}

static void
bb_entry_list_finalize (GObject *object)
{
  BbEntryList *self = (BbEntryList *) object;

  g_hash_table_unref (self->pages);
  g_queue_clear (&self->page_order);
  bb_store_filter_free (self->filter);

  G_OBJECT_CLASS (bb_entry_list_parent_class)->finalize (object);
}

static void
bb_entry_list_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  BbEntryList *self = BB_ENTRY_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_FILTER:
      g_value_set_boxed (value, self->filter);
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->n_items);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_entry_list_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  BbEntryList *self = BB_ENTRY_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_FILTER:
      bb_entry_list_set_filter (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_entry_list_constructed (GObject *object)
{
  BbEntryList *self = (BbEntryList *) object;

  G_OBJECT_CLASS (bb_entry_list_parent_class)->constructed (object);
  g_return_if_fail (BB_IS_STORE (self->store));
  bb_entry_list_reload (self);
}

static void
bb_entry_list_class_init (BbEntryListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bb_entry_list_dispose;
  object_class->finalize = bb_entry_list_finalize;
  object_class->get_property = bb_entry_list_get_property;
  object_class->set_property = bb_entry_list_set_property;
  object_class->constructed = bb_entry_list_constructed;

  properties[PROP_STORE] = g_param_spec_object ("store", NULL, NULL, BB_TYPE_STORE,
                                                G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILTER] = g_param_spec_boxed ("filter", NULL, NULL, BB_TYPE_STORE_FILTER,
                                                G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_N_ITEMS] = g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                                                G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bb_entry_list_init (BbEntryList *self)
{
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  self->filter = bb_store_filter_new ();
}

/**
 * bb_entry_list_new:
 * @filter: (nullable): which entries; %NULL for all, newest first
 *
 * Returns: (transfer full): the model
 */
BbEntryList *
bb_entry_list_new (BbStore             *store,
                   const BbStoreFilter *filter)
{
  g_return_val_if_fail (BB_IS_STORE (store), NULL);
  return g_object_new (BB_TYPE_ENTRY_LIST, "store", store, "filter", filter, NULL);
}

BbStore *
bb_entry_list_get_store (BbEntryList *self)
{
  g_return_val_if_fail (BB_IS_ENTRY_LIST (self), NULL);
  return self->store;
}

const BbStoreFilter *
bb_entry_list_get_filter (BbEntryList *self)
{
  g_return_val_if_fail (BB_IS_ENTRY_LIST (self), NULL);
  return self->filter;
}

/**
 * bb_entry_list_set_filter:
 * @filter: (nullable): the new filter (copied); %NULL for all entries
 */
void
bb_entry_list_set_filter (BbEntryList         *self,
                          const BbStoreFilter *filter)
{
  g_return_if_fail (BB_IS_ENTRY_LIST (self));

  bb_store_filter_free (self->filter);
  self->filter = filter != NULL ? bb_store_filter_copy (filter) : bb_store_filter_new ();
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILTER]);
  if (self->store != NULL)
    bb_entry_list_reload (self);
}

/**
 * bb_entry_list_reload:
 *
 * Reads the count again and forgets the pages read; emits
 * GListModel::items-changed for the whole list (when it had items or has
 * some now).
 */
void
bb_entry_list_reload (BbEntryList *self)
{
  g_autoptr (GError) error = NULL;
  guint  old_n;
  gint64 n;

  g_return_if_fail (BB_IS_ENTRY_LIST (self));

  old_n = self->n_items;
  g_hash_table_remove_all (self->pages);
  g_queue_clear (&self->page_order);
  n = bb_store_count_entries (self->store, self->filter, &error);
  if (n < 0)
    {
      g_warning ("Could not read the log: %s", error->message);
      n = 0;
    }
  self->n_items = (guint) MIN (n, G_MAXUINT);
  if (old_n > 0 || self->n_items > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, self->n_items);
  if (old_n != self->n_items)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}
