/* bb-followup-page.c - the Follow-up page: what is due for a retry or a
 * review
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two lists from the store: soft bounces nobody acted on whose time to
 * send again has come (bb_store_list_retry_due(), after the
 * "retry-after-hours" setting), and hard-bounced contacts due for the
 * quarterly review (bb_store_list_review_due(), 90 days).  Each row has
 * one button that settles it (Resent, or Give Up / Resolved) and goes
 * away; activating a row emits ::open-entry to show its diagnosis.
 */

#include "config.h"

#include "bb-followup-page.h"

#include <glib/gi18n.h>

#include "bb-enums.h"
#include "bb-kb.h"

#define RESOURCE_PATH "/io/github/bounceback/Bounceback"
#define REVIEW_DAYS 90
/* A soft bounce nobody acted on for two weeks is no longer a retry to
 * make today: it leaves the list (History still has it). */
#define RETRY_WINDOW_HOURS (14 * 24)
/* Rows shown per list: a big log can have thousands due; the rest are
 * counted in a last row (and in the badge) */
#define MAX_ROWS 100

struct _BbFollowupPage
{
  AdwBin parent_instance;

  /* template widgets */
  AdwToastOverlay     *toast_overlay;
  GtkStack            *content_stack;
  AdwPreferencesGroup *retry_group;
  AdwPreferencesGroup *review_group;
  GtkListBox          *retry_list;
  GtkListBox          *review_list;

  /* owned */
  BbStore      *store;
  BbSettings   *settings;
  GCancellable *cancellable; /* of the reading under way */

  /* state */
  gint64 now; /* 0: the clock (tests set one) */
  guint  n_due;
  guint  n_hidden; /* due, but beyond MAX_ROWS */
};

G_DEFINE_FINAL_TYPE (BbFollowupPage, bb_followup_page, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_STORE,
  PROP_N_DUE,
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

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static guint
count_rows (GtkListBox *list)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (ADW_IS_ACTION_ROW (child))
      n++;
  return n;
}

static void
update_shown (BbFollowupPage *self)
{
  guint n_retry = count_rows (self->retry_list);
  guint n_review = count_rows (self->review_list);

  gtk_widget_set_visible (GTK_WIDGET (self->retry_group), n_retry > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->review_group), n_review > 0);
  gtk_stack_set_visible_child_name (self->content_stack, n_retry + n_review > 0 ? "list" : "empty");
  if (self->n_due != n_retry + n_review + self->n_hidden)
    {
      self->n_due = n_retry + n_review + self->n_hidden;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_DUE]);
    }
}

static void
on_settle_clicked_cb (GtkButton      *button,
                      BbFollowupPage *self)
{
  GtkWidget   *row = gtk_widget_get_ancestor (GTK_WIDGET (button), ADW_TYPE_ACTION_ROW);
  BbEntry     *entry = g_object_get_data (G_OBJECT (row), "bb-entry");
  BbEntryState state = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "bb-state"));
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;

  if (self->store == NULL || entry == NULL)
    return;
  if (!bb_store_set_state (self->store, bb_entry_get_id (entry), state, &error))
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }
  /* Translators: after a button on the Follow-up page; %s is the
   * address, the second %s the new state */
  text = g_strdup_printf (_ ("%s: “%s”"), bb_entry_get_address (entry), bb_entry_state_title (state));
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
  gtk_list_box_remove (GTK_LIST_BOX (gtk_widget_get_parent (row)), row);
  update_shown (self);
  g_signal_emit (self, signals[SIGNAL_LOG_CHANGED], 0);
}

static void
on_row_activated_cb (AdwActionRow   *row,
                     BbFollowupPage *self)
{
  BbEntry *entry = g_object_get_data (G_OBJECT (row), "bb-entry");

  if (entry != NULL)
    g_signal_emit (self, signals[SIGNAL_OPEN_ENTRY], 0, entry);
}

