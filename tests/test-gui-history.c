/* test-gui-history.c - the History and Follow-up pages over a temporary
 * bounce log, and logging from the window, under Xvfb
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <locale.h>
#include <stdio.h>

#include "bb-application.h"
#include "bb-core.h"
#include "bb-followup-page.h"
#include "bb-history-page-private.h"
#include "bb-settings.h"
#include "bb-window-private.h"
#include "bb-window.h"
#include "test-store-util.h"

#define TIMEOUT_S 60

#include "test-gui-util.h"
#define N_ENTRIES 300 /* every third one soft */

static char *tmp_dir;

static gboolean
window_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static gboolean
window_idle (gpointer data)
{
  return _bb_window_get_n_running (data) == 0;
}

/* A new log in the temporary folder, with @n made-up bounces: every third
 * one soft, the others hard, an hour apart going back from @newest. */
static BbStore *
new_store (const char *name,
           guint       n,
           gint64      newest)
{
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
  g_autoptr (GError) error = NULL;
  BbStore *store;

  store = bb_store_open (path, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (GDateTime) date = g_date_time_new_from_unix_utc (newest - (gint64) i * 3600);
      g_autofree char *rfc2822 = g_date_time_format (date, "%a, %d %b %Y %H:%M:%S +0000");
      g_autofree char *address = g_strdup_printf ("user%03u@domain%u.example", i, i % 7);
      g_autofree char *unique = g_strdup_printf ("m%u-%s", i, name);
      const char      *addresses[] = { address, NULL };
      gboolean         soft = i % 3 == 0;
      g_autoptr (GBytes) raw = NULL;
      BbImportStats stats = { 0 };

      for (char *p = unique; *p != '\0'; p++)
        if (!g_ascii_isalnum (*p))
          *p = '-';
      raw = test_make_bounce (rfc2822, addresses, soft ? TEST_SOFT_STATUS : TEST_HARD_STATUS,
                              soft ? TEST_SOFT_DIAGNOSTIC : TEST_HARD_DIAGNOSTIC, "Quotation", unique);
      g_assert_true (bb_store_log_message (store, raw, address, NULL, &stats, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (stats.added, ==, 1);
    }
  return store;
}

static gint64
count_state (BbStore     *store,
             BbEntryState state)
{
  g_autoptr (BbStoreFilter) filter = bb_store_filter_new ();

  filter->any_state = FALSE;
  filter->state = state;
  return bb_store_count_entries (store, filter, NULL);
}

static BbWindow *
new_window (BbStore *store)
{
  g_autoptr (BbSettings) settings = bb_settings_new_for_settings (NULL);
  BbWindow *window;

  bb_settings_set_window_state (settings, 1000, 720, FALSE);
  window = bb_window_new (NULL, settings);
  g_object_ref (window);
  bb_window_set_store (window, store);
  gtk_window_present (GTK_WINDOW (window));
  iterate_until (window_mapped, window);
  return window;
}

static void
destroy_window (BbWindow *window)
{
  iterate_until (window_idle, window);
  gtk_window_destroy (GTK_WINDOW (window));
  iterate_for (50);
  g_assert_finalize_object (window);
}

static gboolean
followup_read (gpointer data)
{
  return !bb_followup_page_get_loading (data);
}

static gboolean
exports_done (gpointer data)
{
  return _bb_history_page_get_n_exporting (data) == 0;
}

typedef struct
{
  BbHistoryPage *page;
  guint          n_items;
} CountWait;

static gboolean
model_has_count (gpointer data)
{
  CountWait *wait = data;

  /* (a new model for each search, so asked each time) */
  return g_list_model_get_n_items (G_LIST_MODEL (_bb_history_page_get_selection (wait->page))) == wait->n_items;
}

static void
wait_for_count (BbHistoryPage *page,
                guint          n_items)
{
  CountWait wait = { page, n_items };

  iterate_until (model_has_count, &wait);
}

/* (the page makes a new model for each search, filter or order) */
static void
test_history_list (void)
{
  g_autoptr (BbStore) store = new_store ("list.db", N_ENTRIES, g_get_real_time () / G_USEC_PER_SEC - 3600);
  BbWindow      *window = new_window (store);
  BbHistoryPage *page = BB_HISTORY_PAGE (_bb_window_get_history_page (window));
  GtkColumnView *view = _bb_history_page_get_column_view (page);
  gint64         before;
  guint          n_columns;

  bb_window_show_page (window, "history");
  iterate_for (100);
  g_assert_cmpstr (_bb_window_get_top_page (window), ==, "history");

  /* Every entry, in a column view with the seven columns */
  g_assert_true (bb_history_page_get_store (page) == store);
  g_assert_true (gtk_column_view_get_model (view) == _bb_history_page_get_selection (page));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (_bb_history_page_get_selection (page))), ==, N_ENTRIES);
  n_columns = g_list_model_get_n_items (gtk_column_view_get_columns (view));
  g_assert_cmpuint (n_columns, ==, 7);
  g_assert_cmpstr (_bb_history_page_get_shown (page), ==, "list");

  /* Search narrows it (FTS): user010 … user019 */
  gtk_editable_set_text (_bb_history_page_get_search_entry (page), "user01");
  wait_for_count (page, 10);
  gtk_editable_set_text (_bb_history_page_get_search_entry (page), "no-such-thing-anywhere");
  wait_for_count (page, 0);
  g_assert_cmpstr (_bb_history_page_get_shown (page), ==, "no-match");
  gtk_editable_set_text (_bb_history_page_get_search_entry (page), "");
  wait_for_count (page, N_ENTRIES);

  /* A filter narrows it: soft bounces only */
  gtk_drop_down_set_selected (_bb_history_page_get_type_drop (page), 2);
  wait_for_count (page, N_ENTRIES / 3);
  gtk_drop_down_set_selected (_bb_history_page_get_type_drop (page), 1);
  wait_for_count (page, N_ENTRIES - N_ENTRIES / 3);
  gtk_drop_down_set_selected (_bb_history_page_get_type_drop (page), 0);
  wait_for_count (page, N_ENTRIES);

  /* A header click sorts in the store */
  {
    GtkColumnViewColumn *address = g_list_model_get_item (gtk_column_view_get_columns (view), 1);
    g_autoptr (BbEntry) first = NULL;

    gtk_column_view_sort_by_column (view, address, GTK_SORT_DESCENDING);
    g_assert_cmpint (_bb_history_page_get_filter (page)->sort, ==, BB_STORE_SORT_ADDRESS);
    g_assert_true (_bb_history_page_get_filter (page)->reverse);
    first = g_list_model_get_item (G_LIST_MODEL (_bb_history_page_get_selection (page)), 0);
    g_assert_cmpstr (bb_entry_get_address (first), ==, "user299@domain5.example");
    gtk_column_view_sort_by_column (view, address, GTK_SORT_ASCENDING);
    g_assert_false (_bb_history_page_get_filter (page)->reverse);
    g_clear_object (&first);
    first = g_list_model_get_item (G_LIST_MODEL (_bb_history_page_get_selection (page)), 0);
    g_assert_cmpstr (bb_entry_get_address (first), ==, "user000@domain0.example");
    g_object_unref (address);
  }

  /* A state for five selected rows */
  g_assert_cmpint (count_state (store, BB_ENTRY_STATE_TO_VERIFY), ==, 0);
  gtk_selection_model_select_range (_bb_history_page_get_selection (page), 0, 5, TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "history.set-state", "s", "to_verify"));
  g_assert_cmpint (count_state (store, BB_ENTRY_STATE_TO_VERIFY), ==, 5);
  /* … and the State filter finds them */
  gtk_drop_down_set_selected (_bb_history_page_get_state_drop (page), 1 + BB_ENTRY_STATE_TO_VERIFY);
  wait_for_count (page, 5);
  gtk_drop_down_set_selected (_bb_history_page_get_state_drop (page), 0);
  wait_for_count (page, N_ENTRIES);

  /* A tag for two */
  gtk_selection_model_select_range (_bb_history_page_get_selection (page), 10, 2, TRUE);
  _bb_history_page_add_tag (page, "VIP");
  {
    g_autoptr (BbStoreFilter) filter = bb_store_filter_new ();

    filter->tag = g_strdup ("VIP");
    g_assert_cmpint (bb_store_count_entries (store, filter, NULL), ==, 2);
  }

  /* Export: three selected rows to CSV, everything shown to Excel, in
   * the background */
  {
    g_autofree char *csv = g_build_filename (tmp_dir, "three.csv", NULL);
    g_autofree char *xlsx = g_build_filename (tmp_dir, "all.xlsx", NULL);
    g_autofree char *contents = NULL;
    g_auto (GStrv) lines = NULL;

    gtk_selection_model_select_range (_bb_history_page_get_selection (page), 30, 3, TRUE);
    _bb_history_page_export (page, csv, TRUE);
    _bb_history_page_export (page, xlsx, FALSE);
    iterate_until (exports_done, page);
    g_assert_true (g_file_get_contents (csv, &contents, NULL, NULL));
    lines = g_strsplit (g_strstrip (contents), "\r\n", -1);
    g_assert_cmpuint (g_strv_length (lines), ==, 1 + 3);
    g_assert_true (g_file_test (xlsx, G_FILE_TEST_IS_REGULAR));

    /* Import CSV: our own rows add nothing; a colleague's two new
     * bounces are added once, however often the file comes */
    {
      g_autofree char *other_path = g_build_filename (tmp_dir, "colleague.db", NULL);
      g_autofree char *theirs = g_build_filename (tmp_dir, "colleague.csv", NULL);
      g_autoptr (BbStore) other = bb_store_open (other_path, NULL);
      gint64 count = bb_store_count_entries (store, NULL, NULL);

      g_assert_nonnull (other);
      test_log_one (other, "Mon, 02 Mar 2026 09:00:00 +0000", "x.one@colleague.example", TRUE, "Offer");
      test_log_one (other, "Mon, 02 Mar 2026 10:00:00 +0000", "x.two@colleague.example", FALSE, "Offer");
      g_assert_true (bb_store_export (other, NULL, BB_EXPORT_FORMAT_CSV, theirs, NULL, NULL));
      _bb_history_page_import_csv (page, csv);
      iterate_until (exports_done, page);
      g_assert_cmpint (bb_store_count_entries (store, NULL, NULL), ==, count);
      _bb_history_page_import_csv (page, theirs);
      iterate_until (exports_done, page);
      _bb_history_page_import_csv (page, theirs);
      iterate_until (exports_done, page);
      g_assert_cmpint (bb_store_count_entries (store, NULL, NULL), ==, count + 2);
    }
  }

  /* A note for one */
  {
    g_autoptr (BbEntry) entry = NULL;
    g_autoptr (BbEntry) stored = NULL;

    gtk_selection_model_select_item (_bb_history_page_get_selection (page), 40, TRUE);
    entry = g_list_model_get_item (G_LIST_MODEL (_bb_history_page_get_selection (page)), 40);
    _bb_history_page_set_note (page, "客户说换了新邮箱");
    stored = bb_store_get_entry (store, bb_entry_get_id (entry), NULL);
    g_assert_cmpstr (bb_entry_get_note (stored), ==, "客户说换了新邮箱");
  }

  /* Delete three, then undo */
  before = bb_store_count_entries (store, NULL, NULL);
  gtk_selection_model_select_range (_bb_history_page_get_selection (page), 20, 3, TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "history.delete", NULL));
  g_assert_cmpint (bb_store_count_entries (store, NULL, NULL), ==, before - 3);
  wait_for_count (page, (guint) before - 3);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "history.undo-delete", NULL));
  g_assert_cmpint (bb_store_count_entries (store, NULL, NULL), ==, before);
  wait_for_count (page, (guint) before);

  destroy_window (window);
}

