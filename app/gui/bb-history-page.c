/* bb-history-page.c - the History page: the bounce log in a table
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GtkColumnView over a BbEntryList, which reads the log a page at a time
 * as rows come into view, so that a log of 100,000 entries shows as fast
 * as one of ten.  Searching (FTS, after GtkSearchEntry's 150 ms pause),
 * filtering and sorting only change the list's BbStoreFilter: the store
 * counts and sorts, never this page.  A header click is turned into the
 * store's order (GTK 4.8 cannot tell which column the view sorts by, so
 * each column's sorter is asked: see sort_changed_cb).
 *
 * Actions on the selected rows (GtkMultiSelection): set the state, add a
 * tag, export, delete (with Undo).  Activating a row emits ::open-entry;
 * the window analyses the stored message again and shows its diagnosis.
 */

#include "config.h"

#include "bb-history-page-private.h"
#include "bb-history-page.h"

#include <glib/gi18n.h>

#include "bb-entry-list.h"
#include "bb-enums.h"
#include "bb-kb.h"

#define RESOURCE_PATH "/io/github/bounceback/Bounceback"

typedef enum
{
  COLUMN_DATE,
  COLUMN_ADDRESS,
  COLUMN_DOMAIN,
  COLUMN_CATEGORY,
  COLUMN_CODES,
  COLUMN_STATE,
  COLUMN_TAGS,
  N_COLUMNS
} Column;

typedef struct
{
  BbHistoryPage *self;
  Column         column;
} SortProbe;

/* The period filter, in the order of period_drop's items */
static const guint period_days[] = { 0, 7, 30, 90, 365 };

struct _BbHistoryPage
{
  AdwBin parent_instance;

  /* template widgets */
  AdwToastOverlay  *toast_overlay;
  GtkSearchEntry   *search_entry;
  GtkMenuButton    *filter_button;
  AdwButtonContent *filter_button_content;
  GtkStack         *content_stack;
  GtkColumnView    *column_view;
  AdwStatusPage    *empty_page;
  GtkRevealer      *selection_revealer;
  GtkLabel         *selection_label;
  GtkDropDown      *state_drop;
  GtkDropDown      *type_drop;
  GtkDropDown      *category_drop;
  GtkDropDown      *period_drop;
  GtkEntry         *tag_entry;

  /* owned */
  BbStore              *store;
  BbEntryList          *list;
  GtkMultiSelection    *selection;
  BbStoreFilter        *filter;
  GtkFileChooserNative *chooser;
  GCancellable         *cancellable;
  GArray               *export_ids; /* what the chooser exports; NULL: the filter */

  /* state */
  SortProbe probes[N_COLUMNS];
  int       probed; /* the column whose sorter was asked first, or -1 */
  guint     tag_source;
  guint     n_exporting; /* exports and imports under way */
  gboolean  reanalysing;
  gboolean  resetting;
};

G_DEFINE_FINAL_TYPE (BbHistoryPage, bb_history_page, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  SIGNAL_OPEN_ENTRY,
  SIGNAL_LOG_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
toast (BbHistoryPage *self,
       const char    *title)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

static void
log_changed (BbHistoryPage *self)
{
  bb_history_page_reload (self);
  g_signal_emit (self, signals[SIGNAL_LOG_CHANGED], 0);
}

/* ---- what is shown ---- */

static gboolean
filter_is_default (const BbStoreFilter *filter)
{
  return filter->any_state && filter->tag == NULL && filter->category == NULL && filter->domain == NULL &&
         filter->bounce_type == BB_BOUNCE_TYPE_ANY && filter->since == 0 && filter->until == 0 &&
         filter->text == NULL;
}

static guint
get_n_selected (BbHistoryPage *self)
{
  g_autoptr (GtkBitset) selected = NULL;

  if (self->selection == NULL)
    return 0;
  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  return (guint) MIN (gtk_bitset_get_size (selected), G_MAXUINT);
}

static void
update_actions (BbHistoryPage *self)
{
  gboolean has_store = self->store != NULL;
  gboolean has_items = self->list != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->list)) > 0;
  gboolean has_selection = has_store && get_n_selected (self) > 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "history.set-state", has_selection);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "history.add-tag", has_selection);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "history.edit-note", has_store && get_n_selected (self) == 1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "history.export", has_selection);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "history.delete", has_selection);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "history.export-shown", has_items);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "history.select-all", has_items);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "history.undo-delete", has_store);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "history.reanalyse-all", has_store && !self->reanalysing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "history.import-csv", has_store);
}

static void
update_selection (BbHistoryPage *self)
{
  guint n = get_n_selected (self);

  if (n > 0)
    {
      g_autofree char *text = NULL;

      /* Translators: on the History page, how many rows are selected */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u selected", "%u selected", n), n);
      gtk_label_set_label (self->selection_label, text);
    }
  gtk_revealer_set_reveal_child (self->selection_revealer, n > 0);
  update_actions (self);
}

