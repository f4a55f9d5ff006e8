/* test-gui-insights.c - the Insights page and the cheat-sheet page, under Xvfb
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Insights tests fill a temporary bounce log through the store with
 * bounces of known dates, domains and kinds, pretend the clock says
 * Wednesday 18 March 2026, 12:00 UTC (TZ=UTC), and check what the page
 * shows: the chart's values per column and category, the top domain, the
 * bounce rate and its verdict for several emails-sent counts, the rising
 * trend and the same-day domain warning.  Without a display every test is
 * skipped (TAP "1..0 # SKIP").
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "bb-chart.h"
#include "bb-core.h"
#include "bb-insights-page-private.h"
#include "bb-insights-page.h"
#include "bb-reference-page-private.h"
#include "bb-reference-page.h"
#include "bb-reference.h"
#include "bb-settings.h"
#include "test-store-util.h"

#define TIMEOUT_S 60

#include "test-gui-util.h"
/* Wednesday 18 March 2026, 12:00 UTC */
#define NOW "2026-03-18T12:00:00Z"

static gboolean
loaded (gpointer data)
{
  return !_bb_insights_page_is_loading (data);
}

static GtkWidget *
find_named (GtkWidget  *widget,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_type (GtkWidget *widget,
           GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_type (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The rows of a list box, in order */
static GPtrArray *
list_rows (GtkWidget *list)
{
  GPtrArray *rows = g_ptr_array_new ();

  for (GtkWidget *child = gtk_widget_get_first_child (list); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (ADW_IS_ACTION_ROW (child))
      g_ptr_array_add (rows, child);
  return rows;
}

static const char *
row_count (GtkWidget *row)
{
  GtkWidget *label = find_named (row, BB_INSIGHTS_COUNT_NAME);

  g_assert_nonnull (label);
  return gtk_label_get_label (GTK_LABEL (label));
}

static const char *
part_label (BbInsightsPage *page,
            BbInsightsPart  part)
{
  return gtk_label_get_label (GTK_LABEL (_bb_insights_page_get_part (page, part)));
}

/* ---- the pure rules ---- */

static void
test_health_rules (void)
{
  double percent = -1;

  g_assert_cmpint (_bb_insights_health_evaluate (5, 0, &percent), ==, BB_INSIGHTS_HEALTH_UNKNOWN);
  g_assert_cmpfloat (percent, ==, 0);
  g_assert_cmpint (_bb_insights_health_evaluate (1, 100, &percent), ==, BB_INSIGHTS_HEALTH_HEALTHY);
  g_assert_cmpfloat_with_epsilon (percent, 1.0, 1e-9);
  g_assert_cmpint (_bb_insights_health_evaluate (0, 100, NULL), ==, BB_INSIGHTS_HEALTH_HEALTHY);
  /* 2 % is no longer healthy; 5 % is still a warning; above is serious */
  g_assert_cmpint (_bb_insights_health_evaluate (199, 10000, NULL), ==, BB_INSIGHTS_HEALTH_HEALTHY);
  g_assert_cmpint (_bb_insights_health_evaluate (2, 100, NULL), ==, BB_INSIGHTS_HEALTH_WARNING);
  g_assert_cmpint (_bb_insights_health_evaluate (5, 100, NULL), ==, BB_INSIGHTS_HEALTH_WARNING);
  g_assert_cmpint (_bb_insights_health_evaluate (501, 10000, NULL), ==, BB_INSIGHTS_HEALTH_BAD);
  g_assert_cmpint (_bb_insights_health_evaluate (300, 100, &percent), ==, BB_INSIGHTS_HEALTH_BAD);
  g_assert_cmpfloat_with_epsilon (percent, 300.0, 1e-9);

  g_assert_true (_bb_insights_trend_is_rising (6, 1));
  g_assert_true (_bb_insights_trend_is_rising (3, 0));
  g_assert_false (_bb_insights_trend_is_rising (2, 0)); /* too few to tell */
  g_assert_false (_bb_insights_trend_is_rising (8, 8));
  g_assert_false (_bb_insights_trend_is_rising (14, 10)); /* +40 % only */
  g_assert_true (_bb_insights_trend_is_rising (15, 10));
}

/* ---- the page ---- */

typedef struct
{
  char           *dir;
  BbStore        *store;
  BbSettings     *settings;
  GtkWidget      *window;
  BbInsightsPage *page;
} Fixture;

static void
log_at (Fixture    *f,
        const char *date,
        const char *address,
        gboolean    hard)
{
  test_log_one (f->store, date, address, hard, "Quotation");
}

static void
fixture_set_up (Fixture      *f,
                gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("bb-test-insights-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "log.db", NULL);
  f->store = bb_store_open (path, &error);
  g_assert_no_error (error);

  if (data != NULL)
    {
      /* The current week (Monday 16 March): four hard bounces from one
       * domain on Tuesday, one soft from another */
      log_at (f, "Tue, 17 Mar 2026 09:00:00 +0000", "anna@example-a.com", TRUE);
      log_at (f, "Tue, 17 Mar 2026 09:10:00 +0000", "bert@example-a.com", TRUE);
      log_at (f, "Tue, 17 Mar 2026 09:20:00 +0000", "carl@example-a.com", TRUE);
      log_at (f, "Tue, 17 Mar 2026 09:30:00 +0000", "dora@example-a.com", TRUE);
      log_at (f, "Tue, 17 Mar 2026 10:00:00 +0000", "emil@other.org", FALSE);
      /* The week before: two hard, on two days (Wednesday's is inside the
       * last 7 days, Tuesday's in the 7 days before) */
      log_at (f, "Tue, 10 Mar 2026 09:00:00 +0000", "fritz@example-a.com", TRUE);
      log_at (f, "Wed, 11 Mar 2026 15:00:00 +0000", "gina@example-a.com", TRUE);
      /* Week of 23 February: one soft */
      log_at (f, "Wed, 25 Feb 2026 09:00:00 +0000", "hans@other.org", FALSE);
      /* Week of 2 February: four hard and four soft on four days */
      for (guint i = 0; i < 4; i++)
        {
          g_autofree char *date = g_strdup_printf ("%s, %u Feb 2026 09:00:00 +0000",
                                                   (const char *[]){ "Tue", "Wed", "Thu", "Fri" }[i], 3 + i);
          g_autofree char *hard = g_strdup_printf ("h%u@busy.net", i);
          g_autofree char *soft = g_strdup_printf ("s%u@quiet.net", i);

          log_at (f, date, hard, TRUE);
          log_at (f, date, soft, FALSE);
        }
    }

  f->settings = bb_settings_new_for_settings (NULL);
  bb_settings_set_sent_period_days (f->settings, 7);
  f->page = g_object_new (BB_TYPE_INSIGHTS_PAGE, "settings", f->settings, NULL);
  _bb_insights_page_set_now (f->page, test_unix (NOW));
  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 800, 900);
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->page));
  gtk_window_present (GTK_WINDOW (f->window));
  bb_insights_page_set_store (f->page, f->store);
  /* (the page reads when mapped; whether it is by now depends on the
   * windowing system, so ask) */
  bb_insights_page_refresh (f->page);
  iterate_until (loaded, f->page);
}

static void
fixture_tear_down (Fixture      *f,
                   gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->dir, "log.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_object_ref (f->page);
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_assert_finalize_object (f->page);
  g_clear_object (&f->settings);
  g_assert_finalize_object (f->store);
  g_remove (path);
  g_remove (wal);
  g_remove (shm);
  g_rmdir (f->dir);
  g_free (f->dir);
}

static void
test_insights_empty (Fixture      *f,
                     gconstpointer data)
{
  GtkStack *stack = GTK_STACK (_bb_insights_page_get_part (f->page, BB_INSIGHTS_PART_STACK));

  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");

  /* A bounce logged later shows once the page reads again */
  log_at (f, "Tue, 17 Mar 2026 09:00:00 +0000", "anna@example-a.com", TRUE);
  bb_insights_page_refresh (f->page);
  iterate_until (loaded, f->page);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "content");
  g_assert_cmpint (_bb_insights_page_get_n_bounces (f->page), ==, 1);
}

static void
test_insights_chart (Fixture      *f,
                     gconstpointer data)
{
  BbChart   *chart = BB_CHART (_bb_insights_page_get_part (f->page, BB_INSIGHTS_PART_CHART));
  GtkStack  *stack = GTK_STACK (_bb_insights_page_get_part (f->page, BB_INSIGHTS_PART_STACK));
  GtkWidget *months = _bb_insights_page_get_part (f->page, BB_INSIGHTS_PART_MONTHS_BUTTON);
  GtkWidget *figures = _bb_insights_page_get_part (f->page, BB_INSIGHTS_PART_FIGURES_ROW);

  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "content");

  /* 12 weeks, the current one last; series: the categories present, in
   * the engine's order: "address" (5.1.1) before "mailbox" (4.2.2) */
  g_assert_cmpuint (bb_chart_get_n_columns (chart), ==, 12);
  g_assert_cmpuint (bb_chart_get_n_series (chart), ==, 2);
  g_assert_cmpint (bb_chart_get_total (chart), ==, 16);
  /* week of 16 March */
  g_assert_cmpint (bb_chart_get_value (chart, 11, 0), ==, 4);
  g_assert_cmpint (bb_chart_get_value (chart, 11, 1), ==, 1);
  /* week of 9 March */
  g_assert_cmpint (bb_chart_get_value (chart, 10, 0), ==, 2);
  g_assert_cmpint (bb_chart_get_value (chart, 10, 1), ==, 0);
  /* week of 2 March: none */
  g_assert_cmpint (bb_chart_get_value (chart, 9, 0) + bb_chart_get_value (chart, 9, 1), ==, 0);
  /* week of 23 February */
  g_assert_cmpint (bb_chart_get_value (chart, 8, 0), ==, 0);
  g_assert_cmpint (bb_chart_get_value (chart, 8, 1), ==, 1);
  /* week of 2 February */
  g_assert_cmpint (bb_chart_get_value (chart, 5, 0), ==, 4);
  g_assert_cmpint (bb_chart_get_value (chart, 5, 1), ==, 4);
  g_assert_cmpint (bb_chart_get_value (chart, 0, 0) + bb_chart_get_value (chart, 0, 1), ==, 0);
  g_assert_nonnull (strstr (bb_chart_get_summary (chart), "16"));

  /* The figures as text under the chart: newest first, with the counts */
  g_assert_cmpstr (row_count (figures), ==, "5");

  /* Per month: March and February */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (months), TRUE);
  g_assert_true (_bb_insights_page_is_loading (f->page));
  iterate_until (loaded, f->page);
  g_assert_cmpuint (bb_chart_get_n_columns (chart), ==, 12);
  g_assert_cmpint (bb_chart_get_value (chart, 11, 0), ==, 6);
  g_assert_cmpint (bb_chart_get_value (chart, 11, 1), ==, 1);
  g_assert_cmpint (bb_chart_get_value (chart, 10, 0), ==, 4);
  g_assert_cmpint (bb_chart_get_value (chart, 10, 1), ==, 5);
  g_assert_cmpint (bb_chart_get_total (chart), ==, 16);
}