static void
test_history_empty (void)
{
  g_autoptr (BbStore) store = new_store ("empty.db", 0, 0);
  BbWindow      *window = new_window (store);
  BbHistoryPage *page = BB_HISTORY_PAGE (_bb_window_get_history_page (window));

  bb_window_show_page (window, "history");
  iterate_for (50);
  g_assert_cmpstr (_bb_history_page_get_shown (page), ==, "empty");
  bb_window_show_page (window, "followup");
  iterate_until (followup_read, _bb_window_get_followup_page (window));
  g_assert_cmpuint (bb_followup_page_get_n_due (BB_FOLLOWUP_PAGE (_bb_window_get_followup_page (window))), ==, 0);
  destroy_window (window);

  /* Without a log at all, too */
  window = new_window (NULL);
  page = BB_HISTORY_PAGE (_bb_window_get_history_page (window));
  g_assert_cmpstr (_bb_history_page_get_shown (page), ==, "empty");
  destroy_window (window);
}

static GtkWidget *
find_button (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_followup (void)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  /* 30 entries from 4 to 33 hours ago: the soft ones (every third) at
   * least 24 hours old, 25, 28 and 31 hours, are due for a retry */
  g_autoptr (BbStore) store = new_store ("followup.db", 30, now - 4 * 3600);
  BbWindow       *window = new_window (store);
  BbFollowupPage *page = BB_FOLLOWUP_PAGE (_bb_window_get_followup_page (window));
  GtkListBox     *retry = _bb_followup_page_get_retry_list (page);
  GtkListBox     *review = _bb_followup_page_get_review_list (page);
  GtkWidget      *row;
  BbEntry        *entry;
  g_autoptr (BbEntry) stored = NULL;
  guint  n_due;
  gint64 id;

  bb_window_show_page (window, "followup");
  iterate_until (followup_read, page);
  n_due = bb_followup_page_get_n_due (page);
  g_assert_cmpuint (n_due, ==, 3);
  g_assert_null (gtk_list_box_get_row_at_index (review, 0));

  /* "Resent" sets the state and takes the row away */
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (retry, 0));
  g_assert_true (ADW_IS_ACTION_ROW (row));
  entry = g_object_get_data (G_OBJECT (row), "bb-entry");
  g_assert_nonnull (entry);
  id = bb_entry_get_id (entry);
  /* (the row goes away) */
  g_signal_emit_by_name (find_button (row), "clicked");
  stored = bb_store_get_entry (store, id, NULL);
  g_assert_cmpint (bb_entry_get_state (stored), ==, BB_ENTRY_STATE_RESENT);
  g_assert_cmpuint (bb_followup_page_get_n_due (page), ==, n_due - 1);
  /* (the log changed: the page reads it again) */
  iterate_until (followup_read, page);
  g_assert_cmpuint (bb_followup_page_get_n_due (page), ==, n_due - 1);

  /* 100 days later, the hard bounces are due for the review; "Give Up"
   * makes one a dead lead */
  _bb_followup_page_set_now (page, now + 100 * 24 * 3600);
  iterate_until (followup_read, page);
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (review, 0));
  g_assert_nonnull (row);
  entry = g_object_get_data (G_OBJECT (row), "bb-entry");
  g_assert_true (bb_entry_get_hard_bounce (entry));
  id = bb_entry_get_id (entry);
  g_signal_emit_by_name (find_button (row), "clicked");
  iterate_until (followup_read, page);
  g_clear_object (&stored);
  stored = bb_store_get_entry (store, id, NULL);
  g_assert_cmpint (bb_entry_get_state (stored), ==, BB_ENTRY_STATE_DEAD);

  /* The delay is a setting */
  _bb_followup_page_set_now (page, 0);
  bb_settings_set_retry_after_hours (bb_window_get_settings (window), 48);
  iterate_until (followup_read, page);
  g_assert_cmpuint (bb_followup_page_get_n_due (page), ==, 0);

  destroy_window (window);
}