static void
update_shown (BbHistoryPage *self)
{
  const char *page = "list";

  if (self->list == NULL)
    page = "empty";
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->list)) == 0)
    {
      g_autoptr (BbStoreFilter) all = bb_store_filter_new ();

      if (filter_is_default (self->filter) || bb_store_count_entries (self->store, all, NULL) <= 0)
        page = "empty";
      else
        page = "no-match";
    }
  gtk_stack_set_visible_child_name (self->content_stack, page);
  adw_status_page_set_description (self->empty_page,
                                   self->store == NULL
                                       /* Translators: History page, when the log could not be opened */
                                       ? _ ("The bounce log cannot be used, so nothing is kept here.")
                                       : _ ("Every bounce you analyse is kept here, with what you did about it."));
  /* The filter button says when filters are on */
  {
    g_autoptr (BbStoreFilter) copy = bb_store_filter_copy (self->filter);

    g_clear_pointer (&copy->text, g_free);
    if (filter_is_default (copy))
      gtk_widget_remove_css_class (GTK_WIDGET (self->filter_button), "accent");
    else
      gtk_widget_add_css_class (GTK_WIDGET (self->filter_button), "accent");
  }
  update_selection (self);
}

/* A new model for every search, filter, order or change in the log,
 * rather than BbEntryList's own reload: on GTK 4.8 a model that says
 * "everything changed" makes the view ask for every new item (it looks
 * for rows it can keep), so a list of 30,000 matches took seconds to
 * read page after page; a new model is only read where it is shown. */
static void
rebuild_model (BbHistoryPage *self)
{
  g_autoptr (BbEntryList) list = NULL;
  g_autoptr (GtkMultiSelection) selection = NULL;

  if (self->store != NULL)
    {
      list = bb_entry_list_new (self->store, self->filter);
      selection = gtk_multi_selection_new (G_LIST_MODEL (g_object_ref (list)));
      g_signal_connect_swapped (selection, "selection-changed", G_CALLBACK (update_selection), self);
    }
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  g_set_object (&self->selection, selection);
  g_set_object (&self->list, list);
  update_shown (self);
}

/**
 * bb_history_page_reload:
 *
 * Reads the log again (after it changed), keeping the search, filters
 * and order.
 */
void
bb_history_page_reload (BbHistoryPage *self)
{
  g_return_if_fail (BB_IS_HISTORY_PAGE (self));

  rebuild_model (self);
}

static void
apply_filter (BbHistoryPage *self)
{
  rebuild_model (self);
}

/* ---- cells ---- */

static const char *
category_title (const char *name)
{
  if (name == NULL || name[0] == '\0')
    return "";
  for (int i = 0; i < BB_N_CATEGORIES; i++)
    if (g_strcmp0 (bb_category_to_string ((BbCategory) i), name) == 0)
      return bb_kb_category_title ((BbCategory) i);
  return name;
}

static char *
format_cell (BbEntry *entry,
             Column   column)
{
  switch (column)
    {
    case COLUMN_DATE:
      {
        g_autoptr (GDateTime) date = g_date_time_new_from_unix_local (bb_entry_get_bounced_at (entry));

        return date != NULL ? g_date_time_format (date, "%Y-%m-%d %H:%M") : g_strdup ("");
      }
    case COLUMN_ADDRESS:
      return g_strdup (bb_entry_get_address (entry));
    case COLUMN_DOMAIN:
      return g_strdup (bb_entry_get_domain (entry));
    case COLUMN_CATEGORY:
      return g_strdup (category_title (bb_entry_get_category (entry)));
    case COLUMN_CODES:
      {
        const char *reply = bb_entry_get_reply_code (entry);
        const char *status = bb_entry_get_status (entry);
        gboolean    has_reply = reply != NULL && reply[0] != '\0';
        gboolean    has_status = status != NULL && status[0] != '\0';

        return g_strconcat (has_reply ? reply : "", has_reply && has_status ? " " : "",
                            has_status ? status : "", NULL);
      }
    case COLUMN_STATE:
      return g_strdup (bb_entry_state_title (bb_entry_get_state (entry)));
    case COLUMN_TAGS:
      {
        const char *const *tags = bb_entry_get_tags (entry);

        /* Translators: between the tags of an entry in the History table */
        return tags != NULL ? g_strjoinv (_ (", "), (char **) tags) : g_strdup ("");
      }
    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  Column     column = GPOINTER_TO_INT (user_data);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  gtk_label_set_ellipsize (GTK_LABEL (label), column == COLUMN_ADDRESS ? PANGO_ELLIPSIZE_MIDDLE : PANGO_ELLIPSIZE_END);
  if (column == COLUMN_DATE || column == COLUMN_CODES)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (list_item, label);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  BbEntry         *entry = gtk_list_item_get_item (list_item);
  g_autofree char *text = NULL;

  if (entry != NULL)
    text = format_cell (entry, GPOINTER_TO_INT (user_data));
  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (list_item)), text != NULL ? text : "");
}

/* ---- sorting by column ---- */

static int
probe_sort_cb (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  SortProbe *probe = user_data;

  if (probe->self->probed < 0)
    probe->self->probed = (int) probe->column;
  return GTK_ORDERING_SMALLER;
}

/* The view's sorter changed (a header click).  GTK 4.8 has no API for the
 * column it sorts by, but comparing two items with it asks the primary
 * column's sorter first, which says "smaller"; a descending sort turns
 * that into "larger". */