static void
test_insights_top (Fixture      *f,
                   gconstpointer data)
{
  g_autoptr (GPtrArray) domains = list_rows (_bb_insights_page_get_part (f->page, BB_INSIGHTS_PART_DOMAINS_LIST));
  g_autoptr (GPtrArray) providers = list_rows (_bb_insights_page_get_part (f->page, BB_INSIGHTS_PART_PROVIDERS_LIST));

  g_assert_cmpuint (domains->len, ==, 4);
  g_assert_cmpstr (adw_preferences_row_get_title (g_ptr_array_index (domains, 0)), ==, "example-a.com");
  g_assert_cmpstr (row_count (g_ptr_array_index (domains, 0)), ==, "6");
  g_assert_cmpstr (adw_action_row_get_subtitle (g_ptr_array_index (domains, 0)), ==, "All hard bounces");
  g_assert_cmpstr (row_count (g_ptr_array_index (domains, 1)), ==, "4");
  g_assert_cmpstr (row_count (g_ptr_array_index (domains, 3)), ==, "2");
  g_assert_cmpuint (providers->len, >=, 1);
}

static void
set_sent (Fixture *f,
          int      sent)
{
  bb_settings_set_sent_count (f->settings, sent);
}

static void
test_insights_health (Fixture      *f,
                      gconstpointer data)
{
  GtkWidget   *spin = _bb_insights_page_get_part (f->page, BB_INSIGHTS_PART_SENT_SPIN);
  GtkWidget   *trend = _bb_insights_page_get_part (f->page, BB_INSIGHTS_PART_TREND_ROW);
  AdwComboRow *period = ADW_COMBO_ROW (_bb_insights_page_get_part (f->page, BB_INSIGHTS_PART_PERIOD_ROW));
  GtkWidget   *rate = _bb_insights_page_get_part (f->page, BB_INSIGHTS_PART_RATE_LABEL);

  /* Last 7 days: the five of 17 March and the one of 11 March, 15:00 */
  g_assert_cmpuint (adw_combo_row_get_selected (period), ==, 0);
  g_assert_cmpint (_bb_insights_page_get_n_bounces (f->page), ==, 6);
  g_assert_cmpint (_bb_insights_page_get_health (f->page), ==, BB_INSIGHTS_HEALTH_UNKNOWN);
  g_assert_cmpstr (part_label (f->page, BB_INSIGHTS_PART_RATE_LABEL), ==, "–");
  g_assert_cmpstr (part_label (f->page, BB_INSIGHTS_PART_VERDICT_LABEL), ==, "Enter how many emails you sent");

  set_sent (f, 1000);
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (spin)), ==, 1000);
  g_assert_cmpint (_bb_insights_page_get_health (f->page), ==, BB_INSIGHTS_HEALTH_HEALTHY);
  g_assert_cmpstr (part_label (f->page, BB_INSIGHTS_PART_RATE_LABEL), ==, "0.6 %");
  g_assert_cmpstr (part_label (f->page, BB_INSIGHTS_PART_VERDICT_LABEL), ==, "Healthy");
  g_assert_true (gtk_widget_has_css_class (rate, "success"));
  g_assert_cmpstr (part_label (f->page, BB_INSIGHTS_PART_COUNT_LABEL), ==,
                   "6 bounces in the last 7 days, out of 1000 emails sent");

  /* Typed into the spin button: the setting follows */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 200);
  g_assert_cmpint (bb_settings_get_sent_count (f->settings), ==, 200);
  g_assert_cmpint (_bb_insights_page_get_health (f->page), ==, BB_INSIGHTS_HEALTH_WARNING);
  g_assert_cmpstr (part_label (f->page, BB_INSIGHTS_PART_RATE_LABEL), ==, "3.0 %");
  g_assert_cmpstr (part_label (f->page, BB_INSIGHTS_PART_VERDICT_LABEL), ==, "Worth watching");
  g_assert_true (gtk_widget_has_css_class (rate, "warning"));
  g_assert_false (gtk_widget_has_css_class (rate, "success"));

  set_sent (f, 100);
  g_assert_cmpint (_bb_insights_page_get_health (f->page), ==, BB_INSIGHTS_HEALTH_BAD);
  g_assert_cmpstr (part_label (f->page, BB_INSIGHTS_PART_RATE_LABEL), ==, "6.0 %");
  g_assert_cmpstr (part_label (f->page, BB_INSIGHTS_PART_VERDICT_LABEL), ==, "Serious");
  g_assert_true (gtk_widget_has_css_class (rate, "error"));

  /* 6 against 1 in the 7 days before: rising */
  g_assert_true (_bb_insights_page_is_rising (f->page));
  g_assert_true (gtk_widget_get_visible (trend));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (trend)), ==,
                   "6 in the last 7 days, against 1 in the 7 days before");

  /* Last 30 days (the setting and the combo row follow each other): 8,
   * against the 8 of early February: not rising */
  bb_settings_set_sent_period_days (f->settings, 30);
  g_assert_cmpuint (adw_combo_row_get_selected (period), ==, 1);
  iterate_until (loaded, f->page);
  g_assert_cmpint (_bb_insights_page_get_n_bounces (f->page), ==, 8);
  g_assert_false (_bb_insights_page_is_rising (f->page));
  g_assert_false (gtk_widget_get_visible (trend));
  g_assert_cmpint (_bb_insights_page_get_health (f->page), ==, BB_INSIGHTS_HEALTH_BAD);
  g_assert_cmpstr (part_label (f->page, BB_INSIGHTS_PART_RATE_LABEL), ==, "8.0 %");
  set_sent (f, 1000);
  g_assert_cmpint (_bb_insights_page_get_health (f->page), ==, BB_INSIGHTS_HEALTH_HEALTHY);
  g_assert_cmpstr (part_label (f->page, BB_INSIGHTS_PART_RATE_LABEL), ==, "0.8 %");

  /* Last 90 days, from the combo row */
  adw_combo_row_set_selected (period, 2);
  g_assert_cmpint (bb_settings_get_sent_period_days (f->settings), ==, 90);
  iterate_until (loaded, f->page);
  g_assert_cmpint (_bb_insights_page_get_n_bounces (f->page), ==, 16);
  /* 16 against none in the 90 days before */
  g_assert_true (_bb_insights_page_is_rising (f->page));
}