/* A long list shows its oldest 100 rows and says how many more are due:
 * only those rows are read from the log, the rest are counted. */
static void
test_followup_long (void)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  /* 180 entries: 120 hard bounces to distinct addresses */
  g_autoptr (BbStore) store = new_store ("followup-long.db", 180, now - 4 * 3600);
  BbWindow       *window = new_window (store);
  BbFollowupPage *page = BB_FOLLOWUP_PAGE (_bb_window_get_followup_page (window));
  GtkListBox     *review = _bb_followup_page_get_review_list (page);
  GtkListBoxRow  *last;

  bb_window_show_page (window, "followup");
  _bb_followup_page_set_now (page, now + 100 * 24 * 3600);
  iterate_until (followup_read, page);
  g_assert_cmpuint (bb_followup_page_get_n_due (page), ==, 120);
  g_assert_true (ADW_IS_ACTION_ROW (gtk_list_box_get_row_at_index (review, 99)));
  last = gtk_list_box_get_row_at_index (review, 100);
  g_assert_nonnull (last);
  g_assert_false (ADW_IS_ACTION_ROW (last));
  g_assert_false (gtk_list_box_row_get_activatable (last));
  g_assert_null (gtk_list_box_get_row_at_index (review, 101));
  destroy_window (window);
}