static void
sort_changed_cb (GtkSorter      *sorter,
                 GtkSorterChange change,
                 BbHistoryPage  *self)
{
  GtkOrdering order;
  BbStoreSort sort = BB_STORE_SORT_NEWEST;
  gboolean    descending;

  self->probed = -1;
  /* (two distinct items: the same one twice is "equal" without asking) */
  order = gtk_sorter_compare (sorter, self, self->column_view);
  descending = order == GTK_ORDERING_LARGER;
  switch (self->probed)
    {
    case COLUMN_DATE:
      sort = BB_STORE_SORT_NEWEST;
      break;
    case COLUMN_ADDRESS:
      sort = BB_STORE_SORT_ADDRESS;
      break;
    case COLUMN_DOMAIN:
      sort = BB_STORE_SORT_DOMAIN;
      break;
    case COLUMN_CATEGORY:
      sort = BB_STORE_SORT_CATEGORY;
      break;
    case COLUMN_STATE:
      sort = BB_STORE_SORT_STATE;
      break;
    default:
      descending = FALSE;
      break;
    }
  if (self->filter->sort == sort && self->filter->reverse == descending)
    return;
  self->filter->sort = sort;
  self->filter->reverse = descending;
  apply_filter (self);
}

static void
add_columns (BbHistoryPage *self)
{
  static const struct
  {
    const char *title;
    int         width;
  } columns[N_COLUMNS] = {
    /* Translators: History table column: when the bounce came */
    [COLUMN_DATE] = { N_ ("Date"), 130 },
    /* Translators: History table column: the address that bounced */
    [COLUMN_ADDRESS] = { N_ ("Address"), 200 },
    /* Translators: History table column: the domain of the address */
    [COLUMN_DOMAIN] = { N_ ("Domain"), 130 },
    /* Translators: History table column: what went wrong */
    [COLUMN_CATEGORY] = { N_ ("Reason"), 200 },
    /* Translators: History table column: the server's reply and status codes, e.g. "550 5.1.1" */
    [COLUMN_CODES] = { N_ ("Codes"), 80 },
    /* Translators: History table column: the follow-up state */
    [COLUMN_STATE] = { N_ ("State"), 90 },
    /* Translators: History table column: the entry's tags */
    [COLUMN_TAGS] = { N_ ("Tags"), 160 },
  };

  for (int i = 0; i < N_COLUMNS; i++)
    {
      g_autoptr (GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
      g_autoptr (GtkColumnViewColumn) column = NULL;
      g_autoptr (GtkSorter) sorter = NULL;

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), GINT_TO_POINTER (i));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), GINT_TO_POINTER (i));
      column = gtk_column_view_column_new (_ (columns[i].title), g_object_ref (factory));
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_fixed_width (column, columns[i].width);
      gtk_column_view_column_set_expand (column, i == COLUMN_ADDRESS);
      if (i != COLUMN_CODES && i != COLUMN_TAGS)
        {
          self->probes[i].self = self;
          self->probes[i].column = i;
          sorter = GTK_SORTER (gtk_custom_sorter_new (probe_sort_cb, &self->probes[i], NULL));
          gtk_column_view_column_set_sorter (column, sorter);
        }
      gtk_column_view_append_column (self->column_view, column);
    }
  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (sort_changed_cb), self, 0);
}

/* ---- search and filters ---- */

static void
on_search_entry_search_changed (GtkSearchEntry *entry,
                                BbHistoryPage  *self)
{
  const char      *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  if (self->resetting)
    return;
  if (g_strcmp0 (stripped[0] != '\0' ? stripped : NULL, self->filter->text) == 0)
    return;
  g_clear_pointer (&self->filter->text, g_free);
  if (stripped[0] != '\0')
    self->filter->text = g_steal_pointer (&stripped);
  apply_filter (self);
}

static gboolean
tag_timeout_cb (gpointer user_data)
{
  BbHistoryPage   *self = user_data;
  g_autofree char *tag = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->tag_entry))));

  self->tag_source = 0;
  g_clear_pointer (&self->filter->tag, g_free);
  if (tag[0] != '\0')
    self->filter->tag = g_steal_pointer (&tag);
  apply_filter (self);
  return G_SOURCE_REMOVE;
}

static void
on_tag_entry_changed (GtkEditable   *entry,
                      BbHistoryPage *self)
{
  if (self->resetting)
    return;
  g_clear_handle_id (&self->tag_source, g_source_remove);
  /* As the search field: wait for a pause in the typing */
  self->tag_source = g_timeout_add (150, tag_timeout_cb, self);
}

static void
filters_changed_cb (BbHistoryPage *self)
{
  guint state = gtk_drop_down_get_selected (self->state_drop);
  guint type = gtk_drop_down_get_selected (self->type_drop);
  guint category = gtk_drop_down_get_selected (self->category_drop);
  guint period = gtk_drop_down_get_selected (self->period_drop);

  if (self->resetting)
    return;
  /* 0 is "any" in each */
  self->filter->any_state = state == 0 || state == GTK_INVALID_LIST_POSITION;
  self->filter->state = self->filter->any_state ? BB_ENTRY_STATE_NEW : (BbEntryState) (state - 1);
  self->filter->bounce_type = type == 1 ? BB_BOUNCE_TYPE_HARD : type == 2 ? BB_BOUNCE_TYPE_SOFT
                                                                          : BB_BOUNCE_TYPE_ANY;
  g_clear_pointer (&self->filter->category, g_free);
  if (category != 0 && category != GTK_INVALID_LIST_POSITION && category <= BB_N_CATEGORIES)
    self->filter->category = g_strdup (bb_category_to_string ((BbCategory) (category - 1)));
  self->filter->since = 0;
  if (period != 0 && period < G_N_ELEMENTS (period_days))
    self->filter->since = g_get_real_time () / G_USEC_PER_SEC - (gint64) period_days[period] * 24 * 3600;
  apply_filter (self);
}