static void
test_insights_repeats (Fixture      *f,
                       gconstpointer data)
{
  GtkWidget *group = _bb_insights_page_get_part (f->page, BB_INSIGHTS_PART_REPEAT_GROUP);
  g_autoptr (GPtrArray) rows = list_rows (_bb_insights_page_get_part (f->page, BB_INSIGHTS_PART_REPEAT_LIST));

  /* example-a.com bounced four times on 17 March; no other domain bounced
   * three times on a day */
  g_assert_true (gtk_widget_get_visible (group));
  g_assert_nonnull (strstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (group)), "10–20"));
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpstr (adw_preferences_row_get_title (g_ptr_array_index (rows, 0)), ==, "example-a.com");
  g_assert_cmpstr (row_count (g_ptr_array_index (rows, 0)), ==, "4");
  g_assert_cmpstr (adw_action_row_get_subtitle (g_ptr_array_index (rows, 0)), ==,
                   "4 bounces on Tuesday, 17 March 2026");

  /* Three on one day is enough; the newest day comes first */
  log_at (f, "Mon, 16 Mar 2026 08:00:00 +0000", "a@third.org", FALSE);
  log_at (f, "Mon, 16 Mar 2026 08:01:00 +0000", "b@third.org", FALSE);
  log_at (f, "Mon, 16 Mar 2026 08:02:00 +0000", "c@third.org", FALSE);
  bb_insights_page_refresh (f->page);
  iterate_until (loaded, f->page);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = list_rows (_bb_insights_page_get_part (f->page, BB_INSIGHTS_PART_REPEAT_LIST));
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpstr (adw_preferences_row_get_title (g_ptr_array_index (rows, 0)), ==, "example-a.com");
  g_assert_cmpstr (adw_preferences_row_get_title (g_ptr_array_index (rows, 1)), ==, "third.org");
  g_assert_cmpstr (row_count (g_ptr_array_index (rows, 1)), ==, "3");

  /* Two on a day is not */
  {
    g_autoptr (GError) error = NULL;
    BbStoreFilter filter = { .any_state = TRUE, .domain = (char *) "example-a.com", .since = test_unix ("2026-03-17T09:15:00Z") };
    guint         n_deleted = 0;

    g_assert_true (bb_store_delete_matching (f->store, &filter, &n_deleted, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (n_deleted, ==, 2);
  }
  {
    BbStoreFilter filter = { .any_state = TRUE, .domain = (char *) "third.org", .since = test_unix ("2026-03-16T08:01:30Z") };

    g_assert_true (bb_store_delete_matching (f->store, &filter, NULL, NULL));
  }
  bb_insights_page_refresh (f->page);
  iterate_until (loaded, f->page);
  g_assert_false (gtk_widget_get_visible (group));
}

/* ---- the cheat-sheet ---- */

static gboolean
has_code (GListModel *model,
          const char *code)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (BbReferenceItem) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (bb_reference_item_get_code (item), code) == 0)
        return TRUE;
    }
  return FALSE;
}