static GtkWidget *
new_row (BbFollowupPage *self,
         BbEntry        *entry,
         BbEntryState    settle,
         const char     *settle_label)
{
  GtkWidget *row = adw_action_row_new ();
  /* (no mnemonic: every row has one such button) */
  GtkWidget *button = gtk_button_new_with_label (settle_label);
  GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");
  g_autoptr (GDateTime) date = g_date_time_new_from_unix_local (bb_entry_get_bounced_at (entry));
  g_autofree char *day = date != NULL ? g_date_time_format (date, "%Y-%m-%d") : g_strdup ("");
  g_autofree char *subtitle = NULL;
  g_autofree char *title = g_markup_escape_text (bb_entry_get_address (entry), -1);
  g_autofree char *escaped = NULL;
  g_autofree char *accessible = NULL;

  /* Translators: Follow-up row subtitle: the reason, then the date it
   * bounced, e.g. "Mailbox full · bounced on 2026-03-06" */
  subtitle = g_strdup_printf (_ ("%s · bounced on %s"), category_title (bb_entry_get_category (entry)), day);
  escaped = g_markup_escape_text (subtitle, -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "bb-entry", g_object_ref (entry), g_object_unref);
  g_signal_connect_object (row, "activated", G_CALLBACK (on_row_activated_cb), self, 0);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_object_set_data (G_OBJECT (button), "bb-state", GINT_TO_POINTER (settle));
  /* Translators: accessible name of a Follow-up row button: the action,
   * then the address, e.g. "Resent: anna@example.com" */
  accessible = g_strdup_printf (_ ("%s: %s"), bb_entry_state_title (settle), bb_entry_get_address (entry));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_settle_clicked_cb), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
  return row;
}

/* The last row of a long list: how many more (oldest first, so these
 * are the newest) */
static void
add_more_row (BbFollowupPage *self,
              GtkListBox     *list,
              guint           n_more)
{
  g_autofree char *text = NULL;
  GtkWidget       *label;

  /* Translators: last row of a long Follow-up list */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "… and %u more, newer: they come up here as you settle these",
                                       "… and %u more, newer: they come up here as you settle these", n_more),
                          n_more);
  label = gtk_label_new (text);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_list_box_append (list, label);
  gtk_list_box_row_set_activatable (gtk_list_box_get_row_at_index (list, MAX_ROWS), FALSE);
  self->n_hidden += n_more;
}

/**
 * bb_followup_page_reload:
 *
 * Reads what is due from the log again.
 */
typedef struct
{
  BbStore   *store;
  gint64     now;
  guint      hours;
  GPtrArray *retry;  /* BbEntry, out: the oldest MAX_ROWS */
  GPtrArray *review; /* BbEntry, out: the oldest MAX_ROWS */
  gint64     n_retry; /* out: how many are due in all */
  gint64     n_review;
} DueQuery;

static void
due_query_free (gpointer data)
{
  DueQuery *query = data;

  g_clear_object (&query->store);
  g_clear_pointer (&query->retry, g_ptr_array_unref);
  g_clear_pointer (&query->review, g_ptr_array_unref);
  g_free (query);
}

/* Worker: on a big log the lists take a while; the store takes its own
 * lock.  Only the rows shown become objects: the rest are counted. */
static void
due_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  DueQuery *query = task_data;
  g_autoptr (GError) error = NULL;

  query->retry = bb_store_list_retry_due (query->store, query->now, query->hours,
                                          MAX (query->hours, RETRY_WINDOW_HOURS), MAX_ROWS, &query->n_retry, &error);
  if (query->retry != NULL && !g_cancellable_is_cancelled (cancellable))
    query->review = bb_store_list_review_due (query->store, query->now, REVIEW_DAYS, MAX_ROWS, &query->n_review,
                                              &error);
  if (g_task_return_error_if_cancelled (task))
    return;
  if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