static void
reset_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  BbHistoryPage *self = BB_HISTORY_PAGE (widget);
  BbStoreSort    sort = self->filter->sort;
  gboolean       reverse = self->filter->reverse;

  self->resetting = TRUE;
  g_clear_handle_id (&self->tag_source, g_source_remove);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->tag_entry), "");
  gtk_drop_down_set_selected (self->state_drop, 0);
  gtk_drop_down_set_selected (self->type_drop, 0);
  gtk_drop_down_set_selected (self->category_drop, 0);
  gtk_drop_down_set_selected (self->period_drop, 0);
  self->resetting = FALSE;

  bb_store_filter_free (self->filter);
  self->filter = bb_store_filter_new ();
  self->filter->sort = sort;
  self->filter->reverse = reverse;
  apply_filter (self);
}

/* ---- the selection ---- */

/* What the actions on the selection apply to: the filter shown, narrowed
 * to the selected entries (unless every row is selected). */
static BbStoreFilter *
dup_selection_filter (BbHistoryPage *self)
{
  BbStoreFilter *filter = bb_store_filter_copy (self->filter);
  g_autoptr (GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  guint         n_items = g_list_model_get_n_items (G_LIST_MODEL (self->list));
  GtkBitsetIter iter;
  guint         position;

  if (gtk_bitset_get_size (selected) == n_items && n_items > 0)
    return filter;
  if (filter->ids != NULL)
    g_array_unref (filter->ids);
  filter->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  if (gtk_bitset_iter_init_first (&iter, selected, &position))
    {
      do
        {
          g_autoptr (BbEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->list), position);

          if (entry != NULL)
            {
              gint64 id = bb_entry_get_id (entry);

              g_array_append_val (filter->ids, id);
            }
        }
      while (gtk_bitset_iter_next (&iter, &position));
    }
  return filter;
}

static void
focus_search_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  gtk_widget_grab_focus (GTK_WIDGET (BB_HISTORY_PAGE (widget)->search_entry));
}

static void
select_all_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  BbHistoryPage *self = BB_HISTORY_PAGE (widget);

  if (self->selection != NULL)
    gtk_selection_model_select_all (GTK_SELECTION_MODEL (self->selection));
}

static void
set_state_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  BbHistoryPage *self = BB_HISTORY_PAGE (widget);
  g_autoptr (BbStoreFilter) filter = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  BbEntryState     state;
  guint            n_changed = 0, n_refused = 0;

  if (self->store == NULL || !bb_entry_state_from_string (g_variant_get_string (parameter, NULL), &state))
    return;
  filter = dup_selection_filter (self);
  if (!bb_store_set_state_matching (self->store, filter, state, &n_changed, &n_refused, &error))
    {
      toast (self, error->message);
      return;
    }
  if (n_refused > 0)
    /* Translators: after a state change on the History page; the first
     * %u is how many changed, the second how many could not (e.g. a dead
     * lead cannot become "Resent"); the plural follows the second */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%u changed to “%s”; %u could not change from its state",
                                         "%u changed to “%s”; %u could not change from their state", n_refused),
                            n_changed, bb_entry_state_title (state), n_refused);
  else
    /* Translators: after a state change on the History page */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u bounce is now “%s”", "%u bounces are now “%s”",
                                         n_changed),
                            n_changed, bb_entry_state_title (state));
  toast (self, text);
  log_changed (self);
}

/**
 * _bb_history_page_add_tag:
 * @tag: a tag to give the selected entries
 */
void
_bb_history_page_add_tag (BbHistoryPage *self,
                          const char    *tag)
{
  g_autoptr (BbStoreFilter) filter = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *stripped = NULL;
  g_autofree char *text = NULL;
  guint            n_tagged = 0;

  g_return_if_fail (BB_IS_HISTORY_PAGE (self));
  g_return_if_fail (tag != NULL);

  stripped = g_strstrip (g_strdup (tag));
  if (self->store == NULL || stripped[0] == '\0')
    return;
  filter = dup_selection_filter (self);
  if (!bb_store_add_tag_matching (self->store, filter, stripped, &n_tagged, &error))
    {
      toast (self, error->message);
      return;
    }
  /* Translators: after tagging on the History page; %s is the tag */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Tagged %u bounce “%s”", "Tagged %u bounces “%s”", n_tagged),
                          n_tagged, stripped);
  toast (self, text);
  log_changed (self);
}