static void
test_sample_logged (void)
{
  g_autoptr (BbStore) store = new_store ("sample.db", 0, 0);
  BbWindow      *window = new_window (store);
  BbHistoryPage *page = BB_HISTORY_PAGE (_bb_window_get_history_page (window));
  gint64         n;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.try-sample", NULL));
  iterate_until (window_idle, window);
  n = bb_store_count_entries (store, NULL, NULL);
  g_assert_cmpint (n, >, 0);
  /* the History page followed */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (_bb_history_page_get_selection (page))), ==, n);

  /* Twice: nothing more (the store drops what it has) */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.try-sample", NULL));
  iterate_until (window_idle, window);
  g_assert_cmpint (bb_store_count_entries (store, NULL, NULL), ==, n);

  /* Opening an entry shows its diagnosis on the Diagnose page */
  bb_window_show_page (window, "history");
  g_signal_emit_by_name (_bb_history_page_get_column_view (page), "activate", 0);
  g_assert_cmpstr (_bb_window_get_top_page (window), ==, "diagnose");
  iterate_until (window_idle, window);
  g_assert_cmpstr (_bb_window_get_page (window), ==, "results");
  g_assert_cmpint (bb_store_count_entries (store, NULL, NULL), ==, n);

  destroy_window (window);
}