typedef struct
{
  BbReferencePage *page;
  const char      *query;
} QueryWait;

static gboolean
query_is (gpointer data)
{
  QueryWait *wait = data;

  return g_strcmp0 (bb_reference_page_get_query (wait->page), wait->query) == 0;
}

static void
test_reference_search (void)
{
  GtkWidget       *window = gtk_window_new ();
  BbReferencePage *page = BB_REFERENCE_PAGE (bb_reference_page_new ());
  GListModel      *results = bb_reference_page_get_results (page);
  GtkWidget       *entry;
  GtkStack        *stack;
  guint            all;
  g_autofree char *mo = NULL;

  gtk_window_set_default_size (GTK_WINDOW (window), 800, 700);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  gtk_window_present (GTK_WINDOW (window));
  entry = find_type (GTK_WIDGET (page), GTK_TYPE_SEARCH_ENTRY);
  stack = GTK_STACK (find_type (GTK_WIDGET (page), GTK_TYPE_STACK));
  g_assert_nonnull (entry);

  /* Every code and reason the engine explains */
  all = g_list_model_get_n_items (results);
  g_assert_cmpuint (all, >, 100);
  g_assert_true (has_code (results, "5.1.1"));
  g_assert_true (has_code (results, "550"));
  g_assert_true (has_code (results, "userunknown"));

  /* A status code, typed: the list narrows and keeps it */
  {
    QueryWait wait = { page, "5.1.1" };

    gtk_editable_set_text (GTK_EDITABLE (entry), "5.1.1");
    iterate_until (query_is, &wait);
  }
  g_assert_cmpuint (g_list_model_get_n_items (results), <, all);
  g_assert_cmpuint (g_list_model_get_n_items (results), >=, 1);
  g_assert_true (has_code (results, "5.1.1"));
  g_assert_false (has_code (results, "4.2.2"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "list");

  /* A reply code */
  bb_reference_page_set_query (page, "550");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "550");
  g_assert_cmpuint (g_list_model_get_n_items (results), <, all);
  g_assert_true (has_code (results, "550"));
  g_assert_false (has_code (results, "421"));

  /* Words, in any case and order: all must match */
  bb_reference_page_set_query (page, "MAILBOX full");
  g_assert_cmpuint (g_list_model_get_n_items (results), <, all);
  g_assert_true (has_code (results, "mailboxfull"));
  g_assert_false (has_code (results, "userunknown"));

  /* The other language: the Chinese of "The address does not exist" */
  mo = g_build_filename (bindtextdomain (GETTEXT_PACKAGE, NULL), "zh_CN", "LC_MESSAGES", GETTEXT_PACKAGE ".mo",
                         NULL);
  if (g_file_test (mo, G_FILE_TEST_EXISTS))
    {
      bb_reference_page_set_query (page, "地址不存在");
      g_assert_true (has_code (results, "userunknown"));
      g_assert_cmpuint (g_list_model_get_n_items (results), <, all);
    }
  else
    g_test_message ("no zh_CN catalogue at %s: not searching in Chinese", mo);

  /* Nothing */
  bb_reference_page_set_query (page, "zzqxj");
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "none");

  /* Cleared: everything again */
  bb_reference_page_set_query (page, "");
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, all);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "list");

  g_object_ref (page);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (page);
}