static void
on_tag_dialog_response_cb (AdwMessageDialog *dialog,
                           const char       *response,
                           BbHistoryPage    *self)
{
  GtkWidget *entry = adw_message_dialog_get_extra_child (dialog);

  if (g_strcmp0 (response, "add") == 0)
    _bb_history_page_add_tag (self, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
on_tag_entry_activate_cb (GtkEntry         *entry,
                          AdwMessageDialog *dialog)
{
  adw_message_dialog_response (dialog, "add");
  gtk_window_close (GTK_WINDOW (dialog));
}

/* The one selected entry, or NULL */
static BbEntry *
dup_selected_entry (BbHistoryPage *self)
{
  g_autoptr (GtkBitset) selected = NULL;

  if (self->selection == NULL)
    return NULL;
  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  if (gtk_bitset_get_size (selected) != 1)
    return NULL;
  return g_list_model_get_item (G_LIST_MODEL (self->list), gtk_bitset_get_nth (selected, 0));
}

/**
 * _bb_history_page_set_note:
 * @note: the selected entry's note ("" removes it)
 */
void
_bb_history_page_set_note (BbHistoryPage *self,
                           const char    *note)
{
  g_autoptr (BbEntry) entry = NULL;
  g_autoptr (GError) error = NULL;

  g_return_if_fail (BB_IS_HISTORY_PAGE (self));
  g_return_if_fail (note != NULL);

  entry = dup_selected_entry (self);
  if (self->store == NULL || entry == NULL)
    return;
  if (!bb_store_set_note (self->store, bb_entry_get_id (entry), note, &error))
    {
      toast (self, error->message);
      return;
    }
  /* Translators: after editing a note on the History page */
  toast (self, _ ("Note saved"));
  log_changed (self);
}

static void
on_note_dialog_response_cb (AdwMessageDialog *dialog,
                            const char       *response,
                            BbHistoryPage    *self)
{
  GtkWidget       *view = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (adw_message_dialog_get_extra_child (dialog)));
  GtkTextBuffer   *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkTextIter      start, end;
  g_autofree char *text = NULL;

  if (g_strcmp0 (response, "save") != 0)
    return;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  _bb_history_page_set_note (self, g_strstrip (text));
}

static void
edit_note_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  BbHistoryPage *self = BB_HISTORY_PAGE (widget);
  GtkRoot       *root = gtk_widget_get_root (widget);
  g_autoptr (BbEntry) entry = dup_selected_entry (self);
  GtkWidget *dialog;
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *view = gtk_text_view_new ();

  if (entry == NULL)
    return;
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   /* Translators: heading of the dialog that edits a bounce's note */
                                   _ ("Note"), bb_entry_get_address (entry));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)),
                            bb_entry_get_note (entry) != NULL ? bb_entry_get_note (entry) : "", -1);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, _ ("Note"), -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 100);
  gtk_widget_add_css_class (scrolled, "card");
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scrolled);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _ ("_Cancel"),
                                    /* Translators: button of the Note dialog */
                                    "save", _ ("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_note_dialog_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (view);
}

static void
add_tag_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  BbHistoryPage *self = BB_HISTORY_PAGE (widget);
  GtkRoot       *root = gtk_widget_get_root (widget);
  GtkWidget     *dialog;
  GtkWidget     *entry = gtk_entry_new ();

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   /* Translators: heading of the dialog that tags the selected bounces */
                                   _ ("Add a Tag"),
                                   /* Translators: body of that dialog */
                                   _ ("The tag is added to every selected bounce."));
  /* Translators: placeholder of the tag field, with examples */
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _ ("e.g. Trade fair 2026, VIP"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _ ("Tag"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _ ("_Cancel"),
                                    /* Translators: button of the Add a Tag dialog */
                                    "add", _ ("_Add"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "add", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "add");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_tag_dialog_response_cb), self, 0);
  g_signal_connect (entry, "activate", G_CALLBACK (on_tag_entry_activate_cb), dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
undo_delete_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  BbHistoryPage *self = BB_HISTORY_PAGE (widget);
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  guint            n_restored = 0;

  if (self->store == NULL)
    return;
  if (!bb_store_undo_delete (self->store, &n_restored, &error))
    {
      toast (self, error->message);
      return;
    }
  /* Translators: after Undo on the History page */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Restored %u bounce", "Restored %u bounces", n_restored),
                          n_restored);
  toast (self, text);
  log_changed (self);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  BbHistoryPage *self = BB_HISTORY_PAGE (widget);
  g_autoptr (BbStoreFilter) filter = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  AdwToast        *undo;
  guint            n_deleted = 0;

  if (self->store == NULL)
    return;
  filter = dup_selection_filter (self);
  if (!bb_store_delete_matching (self->store, filter, &n_deleted, &error))
    {
      toast (self, error->message);
      return;
    }
  /* Translators: after deleting on the History page */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Deleted %u bounce", "Deleted %u bounces", n_deleted),
                          n_deleted);
  undo = adw_toast_new (text);
  /* Translators: button of the "Deleted N bounces" message */
  adw_toast_set_button_label (undo, _ ("_Undo"));
  adw_toast_set_action_name (undo, "history.undo-delete");
  adw_toast_set_priority (undo, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, undo);
  log_changed (self);
}

/* ---- export ---- */

static void
export_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr (BbHistoryPage) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  guint            n_exported = 0;

  self->n_exporting--;
  if (!bb_store_export_finish (BB_STORE (object), result, &n_exported, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast (self, error->message);
      return;
    }
  /* Translators: after an export on the History page */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Exported %u bounce", "Exported %u bounces", n_exported),
                          n_exported);
  toast (self, text);
}

/* Exports what is shown, or those of @ids, in the background */
static void
export_to (BbHistoryPage *self,
           const char    *path,
           BbExportFormat format,
           GArray        *ids)
{
  g_autoptr (BbStoreFilter) filter = bb_store_filter_copy (self->filter);

  if (filter->ids != NULL)
    g_array_unref (filter->ids);
  filter->ids = ids != NULL ? g_array_ref (ids) : NULL;
  self->n_exporting++;
  bb_store_export_async (self->store, filter, format, path, self->cancellable, export_cb, g_object_ref (self));
}