fill (BbFollowupPage *self,
      GPtrArray      *retry,
      gint64          n_retry,
      GPtrArray      *review,
      gint64          n_review)
{
  clear_list (self->retry_list);
  clear_list (self->review_list);
  self->n_hidden = 0;
  for (guint i = 0; retry != NULL && i < MIN (retry->len, MAX_ROWS); i++)
    gtk_list_box_append (self->retry_list,
                         new_row (self, g_ptr_array_index (retry, i), BB_ENTRY_STATE_RESENT,
                                  /* Translators: Follow-up button: the email was sent again */
                                  C_ ("follow-up", "Resent")));
  for (guint i = 0; review != NULL && i < MIN (review->len, MAX_ROWS); i++)
    {
      BbEntry *entry = g_ptr_array_index (review, i);

      /* A contact written to again and reached is resolved; any other is
       * given up (dead is the only way out of new and to_verify). */
      if (bb_entry_get_state (entry) == BB_ENTRY_STATE_RESENT)
        gtk_list_box_append (self->review_list,
                             new_row (self, entry, BB_ENTRY_STATE_RESOLVED,
                                      /* Translators: Follow-up button: the contact was reached in the end */
                                      C_ ("follow-up", "Resolved")));
      else
        gtk_list_box_append (self->review_list,
                             new_row (self, entry, BB_ENTRY_STATE_DEAD,
                                      /* Translators: Follow-up button: give the contact up */
                                      C_ ("follow-up", "Give Up")));
    }
  if (retry != NULL && n_retry > MAX_ROWS)
    add_more_row (self, self->retry_list, (guint) MIN (n_retry - MAX_ROWS, G_MAXUINT));
  if (review != NULL && n_review > MAX_ROWS)
    add_more_row (self, self->review_list, (guint) MIN (n_review - MAX_ROWS, G_MAXUINT));
  update_shown (self);
}

static void
due_cb (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  BbFollowupPage *self = BB_FOLLOWUP_PAGE (object);
  DueQuery       *query = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      g_warning ("Could not read the log: %s", error->message);
    }
  g_clear_object (&self->cancellable);
  fill (self, query->retry, query->n_retry, query->review, query->n_review);
}

/**
 * bb_followup_page_reload:
 *
 * Reads what is due from the log again, on a worker thread; the lists
 * change when it is read (bb_followup_page_get_loading()).
 */
void
bb_followup_page_reload (BbFollowupPage *self)
{
  g_autoptr (GTask) task = NULL;
  g_autofree char *description = NULL;
  DueQuery        *query;
  int              hours;

  g_return_if_fail (BB_IS_FOLLOWUP_PAGE (self));

  hours = self->settings != NULL ? bb_settings_get_retry_after_hours (self->settings) : 24;
  /* Translators: description of "Due for a Retry"; %d is a number of hours (24 to 168) */
  description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "Soft bounces from %d hour ago or more that nobody acted on: send them again.",
                                              "Soft bounces from %d hours ago or more that nobody acted on: send them again.",
                                              hours),
                                 hours);
  adw_preferences_group_set_description (self->retry_group, description);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->store == NULL)
    {
      fill (self, NULL, 0, NULL, 0);
      return;
    }
  self->cancellable = g_cancellable_new ();
  query = g_new0 (DueQuery, 1);
  query->store = g_object_ref (self->store);
  query->now = self->now != 0 ? self->now : g_get_real_time () / G_USEC_PER_SEC;
  query->hours = (guint) hours;
  /* (the page's dispose cancels it; the task holds the page until then) */
  task = g_task_new (self, self->cancellable, due_cb, NULL);
  g_task_set_source_tag (task, bb_followup_page_reload);
  g_task_set_name (task, "[bounceback] follow-up");
  g_task_set_task_data (task, query, due_query_free);
  g_task_run_in_thread (task, due_thread);
}

/**
 * bb_followup_page_get_loading:
 *
 * Returns: whether the lists are being read
 */
gboolean
bb_followup_page_get_loading (BbFollowupPage *self)
{
  g_return_val_if_fail (BB_IS_FOLLOWUP_PAGE (self), FALSE);

  return self->cancellable != NULL;
}