static gboolean
export_done (gpointer data)
{
  return !_bb_reference_page_is_exporting (data);
}

static void
test_reference_export (void)
{
  GtkWidget       *window = gtk_window_new ();
  BbReferencePage *page = BB_REFERENCE_PAGE (bb_reference_page_new ());
  g_autofree char *dir = g_dir_make_tmp ("bb-test-reference-XXXXXX", NULL);
  g_autofree char *csv = g_build_filename (dir, "sheet.csv", NULL);
  g_autofree char *xlsx = g_build_filename (dir, "sheet.xlsx", NULL);
  g_autofree char *base = g_build_filename (dir, "sheet", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *toast = NULL;
  gsize            length = 0;

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  gtk_window_present (GTK_WINDOW (window));

  /* No extension and the CSV filter: CSV, and the extension is added */
  {
    g_autoptr (GFile) file = g_file_new_for_path (base);

    _bb_reference_page_export_file (page, file, TRUE);
  }
  g_assert_true (_bb_reference_page_is_exporting (page));
  iterate_until (export_done, page);
  g_assert_true (g_file_get_contents (csv, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "\xef\xbb\xbf")); /* BOM, for Excel */
  g_assert_nonnull (strstr (contents, "5.1.1"));
  g_assert_nonnull (strstr (contents, "userunknown"));
  toast = _bb_reference_page_dup_toast (page);
  g_assert_cmpstr (toast, ==, "Cheat-sheet saved as “sheet.csv”");

  /* .xlsx decides, whatever the filter */
  {
    g_autoptr (GFile) file = g_file_new_for_path (xlsx);

    _bb_reference_page_export_file (page, file, TRUE);
  }
  iterate_until (export_done, page);
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (xlsx, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 4);
  g_assert_true (memcmp (contents, "PK", 2) == 0); /* a zip */

  /* A folder that does not exist: an error toast */
  {
    g_autofree char *bad = g_build_filename (dir, "missing", "sheet.csv", NULL);
    g_autoptr (GFile) file = g_file_new_for_path (bad);

    _bb_reference_page_export_file (page, file, TRUE);
  }
  iterate_until (export_done, page);
  g_clear_pointer (&toast, g_free);
  toast = _bb_reference_page_dup_toast (page);
  g_assert_true (g_str_has_prefix (toast, "Could not export the cheat-sheet: "));

  g_object_ref (page);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (page);
  g_remove (csv);
  g_remove (xlsx);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = NULL;

  /* The dates of the made-up bounces are in UTC, and so are the days
   * and weeks the page counts */
  g_setenv ("TZ", "UTC", TRUE);
  home = g_dir_make_tmp ("bb-test-gui-insights-XXXXXX", NULL);
  g_assert_nonnull (home);
  g_setenv ("XDG_DATA_HOME", home, TRUE);
  g_setenv ("XDG_CONFIG_HOME", home, TRUE);
  g_setenv ("XDG_CACHE_HOME", home, TRUE);

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

  g_test_add_func ("/bb/gui/insights/health-rules", test_health_rules);
  g_test_add ("/bb/gui/insights/empty", Fixture, NULL, fixture_set_up, test_insights_empty, fixture_tear_down);
  g_test_add ("/bb/gui/insights/chart", Fixture, "", fixture_set_up, test_insights_chart, fixture_tear_down);
  g_test_add ("/bb/gui/insights/top", Fixture, "", fixture_set_up, test_insights_top, fixture_tear_down);
  g_test_add ("/bb/gui/insights/health", Fixture, "", fixture_set_up, test_insights_health, fixture_tear_down);
  g_test_add ("/bb/gui/insights/repeats", Fixture, "", fixture_set_up, test_insights_repeats, fixture_tear_down);
  g_test_add_func ("/bb/gui/reference/search", test_reference_search);
  g_test_add_func ("/bb/gui/reference/export", test_reference_export);

  return g_test_run ();
}