/**
 * _bb_history_page_export:
 * @path: a .csv or .xlsx file
 * @selection: only the selected rows (else every row shown)
 *
 * What the file chooser does once a file is chosen (tests call it).
 */
void
_bb_history_page_export (BbHistoryPage *self,
                         const char    *path,
                         gboolean       selection)
{
  g_autoptr (BbStoreFilter) filter = NULL;

  g_return_if_fail (BB_IS_HISTORY_PAGE (self));
  g_return_if_fail (path != NULL);

  if (self->store == NULL)
    return;
  if (selection)
    filter = dup_selection_filter (self);
  export_to (self, path, g_str_has_suffix (path, ".xlsx") ? BB_EXPORT_FORMAT_XLSX : BB_EXPORT_FORMAT_CSV,
             filter != NULL ? filter->ids : NULL);
}

guint
_bb_history_page_get_n_exporting (BbHistoryPage *self)
{
  g_return_val_if_fail (BB_IS_HISTORY_PAGE (self), 0);

  return self->n_exporting;
}

static void
on_chooser_response_cb (GtkNativeDialog *dialog,
                        int              response,
                        BbHistoryPage   *self)
{
  g_autoptr (GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr (BbStoreFilter) filter = NULL;
  BbExportFormat format = BB_EXPORT_FORMAT_CSV;
  GtkFileFilter *chosen;

  if (response != GTK_RESPONSE_ACCEPT || self->store == NULL)
    goto out;
  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  path = file != NULL ? g_file_get_path (file) : NULL;
  if (path == NULL)
    goto out;
  chosen = gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (dialog));
  if (g_str_has_suffix (path, ".xlsx") || g_str_has_suffix (path, ".XLSX"))
    format = BB_EXPORT_FORMAT_XLSX;
  else if (!g_str_has_suffix (path, ".csv") && !g_str_has_suffix (path, ".CSV"))
    {
      gboolean xlsx = chosen != NULL && g_strcmp0 (g_object_get_data (G_OBJECT (chosen), "bb-format"), "xlsx") == 0;
      char    *with_suffix = g_strconcat (path, xlsx ? ".xlsx" : ".csv", NULL);

      format = xlsx ? BB_EXPORT_FORMAT_XLSX : BB_EXPORT_FORMAT_CSV;
      g_free (path);
      path = with_suffix;
    }
  export_to (self, path, format, self->export_ids);

out:
  g_clear_pointer (&self->export_ids, g_array_unref);
  gtk_native_dialog_destroy (dialog);
  g_clear_object (&self->chooser);
}

static void
export_bounces (BbHistoryPage *self,
                gboolean       selection)
{
  GtkRoot       *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileFilter *csv = gtk_file_filter_new ();
  GtkFileFilter *xlsx = gtk_file_filter_new ();

  if (self->store == NULL || self->chooser != NULL)
    return;
  g_clear_pointer (&self->export_ids, g_array_unref);
  if (selection)
    {
      g_autoptr (BbStoreFilter) filter = dup_selection_filter (self);

      if (filter->ids != NULL)
        self->export_ids = g_array_ref (filter->ids);
    }
  self->chooser = gtk_file_chooser_native_new (/* Translators: title of the export file chooser */
                                               _ ("Export Bounces"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _ ("_Export"), _ ("_Cancel"));
  /* Translators: file type in the export file chooser */
  gtk_file_filter_set_name (csv, _ ("CSV (any spreadsheet, can be imported again)"));
  gtk_file_filter_add_suffix (csv, "csv");
  g_object_set_data (G_OBJECT (csv), "bb-format", (gpointer) "csv");
  /* Translators: file type in the export file chooser */
  gtk_file_filter_set_name (xlsx, _ ("Excel Workbook"));
  gtk_file_filter_add_suffix (xlsx, "xlsx");
  g_object_set_data (G_OBJECT (xlsx), "bb-format", (gpointer) "xlsx");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), csv);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), xlsx);
  g_object_unref (csv);
  g_object_unref (xlsx);
  /* Translators: the file name the export file chooser suggests */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), _ ("bounces.csv"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  export_bounces (BB_HISTORY_PAGE (widget), g_strcmp0 (action_name, "history.export") == 0);
}

/* ---- a colleague's CSV export, merged in ---- */

static void
import_csv_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr (BbHistoryPage) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  BbCsvImportStats stats = { 0 };

  self->n_exporting--;

  if (!bb_store_import_csv_finish (BB_STORE (object), result, &stats, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast (self, error->message);
      return;
    }
  /* Translators: after Import CSV; the plural follows the first number */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u new bounce added, %u already in the log",
                                       "%u new bounces added, %u already in the log", stats.added),
                          stats.added, stats.merged + stats.unchanged);
  toast (self, text);
  log_changed (self);
}