static void
bb_followup_page_dispose (GObject *object)
{
  BbFollowupPage *self = BB_FOLLOWUP_PAGE (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), BB_TYPE_FOLLOWUP_PAGE);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (bb_followup_page_parent_class)->dispose (object);
}

static void
bb_followup_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  BbFollowupPage *self = BB_FOLLOWUP_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_N_DUE:
      g_value_set_uint (value, self->n_due);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_followup_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  BbFollowupPage *self = BB_FOLLOWUP_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      bb_followup_page_set_store (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_followup_page_class_init (BbFollowupPageClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bb_followup_page_dispose;
  object_class->get_property = bb_followup_page_get_property;
  object_class->set_property = bb_followup_page_set_property;

  properties[PROP_STORE] =
      g_param_spec_object ("store", NULL, NULL, BB_TYPE_STORE,
                           G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* how many rows the page lists (the page switcher's badge) */
  properties[PROP_N_DUE] =
      g_param_spec_uint ("n-due", NULL, NULL, 0, G_MAXUINT, 0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_OPEN_ENTRY] =
      g_signal_new ("open-entry", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                    G_TYPE_NONE, 1, BB_TYPE_ENTRY);
  signals[SIGNAL_LOG_CHANGED] =
      g_signal_new ("log-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                    G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/bb-followup-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BbFollowupPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, BbFollowupPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, BbFollowupPage, retry_group);
  gtk_widget_class_bind_template_child (widget_class, BbFollowupPage, review_group);
  gtk_widget_class_bind_template_child (widget_class, BbFollowupPage, retry_list);
  gtk_widget_class_bind_template_child (widget_class, BbFollowupPage, review_list);
}

static void
bb_followup_page_init (BbFollowupPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_shown (self);
}

BbFollowupPage *
bb_followup_page_new (void)
{
  return g_object_new (BB_TYPE_FOLLOWUP_PAGE, NULL);
}

BbStore *
bb_followup_page_get_store (BbFollowupPage *self)
{
  g_return_val_if_fail (BB_IS_FOLLOWUP_PAGE (self), NULL);

  return self->store;
}

void
bb_followup_page_set_store (BbFollowupPage *self,
                            BbStore        *store)
{
  g_return_if_fail (BB_IS_FOLLOWUP_PAGE (self));
  g_return_if_fail (store == NULL || BB_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;
  bb_followup_page_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/**
 * bb_followup_page_set_settings:
 * @settings: (nullable): where the retry delay comes from
 */
void
bb_followup_page_set_settings (BbFollowupPage *self,
                               BbSettings     *settings)
{
  g_return_if_fail (BB_IS_FOLLOWUP_PAGE (self));
  g_return_if_fail (settings == NULL || BB_IS_SETTINGS (settings));

  if (self->settings == settings)
    return;
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_set_object (&self->settings, settings);
  if (settings != NULL)
    g_signal_connect_swapped (settings, "notify::retry-after-hours", G_CALLBACK (bb_followup_page_reload), self);
  bb_followup_page_reload (self);
}

guint
bb_followup_page_get_n_due (BbFollowupPage *self)
{
  g_return_val_if_fail (BB_IS_FOLLOWUP_PAGE (self), 0);

  return self->n_due;
}

GtkListBox *
_bb_followup_page_get_retry_list (BbFollowupPage *self)
{
  g_return_val_if_fail (BB_IS_FOLLOWUP_PAGE (self), NULL);

  return self->retry_list;
}

GtkListBox *
_bb_followup_page_get_review_list (BbFollowupPage *self)
{
  g_return_val_if_fail (BB_IS_FOLLOWUP_PAGE (self), NULL);

  return self->review_list;
}

/* Tests: the time "now" is (0: the clock) */
void
_bb_followup_page_set_now (BbFollowupPage *self,
                           gint64          now)
{
  g_return_if_fail (BB_IS_FOLLOWUP_PAGE (self));

  self->now = now;
  bb_followup_page_reload (self);
}