static void
after_paint_cb (GdkFrameClock *clock,
                gboolean      *painted)
{
  *painted = TRUE;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

/* Waits for the next frame of @widget to be painted; returns the time in
 * ms since @start. */
static double
wait_for_paint (GtkWidget *widget,
                gint64     start)
{
  gboolean painted = FALSE;
  gulong   id = g_signal_connect (gtk_widget_get_frame_clock (widget), "after-paint",
                                  G_CALLBACK (after_paint_cb), &painted);

  gtk_widget_queue_draw (widget);
  iterate_until (is_true, &painted);
  g_signal_handler_disconnect (gtk_widget_get_frame_clock (widget), id);
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* Not a test: with BB_HISTORY_BENCH_DB=LOG (say one of 100,000 entries),
 * prints how long the History page takes to show its first rows, and a
 * search and a filter to show theirs. */
static gboolean
log_settled (gpointer data)
{
  return bb_window_get_store (data) != NULL || _bb_window_get_log_error (data) != NULL;
}

static gboolean
no_windows (gpointer data)
{
  return gtk_application_get_windows (data) == NULL;
}

/* The application opens the log BOUNCEBACK_DB names; a file that is not a
 * log is left alone, the window says so and works without logging. */
static void
test_application_log (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "not-a-log.db", NULL);
  g_autofree char *good = g_build_filename (tmp_dir, "app.db", NULL);
  const char      *junk = "This is not a database, but a note someone keeps.\n";
  g_autofree char *after = NULL;
  const char      *modes[] = { "junk", "good" };

  g_assert_true (g_file_set_contents (path, junk, -1, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (modes); i++)
    {
      g_autoptr (BbApplication) application = bb_application_new ();
      g_autoptr (GError) error = NULL;
      g_autofree char *old = g_strdup (g_getenv ("BOUNCEBACK_DB"));
      GtkWindow       *window;

      g_setenv ("BOUNCEBACK_DB", i == 0 ? path : good, TRUE);
      g_application_set_flags (G_APPLICATION (application), G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
      g_assert_true (g_application_register (G_APPLICATION (application), NULL, &error));
      g_assert_no_error (error);
      g_application_activate (G_APPLICATION (application));
      window = gtk_application_get_active_window (GTK_APPLICATION (application));
      g_assert_true (BB_IS_WINDOW (window));
      iterate_until (log_settled, window);
      if (i == 0)
        {
          g_assert_null (bb_window_get_store (BB_WINDOW (window)));
          g_assert_nonnull (strstr (_bb_window_get_log_error (BB_WINDOW (window)), "not-a-log.db"));
          g_assert_cmpstr (_bb_history_page_get_shown (BB_HISTORY_PAGE (_bb_window_get_history_page (BB_WINDOW (window)))),
                           ==, "empty");
        }
      else
        {
          g_assert_nonnull (bb_window_get_store (BB_WINDOW (window)));
          g_assert_cmpstr (bb_store_get_path (bb_window_get_store (BB_WINDOW (window))), ==, good);
        }
      /* analysing still works (and logs when it can) */
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.try-sample", NULL));
      iterate_until (window_idle, window);
      g_assert_cmpstr (_bb_window_get_page (BB_WINDOW (window)), ==, "results");
      if (i == 1)
        g_assert_cmpint (bb_store_count_entries (bb_window_get_store (BB_WINDOW (window)), NULL, NULL), >, 0);
      g_action_group_activate_action (G_ACTION_GROUP (application), "quit", NULL);
      iterate_until (no_windows, application);
      g_setenv ("BOUNCEBACK_DB", old, TRUE);
    }
  /* left byte for byte as it was */
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, junk);
}

#define MODEL (G_LIST_MODEL (_bb_history_page_get_selection (page)))

static void
test_bench (void)
{
  const char *path = g_getenv ("BB_HISTORY_BENCH_DB");
  g_autoptr (BbStore) store = NULL;
  g_autoptr (GError) error = NULL;
  BbWindow      *window;
  BbHistoryPage *page;
  gint64         start;
  const char    *searches[] = { "gmail", "user", "5.2.2", "zz-nothing", NULL };

  if (path == NULL)
    {
      g_test_skip ("set BB_HISTORY_BENCH_DB to a log to time");
      return;
    }
  store = bb_store_open (path, &error);
  g_assert_no_error (error);
  /* what the pages ask the store for */
  {
    g_autoptr (BbStoreFilter) filter = bb_store_filter_new ();
    gint64 now = g_get_real_time () / G_USEC_PER_SEC;
    g_autoptr (GPtrArray) due = NULL;
    g_autoptr (GPtrArray) page_entries = NULL;
    gint64 n;

    start = g_get_monotonic_time ();
    n = bb_store_count_entries (store, filter, NULL);
    g_printerr ("# store: count %" G_GINT64_FORMAT " in %.1f ms\n", n, (g_get_monotonic_time () - start) / 1000.0);
    start = g_get_monotonic_time ();
    page_entries = bb_store_list_entries (store, filter, 0, 200, NULL);
    g_printerr ("# store: first 200 in %.1f ms\n", (g_get_monotonic_time () - start) / 1000.0);
    g_clear_pointer (&page_entries, g_ptr_array_unref);
    start = g_get_monotonic_time ();
    page_entries = bb_store_list_entries (store, filter, 50000, 200, NULL);
    g_printerr ("# store: 200 at 50,000 in %.1f ms\n", (g_get_monotonic_time () - start) / 1000.0);
    g_clear_pointer (&page_entries, g_ptr_array_unref);
    filter->sort = BB_STORE_SORT_ADDRESS;
    start = g_get_monotonic_time ();
    page_entries = bb_store_list_entries (store, filter, 0, 200, NULL);
    g_printerr ("# store: first 200 by address in %.1f ms\n", (g_get_monotonic_time () - start) / 1000.0);
    g_clear_pointer (&page_entries, g_ptr_array_unref);
    filter->sort = BB_STORE_SORT_NEWEST;
    filter->text = g_strdup ("user");
    start = g_get_monotonic_time ();
    n = bb_store_count_entries (store, filter, NULL);
    g_printerr ("# store: count “user” %" G_GINT64_FORMAT " in %.1f ms\n", n,
                (g_get_monotonic_time () - start) / 1000.0);
    start = g_get_monotonic_time ();
    page_entries = bb_store_list_entries (store, filter, 0, 200, NULL);
    g_printerr ("# store: first 200 “user” in %.1f ms\n", (g_get_monotonic_time () - start) / 1000.0);
    start = g_get_monotonic_time ();
    due = bb_store_list_retry_due (store, now, 24, 0, 0, NULL, NULL);
    g_printerr ("# store: %u due for a retry in %.1f ms\n", due->len, (g_get_monotonic_time () - start) / 1000.0);
    g_clear_pointer (&due, g_ptr_array_unref);
    start = g_get_monotonic_time ();
    due = bb_store_list_review_due (store, now, 90, 0, NULL, NULL);
    g_printerr ("# store: %u due for review in %.1f ms\n", due->len, (g_get_monotonic_time () - start) / 1000.0);
    g_clear_pointer (&due, g_ptr_array_unref);
    /* what the Follow-up page asks: the first 100 of each, and a count */
    {
      gint64 n_retry = 0, n_review = 0;

      start = g_get_monotonic_time ();
      due = bb_store_list_retry_due (store, now, 24, 0, 100, &n_retry, NULL);
      g_clear_pointer (&due, g_ptr_array_unref);
      due = bb_store_list_review_due (store, now, 90, 100, &n_review, NULL);
      g_printerr ("# store: the Follow-up page's lists (100 of %" G_GINT64_FORMAT " and of %" G_GINT64_FORMAT
                  ") in %.1f ms\n", n_retry, n_review, (g_get_monotonic_time () - start) / 1000.0);
    }
  }
  window = new_window (NULL);
  page = BB_HISTORY_PAGE (_bb_window_get_history_page (window));
  bb_window_show_page (window, "history");
  iterate_for (200);

  start = g_get_monotonic_time ();
  bb_window_set_store (window, store);
  g_printerr ("# %u entries: first page shown in %.1f ms\n", g_list_model_get_n_items (MODEL),
              wait_for_paint (GTK_WIDGET (window), start));
  for (guint i = 0; searches[i] != NULL; i++)
    {
      start = g_get_monotonic_time ();
      gtk_editable_set_text (_bb_history_page_get_search_entry (page), searches[i]);
      /* GtkSearchEntry waits 150 ms for a pause: count from its signal */
      g_signal_emit_by_name (_bb_history_page_get_search_entry (page), "search-changed");
      g_printerr ("# search “%s”: %u entries shown in %.1f ms\n", searches[i], g_list_model_get_n_items (MODEL),
                  wait_for_paint (GTK_WIDGET (window), start));
    }
  gtk_editable_set_text (_bb_history_page_get_search_entry (page), "");
  g_signal_emit_by_name (_bb_history_page_get_search_entry (page), "search-changed");
  start = g_get_monotonic_time ();
  gtk_drop_down_set_selected (_bb_history_page_get_type_drop (page), 2);
  g_printerr ("# soft bounces: %u entries shown in %.1f ms\n", g_list_model_get_n_items (MODEL),
              wait_for_paint (GTK_WIDGET (window), start));
  start = g_get_monotonic_time ();
  gtk_column_view_sort_by_column (_bb_history_page_get_column_view (page),
                                  g_list_model_get_item (gtk_column_view_get_columns (_bb_history_page_get_column_view (page)), 1),
                                  GTK_SORT_ASCENDING);
  g_printerr ("# sorted by address: shown in %.1f ms\n", wait_for_paint (GTK_WIDGET (window), start));
  /* scroll to the end */
  start = g_get_monotonic_time ();
  {
    GtkWidget     *scrolled = gtk_widget_get_ancestor (GTK_WIDGET (_bb_history_page_get_column_view (page)),
                                                       GTK_TYPE_SCROLLED_WINDOW);
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  }
  g_printerr ("# scrolled to the end: shown in %.1f ms\n", wait_for_paint (GTK_WIDGET (window), start));
  destroy_window (window);
}

#undef MODEL

int
main (int   argc,
      char *argv[])
{
  int status;

  tmp_dir = g_dir_make_tmp ("bb-test-gui-history-XXXXXX", NULL);
  g_assert_nonnull (tmp_dir);
  g_setenv ("XDG_DATA_HOME", tmp_dir, TRUE);
  g_setenv ("XDG_CONFIG_HOME", tmp_dir, TRUE);
  g_setenv ("XDG_CACHE_HOME", tmp_dir, TRUE);
  {
    g_autofree char *db = g_build_filename (tmp_dir, "default.db", NULL);

    g_setenv ("BOUNCEBACK_DB", db, TRUE);
  }

  gtk_disable_setlocale ();
  setlocale (LC_ALL, "C.UTF-8");
  if (!gtk_init_check ())
    {
      printf ("1..0 # SKIP no display\n");
      return 0;
    }
  g_test_init (&argc, &argv, NULL);
  adw_init ();
  bb_core_init ();

  g_test_add_func ("/bb/gui/history/list", test_history_list);
  g_test_add_func ("/bb/gui/history/empty", test_history_empty);
  g_test_add_func ("/bb/gui/history/followup", test_followup);
  g_test_add_func ("/bb/gui/history/followup-long", test_followup_long);
  g_test_add_func ("/bb/gui/history/sample-logged", test_sample_logged);
  g_test_add_func ("/bb/gui/history/application-log", test_application_log);
  g_test_add_func ("/bb/gui/history/bench", test_bench);

  status = g_test_run ();

  {
    g_autoptr (GError) error = NULL;
    g_autoptr (GFile) dir = g_file_new_for_path (tmp_dir);
    g_autoptr (GFileEnumerator) children = g_file_enumerate_children (dir, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                                                      G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL,
                                                                      &error);
    GFileInfo *info;

    while (children != NULL && (info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
      {
        g_autofree char *path = g_build_filename (tmp_dir, g_file_info_get_name (info), NULL);

        if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
          g_unlink (path);
        g_object_unref (info);
      }
  }
  g_free (tmp_dir);
  return status;
}