static void
on_import_response_cb (GtkNativeDialog *dialog,
                       int              response,
                       gpointer         user_data)
{
  BbHistoryPage *self = user_data;
  g_autoptr (GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  g_clear_object (&self->chooser);
  if (file == NULL || (path = g_file_get_path (file)) == NULL)
    return;
  _bb_history_page_import_csv (self, path);
}

/**
 * _bb_history_page_import_csv:
 * @path: a CSV file exported by Bounceback
 *
 * What the Import CSV file chooser does once a file is chosen (tests
 * call it): merges the file into the log in the background, then says
 * how many entries were new.  Counted in
 * _bb_history_page_get_n_exporting() while it runs.
 */
void
_bb_history_page_import_csv (BbHistoryPage *self,
                             const char    *path)
{
  g_return_if_fail (BB_IS_HISTORY_PAGE (self));
  g_return_if_fail (path != NULL);

  if (self->store == NULL)
    return;
  self->n_exporting++;
  bb_store_import_csv_async (self->store, path, self->cancellable, import_csv_cb, g_object_ref (self));
}

static void
import_csv_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  BbHistoryPage *self = BB_HISTORY_PAGE (widget);
  GtkRoot       *root = gtk_widget_get_root (widget);
  GtkFileFilter *csv = gtk_file_filter_new ();

  if (self->store == NULL || self->chooser != NULL)
    return;
  self->chooser = gtk_file_chooser_native_new (/* Translators: title of the file chooser of Import CSV */
                                               _ ("Import Bounces"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _ ("_Import"), _ ("_Cancel"));
  /* Translators: file type in the Import CSV file chooser */
  gtk_file_filter_set_name (csv, _ ("Bounceback CSV export"));
  gtk_file_filter_add_suffix (csv, "csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), csv);
  g_object_unref (csv);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_import_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* ---- re-analysis ---- */

static void
reanalyse_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr (BbHistoryPage) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  BbReanalyseStats stats = { 0 };

  self->reanalysing = FALSE;
  update_actions (self);
  if (!bb_store_reanalyse_all_finish (BB_STORE (object), result, &stats, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast (self, error->message);
      return;
    }
  /* Translators: after Re-analyse All; the plural follows the first number */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Analysed %u message again: %u bounce changed",
                                       "Analysed %u messages again: %u bounces changed", stats.messages),
                          stats.messages, stats.updated);
  toast (self, text);
  log_changed (self);
}

static void
reanalyse_all_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  BbHistoryPage *self = BB_HISTORY_PAGE (widget);

  if (self->store == NULL || self->reanalysing)
    return;
  self->reanalysing = TRUE;
  update_actions (self);
  /* Translators: while Re-analyse All runs */
  toast (self, _ ("Analysing every logged bounce again…"));
  bb_store_reanalyse_all_async (self->store, self->cancellable, reanalyse_cb, g_object_ref (self));
}

/* ---- opening an entry ---- */

static void
on_column_view_activate (GtkColumnView *view,
                         guint          position,
                         BbHistoryPage *self)
{
  g_autoptr (BbEntry) entry = NULL;

  if (self->list == NULL)
    return;
  entry = g_list_model_get_item (G_LIST_MODEL (self->list), position);
  if (entry != NULL)
    g_signal_emit (self, signals[SIGNAL_OPEN_ENTRY], 0, entry);
}

/* ---- the page ---- */

static void
bb_history_page_dispose (GObject *object)
{
  BbHistoryPage *self = BB_HISTORY_PAGE (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->tag_source, g_source_remove);
  if (self->chooser != NULL)
    {
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }
  if (self->column_view != NULL)
    gtk_column_view_set_model (self->column_view, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), BB_TYPE_HISTORY_PAGE);

  g_clear_object (&self->selection);
  g_clear_object (&self->list);
  g_clear_object (&self->store);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->export_ids, g_array_unref);

  G_OBJECT_CLASS (bb_history_page_parent_class)->dispose (object);
}

static void
bb_history_page_finalize (GObject *object)
{
  BbHistoryPage *self = BB_HISTORY_PAGE (object);

  g_clear_pointer (&self->filter, bb_store_filter_free);

  G_OBJECT_CLASS (bb_history_page_parent_class)->finalize (object);
}

static void
bb_history_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  BbHistoryPage *self = BB_HISTORY_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_history_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  BbHistoryPage *self = BB_HISTORY_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      bb_history_page_set_store (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_history_page_class_init (BbHistoryPageClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bb_history_page_dispose;
  object_class->finalize = bb_history_page_finalize;
  object_class->get_property = bb_history_page_get_property;
  object_class->set_property = bb_history_page_set_property;

  properties[PROP_STORE] =
      g_param_spec_object ("store", NULL, NULL, BB_TYPE_STORE,
                           G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * BbHistoryPage::open-entry:
   * @entry: the entry
   *
   * A row was activated: show the entry's diagnosis.
   */
  signals[SIGNAL_OPEN_ENTRY] =
      g_signal_new ("open-entry", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                    G_TYPE_NONE, 1, BB_TYPE_ENTRY);
  /**
   * BbHistoryPage::log-changed:
   *
   * The page changed the log (states, tags, deletions, re-analysis).
   */
  signals[SIGNAL_LOG_CHANGED] =
      g_signal_new ("log-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                    G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/bb-history-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BbHistoryPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, BbHistoryPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, BbHistoryPage, filter_button);
  gtk_widget_class_bind_template_child (widget_class, BbHistoryPage, filter_button_content);
  gtk_widget_class_bind_template_child (widget_class, BbHistoryPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, BbHistoryPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, BbHistoryPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, BbHistoryPage, selection_revealer);
  gtk_widget_class_bind_template_child (widget_class, BbHistoryPage, selection_label);
  gtk_widget_class_bind_template_child (widget_class, BbHistoryPage, state_drop);
  gtk_widget_class_bind_template_child (widget_class, BbHistoryPage, type_drop);
  gtk_widget_class_bind_template_child (widget_class, BbHistoryPage, category_drop);
  gtk_widget_class_bind_template_child (widget_class, BbHistoryPage, period_drop);
  gtk_widget_class_bind_template_child (widget_class, BbHistoryPage, tag_entry);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_tag_entry_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_column_view_activate);

  gtk_widget_class_install_action (widget_class, "history.set-state", "s", set_state_action);
  gtk_widget_class_install_action (widget_class, "history.add-tag", NULL, add_tag_action);
  gtk_widget_class_install_action (widget_class, "history.edit-note", NULL, edit_note_action);
  gtk_widget_class_install_action (widget_class, "history.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "history.export-shown", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "history.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "history.undo-delete", NULL, undo_delete_action);
  gtk_widget_class_install_action (widget_class, "history.select-all", NULL, select_all_action);
  gtk_widget_class_install_action (widget_class, "history.reanalyse-all", NULL, reanalyse_all_action);
  gtk_widget_class_install_action (widget_class, "history.import-csv", NULL, import_csv_action);
  gtk_widget_class_install_action (widget_class, "history.reset-filters", NULL, reset_filters_action);
  gtk_widget_class_install_action (widget_class, "history.focus-search", NULL, focus_search_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "history.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "history.focus-search", NULL);
}

static void
fill_drop_downs (BbHistoryPage *self)
{
  g_autoptr (GtkStringList) states = gtk_string_list_new (NULL);
  g_autoptr (GtkStringList) categories = gtk_string_list_new (NULL);

  /* Translators: History filter value: entries in any follow-up state */
  gtk_string_list_append (states, _ ("Any State"));
  for (int i = 0; i < BB_N_ENTRY_STATES; i++)
    gtk_string_list_append (states, bb_entry_state_title ((BbEntryState) i));
  gtk_drop_down_set_model (self->state_drop, G_LIST_MODEL (states));

  /* Translators: History filter value: any reason */
  gtk_string_list_append (categories, _ ("Any Reason"));
  for (int i = 0; i < BB_N_CATEGORIES; i++)
    gtk_string_list_append (categories, bb_kb_category_title ((BbCategory) i));
  gtk_drop_down_set_model (self->category_drop, G_LIST_MODEL (categories));
}

static void
bb_history_page_init (BbHistoryPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->filter = bb_store_filter_new ();
  self->cancellable = g_cancellable_new ();
  self->probed = -1;
  add_columns (self);
  fill_drop_downs (self);
  g_signal_connect_swapped (self->state_drop, "notify::selected", G_CALLBACK (filters_changed_cb), self);
  g_signal_connect_swapped (self->type_drop, "notify::selected", G_CALLBACK (filters_changed_cb), self);
  g_signal_connect_swapped (self->category_drop, "notify::selected", G_CALLBACK (filters_changed_cb), self);
  g_signal_connect_swapped (self->period_drop, "notify::selected", G_CALLBACK (filters_changed_cb), self);
  update_shown (self);
}

BbHistoryPage *
bb_history_page_new (void)
{
  return g_object_new (BB_TYPE_HISTORY_PAGE, NULL);
}

/**
 * bb_history_page_get_store:
 *
 * Returns: (transfer none) (nullable): the log shown
 */
BbStore *
bb_history_page_get_store (BbHistoryPage *self)
{
  g_return_val_if_fail (BB_IS_HISTORY_PAGE (self), NULL);

  return self->store;
}

/**
 * bb_history_page_set_store:
 * @store: (nullable): the log to show
 */
void
bb_history_page_set_store (BbHistoryPage *self,
                           BbStore       *store)
{
  g_return_if_fail (BB_IS_HISTORY_PAGE (self));
  g_return_if_fail (store == NULL || BB_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;

  rebuild_model (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/* ---- for the tests ---- */

GtkColumnView *
_bb_history_page_get_column_view (BbHistoryPage *self)
{
  g_return_val_if_fail (BB_IS_HISTORY_PAGE (self), NULL);

  return self->column_view;
}

GtkSelectionModel *
_bb_history_page_get_selection (BbHistoryPage *self)
{
  g_return_val_if_fail (BB_IS_HISTORY_PAGE (self), NULL);

  return self->selection != NULL ? GTK_SELECTION_MODEL (self->selection) : NULL;
}

GtkEditable *
_bb_history_page_get_search_entry (BbHistoryPage *self)
{
  g_return_val_if_fail (BB_IS_HISTORY_PAGE (self), NULL);

  return GTK_EDITABLE (self->search_entry);
}

GtkDropDown *
_bb_history_page_get_state_drop (BbHistoryPage *self)
{
  g_return_val_if_fail (BB_IS_HISTORY_PAGE (self), NULL);

  return self->state_drop;
}

GtkDropDown *
_bb_history_page_get_type_drop (BbHistoryPage *self)
{
  g_return_val_if_fail (BB_IS_HISTORY_PAGE (self), NULL);

  return self->type_drop;
}

const BbStoreFilter *
_bb_history_page_get_filter (BbHistoryPage *self)
{
  g_return_val_if_fail (BB_IS_HISTORY_PAGE (self), NULL);

  return self->filter;
}

/* "list", "empty" or "no-match" */
const char *
_bb_history_page_get_shown (BbHistoryPage *self)
{
  g_return_val_if_fail (BB_IS_HISTORY_PAGE (self), NULL);

  return gtk_stack_get_visible_child_name (self->content_stack);
}
