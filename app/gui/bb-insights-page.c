/* bb-insights-page.c - figures about the bounce log: bounces over time by
 * category, the domains and providers that bounce most, the bounce rate
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Content only: the window gives the page its header bar.  The figures
 * come from the store's figure queries (bb_store_count_by_period() and
 * friends), run on a worker thread: on a 100,000-entry log they take tens
 * of milliseconds each, too long for a frame.  One refresh reads
 * everything the page shows into a plain Snapshot and the main thread
 * fills the widgets from it; a newer refresh cancels an older one.
 *
 * The store has no change signal (yet), so the page refreshes whenever it
 * is mapped and when bb_insights_page_refresh() is called; if the store
 * ever gets a "changed" signal, the page follows it.
 *
 * The bounce rate (see bb-insights-page-private.h):
 *   bounces logged in the last 7, 30 or 90 days ÷ the emails the rep says
 *   they sent in those days.  Below 2 % is healthy (what mailbox
 *   providers tolerate from a normal sender), 2 % to 5 % inclusive needs
 *   watching (list hygiene), above 5 % is serious (providers start to
 *   block).  The trend is rising when the period has at least
 *   BB_INSIGHTS_TREND_MIN_INCREASE more bounces than the period before it
 *   and at least BB_INSIGHTS_TREND_FACTOR times as many.
 */

#include "config.h"

#include "bb-insights-page-private.h"
#include "bb-insights-page.h"

#include <glib/gi18n.h>

#include "bb-chart.h"
#include "bb-core.h"

/* Chart columns: the last N weeks or months, the current one included */
#define N_COLUMNS 12
/* Rows of the top domains and providers */
#define TOP_LIMIT 8
/* Rows of the repeated-domain warning */
#define REPEAT_LIMIT 5

typedef enum
{
  SCOPE_WEEKS,
  SCOPE_MONTHS,
} Scope;

static const int period_days[] = { 7, 30, 90 };

/* ---- the figures, read off the main thread ---- */

typedef struct
{
  /* in */
  Scope  scope;
  int    days;
  gint64 now;
  /* out */
  gint64     total;       /* entries in the whole log */
  gint64     chart_since; /* start of the first column */
  GPtrArray *periods;     /* BbStoreCount: key period, detail category */
  GPtrArray *domains;     /* BbStoreCount: key domain */
  GPtrArray *providers;   /* BbStoreCount: key provider id */
  GPtrArray *repeats;     /* BbStoreCount: key day, detail domain */
  gint64     in_period;   /* entries in the last @days days */
  gint64     in_previous; /* entries in the @days days before */
} Snapshot;

static void
snapshot_free (Snapshot *snapshot)
{
  g_clear_pointer (&snapshot->periods, g_ptr_array_unref);
  g_clear_pointer (&snapshot->domains, g_ptr_array_unref);
  g_clear_pointer (&snapshot->providers, g_ptr_array_unref);
  g_clear_pointer (&snapshot->repeats, g_ptr_array_unref);
  g_free (snapshot);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Snapshot, snapshot_free)

struct _BbInsightsPage
{
  AdwBin parent_instance;

  /* template widgets */
  GtkStack            *stack;
  AdwStatusPage       *empty_page;
  GtkSpinner          *spinner;
  GtkSpinButton       *sent_spin;
  AdwComboRow         *period_row;
  GtkLabel            *rate_label;
  GtkLabel            *verdict_label;
  GtkLabel            *detail_label;
  GtkLabel            *count_label;
  AdwActionRow        *trend_row;
  AdwPreferencesGroup *repeat_group;
  GtkListBox          *repeat_list;
  AdwPreferencesGroup *chart_group;
  BbChart             *chart;
  GtkToggleButton     *weeks_button;
  GtkToggleButton     *months_button;
  AdwExpanderRow      *figures_row;
  AdwPreferencesGroup *domains_group;
  GtkListBox          *domains_list;
  AdwPreferencesGroup *providers_group;
  GtkListBox          *providers_list;

  /* owned */
  BbStore      *store;
  BbSettings   *settings;
  GCancellable *cancellable;
  GBindingGroup *settings_bindings; /* the settings to the spin button and the combo row */
  Snapshot     *snapshot;    /* the figures shown, or NULL before the first */
  GPtrArray    *figure_rows; /* the rows added to figures_row */
  gulong        changed_id;  /* the store's "changed", if it has one */

  /* state */
  gint64           now; /* 0: the clock */
  BbInsightsHealth health;
  gboolean         loading;
  guint            n_tasks; /* refreshes running, cancelled ones included */
  gboolean         dirty; /* the store changed while unmapped */
};

G_DEFINE_FINAL_TYPE (BbInsightsPage, bb_insights_page, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_STORE,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- pure helpers ---- */

/**
 * _bb_insights_health_evaluate:
 * @bounces: bounces in the period
 * @sent: emails sent in the period (0 or less: not known)
 * @percent: (out) (optional): @bounces ÷ @sent in percent (0 if unknown)
 *
 * Returns: the verdict: below BB_INSIGHTS_RATE_HEALTHY % healthy, up to
 *   BB_INSIGHTS_RATE_WARNING % (included) warning, above that bad
 */
BbInsightsHealth
_bb_insights_health_evaluate (gint64  bounces,
                              gint64  sent,
                              double *percent)
{
  double rate;

  if (percent != NULL)
    *percent = 0;
  if (sent <= 0)
    return BB_INSIGHTS_HEALTH_UNKNOWN;
  rate = 100.0 * MAX (bounces, 0) / sent;
  if (percent != NULL)
    *percent = rate;
  if (rate < BB_INSIGHTS_RATE_HEALTHY)
    return BB_INSIGHTS_HEALTH_HEALTHY;
  if (rate <= BB_INSIGHTS_RATE_WARNING)
    return BB_INSIGHTS_HEALTH_WARNING;
  return BB_INSIGHTS_HEALTH_BAD;
}

/**
 * _bb_insights_trend_is_rising:
 * @current: bounces in the period
 * @previous: bounces in the period of the same length before it
 *
 * Returns: %TRUE when @current is at least BB_INSIGHTS_TREND_MIN_INCREASE
 *   more than @previous and at least BB_INSIGHTS_TREND_FACTOR times it
 */
gboolean
_bb_insights_trend_is_rising (gint64 current,
                              gint64 previous)
{
  return current - previous >= BB_INSIGHTS_TREND_MIN_INCREASE &&
         (double) current >= BB_INSIGHTS_TREND_FACTOR * (double) previous;
}

/* Short names for the legend; the diagnosis uses the long headlines
 * (bb_kb_category_title()), too long for a legend. */
static const char *
category_short_name (BbCategory category)
{
  switch (category)
    {
    case BB_CATEGORY_ADDRESS:
      /* Translators: short category names in the legend of the Insights
       * chart; this one: the address does not exist */
      return C_ ("category", "No such address");
    case BB_CATEGORY_DOMAIN:
      return C_ ("category", "No such domain");
    case BB_CATEGORY_MAILBOX:
      return C_ ("category", "Mailbox full or disabled");
    case BB_CATEGORY_TOO_BIG:
      return C_ ("category", "Too big");
    case BB_CATEGORY_REPUTATION:
      return C_ ("category", "Blocked sender");
    case BB_CATEGORY_CONTENT:
      return C_ ("category", "Content filtered");
    case BB_CATEGORY_AUTHENTICATION:
      return C_ ("category", "Authentication");
    case BB_CATEGORY_RATE_LIMITED:
      return C_ ("category", "Too many too fast");
    case BB_CATEGORY_TEMPORARY:
      return C_ ("category", "Temporary");
    case BB_CATEGORY_POLICY:
      return C_ ("category", "Recipient’s policy");
    case BB_CATEGORY_NOT_BOUNCE:
      return C_ ("category", "Not a bounce");
    case BB_CATEGORY_UNKNOWN:
    case BB_N_CATEGORIES:
    default:
      return C_ ("category", "Other");
    }
}

static BbCategory
category_from_string (const char *name)
{
  for (BbCategory c = 0; c < BB_N_CATEGORIES; c++)
    if (g_strcmp0 (bb_category_to_string (c), name) == 0)
      return c;
  return BB_CATEGORY_UNKNOWN;
}

static gint64
page_now (BbInsightsPage *self)
{
  return self->now != 0 ? self->now : g_get_real_time () / G_USEC_PER_SEC;
}

/* The first day (local midnight) of each of the N_COLUMNS columns that end
 * with the one holding @now, oldest first. */
static GPtrArray *
column_starts (Scope  scope,
               gint64 now)
{
  g_autoptr (GDateTime) local = g_date_time_new_from_unix_local (now);
  g_autoptr (GDateTime) today = g_date_time_new_local (g_date_time_get_year (local), g_date_time_get_month (local),
                                                       g_date_time_get_day_of_month (local), 0, 0, 0);
  g_autoptr (GDateTime) last = NULL;
  GPtrArray *starts = g_ptr_array_new_with_free_func ((GDestroyNotify) g_date_time_unref);

  if (scope == SCOPE_WEEKS)
    last = g_date_time_add_days (today, 1 - g_date_time_get_day_of_week (today));
  else
    last = g_date_time_new_local (g_date_time_get_year (today), g_date_time_get_month (today), 1, 0, 0, 0);

  for (int i = N_COLUMNS - 1; i >= 0; i--)
    g_ptr_array_add (starts, scope == SCOPE_WEEKS ? g_date_time_add_weeks (last, -i) : g_date_time_add_months (last, -i));
  return starts;
}

static char *
column_key (Scope      scope,
            GDateTime *start)
{
  return g_date_time_format (start, scope == SCOPE_WEEKS ? "%Y-%m-%d" : "%Y-%m");
}

static gint64
sum_counts (GPtrArray *counts)
{
  gint64 total = 0;

  for (guint i = 0; counts != NULL && i < counts->len; i++)
    total += ((BbStoreCount *) g_ptr_array_index (counts, i))->count;
  return total;
}

/* ---- the worker ---- */

static void
read_figures_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  BbStore        *store = source_object;
  const Snapshot *in = task_data;
  g_autoptr (Snapshot) snapshot = g_new0 (Snapshot, 1);
  GError *error = NULL;
  g_autoptr (GPtrArray) states = NULL;
  g_autoptr (GPtrArray) current = NULL;
  g_autoptr (GPtrArray) previous = NULL;
  g_autoptr (GPtrArray) starts = NULL;
  gint64 period = (gint64) in->days * 24 * 3600;

  snapshot->scope = in->scope;
  snapshot->days = in->days;
  snapshot->now = in->now;

#define CHECK(expr)                            \
  if ((expr) == NULL)                          \
    {                                          \
      g_task_return_error (task, error);       \
      return;                                  \
    }                                          \
  if (g_task_return_error_if_cancelled (task)) \
    return;

  CHECK (states = bb_store_count_by_state (store, &error));
  snapshot->total = sum_counts (states);
  if (snapshot->total == 0)
    {
      g_task_return_pointer (task, g_steal_pointer (&snapshot), (GDestroyNotify) snapshot_free);
      return;
    }

  starts = column_starts (snapshot->scope, snapshot->now);
  snapshot->chart_since = g_date_time_to_unix (g_ptr_array_index (starts, 0));
  CHECK (snapshot->periods = bb_store_count_by_period (store, snapshot->scope == SCOPE_WEEKS ? BB_STORE_PERIOD_WEEK : BB_STORE_PERIOD_MONTH,
                                                       snapshot->chart_since, 0, &error));
  CHECK (snapshot->domains = bb_store_top_domains (store, snapshot->chart_since, 0, TOP_LIMIT, &error));
  CHECK (snapshot->providers = bb_store_top_providers (store, snapshot->chart_since, 0, TOP_LIMIT, &error));
  /* The periods end now (+ a second, as until is exclusive): a bounce
   * dated in the future (a wrong clock) is not counted in either. */
  CHECK (current = bb_store_count_by_period (store, BB_STORE_PERIOD_MONTH, snapshot->now - period + 1,
                                             snapshot->now + 1, &error));
  CHECK (previous = bb_store_count_by_period (store, BB_STORE_PERIOD_MONTH, snapshot->now - 2 * period + 1,
                                              snapshot->now - period + 1, &error));
  snapshot->in_period = sum_counts (current);
  snapshot->in_previous = sum_counts (previous);
  CHECK (snapshot->repeats = bb_store_domains_per_day (store, snapshot->now - period + 1, snapshot->now + 1,
                                                       BB_INSIGHTS_REPEAT_MIN, &error));
#undef CHECK

  g_task_return_pointer (task, g_steal_pointer (&snapshot), (GDestroyNotify) snapshot_free);
}

/* ---- filling the widgets ---- */

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static GtkWidget *
count_label_new (gint64 count)
{
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, count);
  GtkWidget       *label = gtk_label_new (text);

  gtk_widget_set_name (label, BB_INSIGHTS_COUNT_NAME);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_label_set_width_chars (GTK_LABEL (label), 3);
  gtk_widget_add_css_class (label, "numeric");
  return label;
}

/* A figure row: @title, @subtitle, a bar @count ÷ @max long (if @max > 0)
 * and the count. */
static GtkWidget *
figure_row_new (const char *title,
                const char *subtitle,
                gint64      count,
                gint64      max)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (max > 0)
    {
      GtkWidget *bar = gtk_progress_bar_new ();

      gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (bar), (double) count / max);
      gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (bar, "bb-figure-bar");
      gtk_widget_set_size_request (bar, 56, -1);
      gtk_accessible_update_state (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), bar);
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), count_label_new (count));
  return row;
}

static char *
hard_subtitle (gint64 count,
               gint64 hard)
{
  if (hard <= 0)
    return NULL;
  if (hard == count)
    /* Translators: under a domain or provider in the Insights lists */
    return g_strdup (_ ("All hard bounces"));
  /* Translators: under a domain or provider in the Insights lists */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%lld hard bounce", "%lld hard bounces", hard),
                          (long long) hard);
}

static char *
format_date (GDateTime  *time,
             const char *format)
{
  return g_date_time_format (time, format);
}

static void
fill_chart (BbInsightsPage *self,
            Snapshot       *snapshot)
{
  g_autoptr (GPtrArray) starts = column_starts (snapshot->scope, snapshot->now);
  g_autoptr (GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  gint64           values[N_COLUMNS][BB_N_CATEGORIES] = { { 0 } };
  gint64           hard[N_COLUMNS] = { 0 };
  gboolean         used[BB_N_CATEGORIES] = { FALSE };
  const char      *names[BB_N_CATEGORIES];
  guint            colors[BB_N_CATEGORIES];
  guint            series_of[BB_N_CATEGORIES];
  guint            n_series = 0;
  gint64           series_values[N_COLUMNS][BB_N_CATEGORIES];
  BbChartColumn    columns[N_COLUMNS];
  gint64           total = 0;
  gint64           total_hard = 0;
  g_autofree char *description = NULL;

  for (guint i = 0; snapshot->periods != NULL && i < snapshot->periods->len; i++)
    {
      BbStoreCount *count = g_ptr_array_index (snapshot->periods, i);
      BbCategory    category = category_from_string (count->detail);

      for (guint c = 0; c < N_COLUMNS; c++)
        {
          g_autofree char *key = column_key (snapshot->scope, g_ptr_array_index (starts, c));

          if (g_strcmp0 (key, count->key) != 0)
            continue;
          values[c][category] += count->count;
          hard[c] += count->hard;
          used[category] = TRUE;
          total += count->count;
          total_hard += count->hard;
        }
    }

  /* The categories in the enum's order, each with its own colour (the
   * palette's index 0 is the grey of "unknown") */
  for (BbCategory c = 0; c < BB_N_CATEGORIES; c++)
    if (used[c])
      {
        series_of[c] = n_series;
        names[n_series] = category_short_name (c);
        colors[n_series] = (guint) c;
        n_series++;
      }

  for (guint c = 0; c < N_COLUMNS; c++)
    {
      GDateTime *start = g_ptr_array_index (starts, c);
      GDateTime *before = c > 0 ? g_ptr_array_index (starts, c - 1) : NULL;
      gboolean   new_year = before == NULL || g_date_time_get_year (before) != g_date_time_get_year (start);
      char      *label;
      char      *sublabel = NULL;
      char      *title;

      for (BbCategory k = 0; k < BB_N_CATEGORIES; k++)
        if (used[k])
          series_values[c][series_of[k]] = values[c][k];

      if (snapshot->scope == SCOPE_WEEKS)
        {
          /* Translators: the label under a week's bar in the Insights
           * chart: the week's Monday, in g_date_time_format() syntax */
          label = format_date (start, C_ ("chart week", "%b %-d"));
          /* Translators: a week of the Insights chart, in its tooltip and
           * the figures list; g_date_time_format() syntax */
          title = format_date (start, C_ ("chart week", "Week of %-d %B %Y"));
        }
      else
        {
          /* Translators: the label under a month's bar in the Insights
           * chart; g_date_time_format() syntax */
          label = format_date (start, C_ ("chart month", "%b"));
          /* Translators: a month of the Insights chart, in its tooltip
           * and the figures list; g_date_time_format() syntax */
          title = format_date (start, C_ ("chart month", "%B %Y"));
        }
      if (new_year)
        sublabel = format_date (start, "%Y");
      g_ptr_array_add (labels, label);
      g_ptr_array_add (labels, sublabel);
      g_ptr_array_add (labels, title);
      columns[c].label = label;
      columns[c].sublabel = sublabel;
      columns[c].title = title;
      columns[c].values = series_values[c];
    }

  bb_chart_set_title (self->chart, snapshot->scope == SCOPE_WEEKS ? _ ("Bounces per week, by category")
                                                                  : _ ("Bounces per month, by category"));
  bb_chart_set_data (self->chart, n_series, names, colors, N_COLUMNS, columns);

  if (snapshot->scope == SCOPE_WEEKS)
    /* Translators: under "Bounces Over Time"; the second number is how
     * many of the bounces were hard */
    description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%lld bounce in the last 12 weeks, %lld of them hard",
                                                "%lld bounces in the last 12 weeks, %lld of them hard", total),
                                   (long long) total, (long long) total_hard);
  else
    description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%lld bounce in the last 12 months, %lld of them hard",
                                                "%lld bounces in the last 12 months, %lld of them hard", total),
                                   (long long) total, (long long) total_hard);
  adw_preferences_group_set_description (self->chart_group, description);
  {
    /* Translators: under "Top Recipient Domains" and "Top Mail
     * Providers" */
    const char *range = snapshot->scope == SCOPE_WEEKS ? _ ("Bounces in the last 12 weeks") : _ ("Bounces in the last 12 months");

    adw_preferences_group_set_description (self->domains_group, range);
    adw_preferences_group_set_description (self->providers_group, range);
  }

  /* The figures as text, newest first */
  for (guint i = 0; i < self->figure_rows->len; i++)
    adw_expander_row_remove (self->figures_row, g_ptr_array_index (self->figure_rows, i));
  g_ptr_array_set_size (self->figure_rows, 0);
  for (int c = N_COLUMNS - 1; c >= 0; c--)
    {
      g_autoptr (GString) parts = g_string_new (NULL);
      gint64     column_total = 0;
      GtkWidget *row;

      for (BbCategory k = 0; k < BB_N_CATEGORIES; k++)
        if (values[c][k] > 0)
          {
            if (parts->len > 0)
              /* Translators: separates the categories in a row of the
               * chart's figures: "No such address 3 · Temporary 1" */
              g_string_append (parts, _ (" · "));
            /* Translators: a category and its count in a row of the
             * chart's figures */
            g_string_append_printf (parts, C_ ("figures", "%s %lld"), category_short_name (k), (long long) values[c][k]);
            column_total += values[c][k];
          }
      row = figure_row_new (columns[c].title, parts->len > 0 ? parts->str : NULL, column_total, 0);
      adw_expander_row_add_row (self->figures_row, row);
      g_ptr_array_add (self->figure_rows, row);
    }
}

static void
fill_top (BbInsightsPage *self,
          GtkListBox     *list,
          GPtrArray      *counts,
          gboolean        providers)
{
  gint64 max = 0;

  clear_list (list);
  for (guint i = 0; counts != NULL && i < counts->len; i++)
    max = MAX (max, ((BbStoreCount *) g_ptr_array_index (counts, i))->count);
  for (guint i = 0; counts != NULL && i < counts->len; i++)
    {
      BbStoreCount    *count = g_ptr_array_index (counts, i);
      const char      *title = count->key;
      g_autofree char *subtitle = hard_subtitle (count->count, count->hard);

      if (providers)
        {
          const BbProvider *provider = bb_provider_lookup_id (count->key);

          if (provider != NULL)
            title = bb_provider_get_display_name (provider);
        }
      gtk_list_box_append (list, figure_row_new (title, subtitle, count->count, max));
    }
  if (counts == NULL || counts->len == 0)
    {
      /* Translators: an empty list of the Insights page */
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _ ("None in this period"));
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (list, row);
    }
}

static void
fill_repeats (BbInsightsPage *self,
              Snapshot       *snapshot)
{
  guint n = snapshot->repeats != NULL ? snapshot->repeats->len : 0;

  clear_list (self->repeat_list);
  for (guint i = 0; i < MIN (n, REPEAT_LIMIT); i++)
    {
      BbStoreCount    *count = g_ptr_array_index (snapshot->repeats, i);
      g_autofree char *iso = g_strconcat (count->key, "T00:00:00", NULL);
      g_autoptr (GTimeZone) local = g_time_zone_new_local ();
      g_autoptr (GDateTime) day = g_date_time_new_from_iso8601 (iso, local);
      /* Translators: the day a domain bounced many times, on the Insights
       * page; g_date_time_format() syntax */
      g_autofree char *date = day != NULL ? format_date (day, C_ ("repeat day", "%A, %-d %B %Y")) : g_strdup (count->key);
      /* Translators: a domain that bounced many times in one day: the
       * row's subtitle, with the day */
      g_autofree char *subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%lld bounce on %s",
                                                                "%lld bounces on %s", count->count),
                                                   (long long) count->count, date);
      GtkWidget       *row = figure_row_new (count->detail != NULL ? count->detail : "", subtitle, count->count, 0);
      GtkWidget       *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_add_css_class (icon, "warning");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, _ ("Warning"), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      gtk_list_box_append (self->repeat_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->repeat_group), n > 0);
}

static void
set_state_class (GtkWidget  *widget,
                 const char *name)
{
  static const char *const classes[] = { "success", "warning", "error" };

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    if (g_strcmp0 (classes[i], name) != 0)
      gtk_widget_remove_css_class (widget, classes[i]);
  if (name != NULL)
    gtk_widget_add_css_class (widget, name);
}

static int
current_days (BbInsightsPage *self)
{
  guint selected = adw_combo_row_get_selected (self->period_row);

  return period_days[MIN (selected, G_N_ELEMENTS (period_days) - 1)];
}

static void
update_health (BbInsightsPage *self)
{
  Snapshot        *snapshot = self->snapshot;
  gint64           sent = (gint64) gtk_spin_button_get_value_as_int (self->sent_spin);
  gint64           bounces = snapshot != NULL ? snapshot->in_period : 0;
  int              days = snapshot != NULL ? snapshot->days : current_days (self);
  double           percent = 0;
  g_autofree char *rate = NULL;
  g_autofree char *counts = NULL;
  const char      *verdict;
  const char      *detail;
  const char      *style;

  self->health = _bb_insights_health_evaluate (bounces, sent, &percent);
  switch (self->health)
    {
    case BB_INSIGHTS_HEALTH_HEALTHY:
      /* Translators: the bounce-rate verdict, below 2 % */
      verdict = _ ("Healthy");
      detail = _ ("Mail providers see you as a normal sender. Keep your contact lists clean to stay here.");
      style = "success";
      break;
    case BB_INSIGHTS_HEALTH_WARNING:
      /* Translators: the bounce-rate verdict, 2 % to 5 % */
      verdict = _ ("Worth watching");
      /* xgettext:no-c-format */
      detail = _ ("Above 2 % some providers start to filter your mail. Check addresses before you send and remove those "
                  "that bounced hard.");
      style = "warning";
      break;
    case BB_INSIGHTS_HEALTH_BAD:
      /* Translators: the bounce-rate verdict, above 5 % */
      verdict = _ ("Serious");
      /* xgettext:no-c-format */
      detail = _ ("Above 5 % providers block senders. Stop sending to unchecked lists, remove every address that "
                  "bounced hard and send fewer emails a day.");
      style = "error";
      break;
    case BB_INSIGHTS_HEALTH_UNKNOWN:
    default:
      verdict = _ ("Enter how many emails you sent");
      detail = _ ("The bounce rate needs the number of emails you sent in the period.");
      style = NULL;
      break;
    }

  if (self->health == BB_INSIGHTS_HEALTH_UNKNOWN)
    rate = g_strdup ("–");
  else
    /* Translators: the bounce rate, a percentage with one decimal */
    rate = g_strdup_printf (_ ("%.1f %%"), percent);
  gtk_label_set_label (self->rate_label, rate);
  set_state_class (GTK_WIDGET (self->rate_label), style);
  gtk_label_set_label (self->verdict_label, verdict);
  gtk_label_set_label (self->detail_label, detail);

  if (sent > 0)
    /* Translators: under the bounce rate: bounces in the last N days,
     * out of M emails sent */
    counts = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%lld bounce in the last %d days, out of %lld emails sent",
                                           "%lld bounces in the last %d days, out of %lld emails sent", bounces),
                              (long long) bounces, days, (long long) sent);
  else
    counts = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%lld bounce in the last %d days",
                                           "%lld bounces in the last %d days", bounces),
                              (long long) bounces, days);
  gtk_label_set_label (self->count_label, counts);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->rate_label), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, verdict, -1);
}

static void
update_trend (BbInsightsPage *self)
{
  Snapshot *snapshot = self->snapshot;
  gboolean  rising = snapshot != NULL && _bb_insights_trend_is_rising (snapshot->in_period, snapshot->in_previous);

  if (rising)
    {
      /* Translators: under "Bounces are rising": this period, the period
       * before, its length in days */
      g_autofree char *subtitle = g_strdup_printf (
          g_dngettext (GETTEXT_PACKAGE, "%lld in the last %d days, against %lld in the %d days before",
                       "%lld in the last %d days, against %lld in the %d days before", snapshot->in_period),
          (long long) snapshot->in_period, snapshot->days, (long long) snapshot->in_previous, snapshot->days);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->trend_row), subtitle);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->trend_row), rising);
}

static void
show_snapshot (BbInsightsPage *self)
{
  Snapshot *snapshot = self->snapshot;

  if (snapshot->total == 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  fill_chart (self, snapshot);
  fill_top (self, self->domains_list, snapshot->domains, FALSE);
  fill_top (self, self->providers_list, snapshot->providers, TRUE);
  fill_repeats (self, snapshot);
  update_health (self);
  update_trend (self);
  gtk_stack_set_visible_child_name (self->stack, "content");
}

/* ---- refreshing ---- */

static void
read_figures_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr (BbInsightsPage) self = user_data;
  g_autoptr (GError) error = NULL;
  Snapshot *snapshot = g_task_propagate_pointer (G_TASK (result), &error);

  g_assert (self->n_tasks > 0);
  self->n_tasks--;

  if (snapshot == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_warning ("Could not read the figures of the bounce log: %s", error->message);
          self->loading = FALSE;
          gtk_spinner_stop (self->spinner);
          if (self->snapshot == NULL)
            gtk_stack_set_visible_child_name (self->stack, "empty");
        }
      return;
    }

  self->loading = FALSE;
  gtk_spinner_stop (self->spinner);
  g_clear_pointer (&self->snapshot, snapshot_free);
  self->snapshot = snapshot;
  show_snapshot (self);
}

/**
 * bb_insights_page_refresh:
 *
 * Reads the figures again (on a worker thread) and shows them.  The page
 * does this by itself each time it is shown (mapped); call it when the
 * log changes.  A page that is not shown only notes that it must read
 * again when it is.
 */
void
bb_insights_page_refresh (BbInsightsPage *self)
{
  g_autoptr (GTask) task = NULL;
  Snapshot *snapshot;

  g_return_if_fail (BB_IS_INSIGHTS_PAGE (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  if (self->store != NULL && !gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->dirty = TRUE;
      self->loading = FALSE;
      return;
    }
  self->dirty = FALSE;

  if (self->store == NULL)
    {
      self->loading = FALSE;
      gtk_spinner_stop (self->spinner);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  self->cancellable = g_cancellable_new ();
  snapshot = g_new0 (Snapshot, 1);
  snapshot->scope = gtk_toggle_button_get_active (self->months_button) ? SCOPE_MONTHS : SCOPE_WEEKS;
  snapshot->days = current_days (self);
  snapshot->now = page_now (self);

  self->loading = TRUE;
  /* The spinner shows only until the first figures: later refreshes keep
   * the old figures on screen until the new ones are there. */
  if (self->snapshot == NULL)
    {
      gtk_spinner_start (self->spinner);
      gtk_stack_set_visible_child_name (self->stack, "loading");
    }

  self->n_tasks++;
  task = g_task_new (self->store, self->cancellable, read_figures_cb, g_object_ref (self));
  g_task_set_source_tag (task, bb_insights_page_refresh);
  g_task_set_task_data (task, snapshot, (GDestroyNotify) snapshot_free);
  g_task_run_in_thread (task, read_figures_thread);
}

static void
store_changed_cb (BbInsightsPage *self)
{
  bb_insights_page_refresh (self);
}

static void
on_scope_toggled (GtkToggleButton *button,
                  BbInsightsPage  *self)
{
  /* Both buttons say when they change: act on the one turned on, once
   * the other is off */
  if (gtk_toggle_button_get_active (button) && self->store != NULL)
    bb_insights_page_refresh (self);
}

static void
period_changed_cb (BbInsightsPage *self)
{
  if (self->store != NULL)
    bb_insights_page_refresh (self);
}

static void
sent_changed_cb (BbInsightsPage *self)
{
  update_health (self);
}

static gboolean
days_to_selected (GBinding     *binding,
                  const GValue *from,
                  GValue       *to,
                  gpointer      user_data)
{
  int   days = g_value_get_int (from);
  guint best = 1;

  /* The nearest of 7, 30, 90 */
  for (guint i = 0; i < G_N_ELEMENTS (period_days); i++)
    if (ABS (period_days[i] - days) < ABS (period_days[best] - days))
      best = i;
  g_value_set_uint (to, best);
  return TRUE;
}

static gboolean
selected_to_days (GBinding     *binding,
                  const GValue *from,
                  GValue       *to,
                  gpointer      user_data)
{
  guint selected = g_value_get_uint (from);

  if (selected >= G_N_ELEMENTS (period_days))
    return FALSE;
  g_value_set_int (to, period_days[selected]);
  return TRUE;
}

/* ---- GObject ---- */

static void
bb_insights_page_map (GtkWidget *widget)
{
  BbInsightsPage *self = BB_INSIGHTS_PAGE (widget);

  GTK_WIDGET_CLASS (bb_insights_page_parent_class)->map (widget);
  /* Without a change signal there is no telling what changed while the
   * page was away: read again, it is cheap. */
  if (self->store != NULL && (self->dirty || self->changed_id == 0 || self->snapshot == NULL))
    bb_insights_page_refresh (self);
}

static void
bb_insights_page_constructed (GObject *object)
{
  BbInsightsPage *self = BB_INSIGHTS_PAGE (object);

  G_OBJECT_CLASS (bb_insights_page_parent_class)->constructed (object);

  /* The emails-sent count and its period live in the settings: the spin
   * button and the combo row show and change them */
  g_binding_group_bind (self->settings_bindings, "sent-count", self->sent_spin, "value",
                        G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_binding_group_bind_full (self->settings_bindings, "sent-period-days", self->period_row, "selected",
                             G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE, days_to_selected, selected_to_days, NULL,
                             NULL);
  if (self->settings == NULL)
    self->settings = bb_settings_new ();
  g_binding_group_set_source (self->settings_bindings, self->settings);
  g_signal_connect_object (self->sent_spin, "value-changed", G_CALLBACK (sent_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->period_row, "notify::selected", G_CALLBACK (period_changed_cb), self,
                           G_CONNECT_SWAPPED);
  update_health (self);
}

static void
bb_insights_page_dispose (GObject *object)
{
  BbInsightsPage *self = BB_INSIGHTS_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->changed_id != 0)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);
  g_clear_object (&self->settings_bindings);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->figure_rows, g_ptr_array_unref);

  /* The bin's child first: AdwBin would unparent it again after
   * gtk_widget_dispose_template() (as in bb-diagnosis-view.c) */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), BB_TYPE_INSIGHTS_PAGE);

  G_OBJECT_CLASS (bb_insights_page_parent_class)->dispose (object);
}

static void
bb_insights_page_finalize (GObject *object)
{
  BbInsightsPage *self = BB_INSIGHTS_PAGE (object);

  g_clear_pointer (&self->snapshot, snapshot_free);

  G_OBJECT_CLASS (bb_insights_page_parent_class)->finalize (object);
}

static void
bb_insights_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  BbInsightsPage *self = BB_INSIGHTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_insights_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  BbInsightsPage *self = BB_INSIGHTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      bb_insights_page_set_store (self, g_value_get_object (value));
      break;
    case PROP_SETTINGS:
      bb_insights_page_set_settings (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_insights_page_class_init (BbInsightsPageClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = bb_insights_page_constructed;
  object_class->dispose = bb_insights_page_dispose;
  object_class->finalize = bb_insights_page_finalize;
  object_class->get_property = bb_insights_page_get_property;
  object_class->set_property = bb_insights_page_set_property;
  widget_class->map = bb_insights_page_map;

  properties[PROP_STORE] = g_param_spec_object ("store", NULL, NULL, BB_TYPE_STORE,
                                                G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* The emails-sent count and its period are kept there; a page made
   * without one makes its own (bb_settings_new()). */
  properties[PROP_SETTINGS] = g_param_spec_object ("settings", NULL, NULL, BB_TYPE_SETTINGS,
                                                   G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (BB_TYPE_CHART);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/bounceback/Bounceback/bb-insights-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BbInsightsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, BbInsightsPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, BbInsightsPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, BbInsightsPage, sent_spin);
  gtk_widget_class_bind_template_child (widget_class, BbInsightsPage, period_row);
  gtk_widget_class_bind_template_child (widget_class, BbInsightsPage, rate_label);
  gtk_widget_class_bind_template_child (widget_class, BbInsightsPage, verdict_label);
  gtk_widget_class_bind_template_child (widget_class, BbInsightsPage, detail_label);
  gtk_widget_class_bind_template_child (widget_class, BbInsightsPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, BbInsightsPage, trend_row);
  gtk_widget_class_bind_template_child (widget_class, BbInsightsPage, repeat_group);
  gtk_widget_class_bind_template_child (widget_class, BbInsightsPage, repeat_list);
  gtk_widget_class_bind_template_child (widget_class, BbInsightsPage, chart_group);
  gtk_widget_class_bind_template_child (widget_class, BbInsightsPage, chart);
  gtk_widget_class_bind_template_child (widget_class, BbInsightsPage, weeks_button);
  gtk_widget_class_bind_template_child (widget_class, BbInsightsPage, months_button);
  gtk_widget_class_bind_template_child (widget_class, BbInsightsPage, figures_row);
  gtk_widget_class_bind_template_child (widget_class, BbInsightsPage, domains_group);
  gtk_widget_class_bind_template_child (widget_class, BbInsightsPage, domains_list);
  gtk_widget_class_bind_template_child (widget_class, BbInsightsPage, providers_group);
  gtk_widget_class_bind_template_child (widget_class, BbInsightsPage, providers_list);
  gtk_widget_class_bind_template_callback (widget_class, on_scope_toggled);
}

static void
bb_insights_page_init (BbInsightsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->settings_bindings = g_binding_group_new ();
  self->figure_rows = g_ptr_array_new ();
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

/**
 * bb_insights_page_new:
 * @store: (nullable): the bounce log
 *
 * Returns: a new page, with its own #BbSettings
 */
GtkWidget *
bb_insights_page_new (BbStore *store)
{
  g_return_val_if_fail (store == NULL || BB_IS_STORE (store), NULL);

  return g_object_new (BB_TYPE_INSIGHTS_PAGE, "store", store, NULL);
}

BbStore *
bb_insights_page_get_store (BbInsightsPage *self)
{
  g_return_val_if_fail (BB_IS_INSIGHTS_PAGE (self), NULL);

  return self->store;
}

void
bb_insights_page_set_store (BbInsightsPage *self,
                            BbStore        *store)
{
  g_return_if_fail (BB_IS_INSIGHTS_PAGE (self));
  g_return_if_fail (store == NULL || BB_IS_STORE (store));

  if (self->store == store)
    return;
  if (self->changed_id != 0)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_set_object (&self->store, store);
  g_clear_pointer (&self->snapshot, snapshot_free);
  /* Follow the store's changes if it can tell (a "changed" signal) */
  if (store != NULL && g_signal_lookup ("changed", G_OBJECT_TYPE (store)) != 0)
    self->changed_id = g_signal_connect_swapped (store, "changed", G_CALLBACK (store_changed_cb), self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);

  bb_insights_page_refresh (self);
}

/**
 * bb_insights_page_set_settings:
 * @settings: (nullable): where the emails-sent count and its period are
 *   kept (the window's); %NULL keeps the current ones
 */
void
bb_insights_page_set_settings (BbInsightsPage *self,
                               BbSettings     *settings)
{
  g_return_if_fail (BB_IS_INSIGHTS_PAGE (self));
  g_return_if_fail (settings == NULL || BB_IS_SETTINGS (settings));

  if (settings == NULL || !g_set_object (&self->settings, settings))
    return;
  g_binding_group_set_source (self->settings_bindings, settings);
  update_health (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SETTINGS]);
}

BbSettings *
bb_insights_page_get_settings (BbInsightsPage *self)
{
  g_return_val_if_fail (BB_IS_INSIGHTS_PAGE (self), NULL);

  return self->settings;
}

/* ---- for the tests ---- */

GtkWidget *
_bb_insights_page_get_part (BbInsightsPage *self,
                            BbInsightsPart  part)
{
  g_return_val_if_fail (BB_IS_INSIGHTS_PAGE (self), NULL);

  switch (part)
    {
    case BB_INSIGHTS_PART_STACK:
      return GTK_WIDGET (self->stack);
    case BB_INSIGHTS_PART_EMPTY_PAGE:
      return GTK_WIDGET (self->empty_page);
    case BB_INSIGHTS_PART_SENT_SPIN:
      return GTK_WIDGET (self->sent_spin);
    case BB_INSIGHTS_PART_PERIOD_ROW:
      return GTK_WIDGET (self->period_row);
    case BB_INSIGHTS_PART_RATE_LABEL:
      return GTK_WIDGET (self->rate_label);
    case BB_INSIGHTS_PART_VERDICT_LABEL:
      return GTK_WIDGET (self->verdict_label);
    case BB_INSIGHTS_PART_COUNT_LABEL:
      return GTK_WIDGET (self->count_label);
    case BB_INSIGHTS_PART_TREND_ROW:
      return GTK_WIDGET (self->trend_row);
    case BB_INSIGHTS_PART_REPEAT_GROUP:
      return GTK_WIDGET (self->repeat_group);
    case BB_INSIGHTS_PART_REPEAT_LIST:
      return GTK_WIDGET (self->repeat_list);
    case BB_INSIGHTS_PART_CHART_GROUP:
      return GTK_WIDGET (self->chart_group);
    case BB_INSIGHTS_PART_CHART:
      return GTK_WIDGET (self->chart);
    case BB_INSIGHTS_PART_WEEKS_BUTTON:
      return GTK_WIDGET (self->weeks_button);
    case BB_INSIGHTS_PART_MONTHS_BUTTON:
      return GTK_WIDGET (self->months_button);
    case BB_INSIGHTS_PART_FIGURES_ROW:
      return GTK_WIDGET (self->figures_row);
    case BB_INSIGHTS_PART_DOMAINS_LIST:
      return GTK_WIDGET (self->domains_list);
    case BB_INSIGHTS_PART_PROVIDERS_LIST:
      return GTK_WIDGET (self->providers_list);
    default:
      g_return_val_if_reached (NULL);
    }
}

/* Pretends the clock says @now (Unix time; 0: the real clock) */
void
_bb_insights_page_set_now (BbInsightsPage *self,
                           gint64          now)
{
  g_return_if_fail (BB_IS_INSIGHTS_PAGE (self));

  self->now = now;
}

gboolean
_bb_insights_page_is_loading (BbInsightsPage *self)
{
  g_return_val_if_fail (BB_IS_INSIGHTS_PAGE (self), FALSE);

  /* also while a cancelled refresh has not called back: until then it
   * holds a reference to the page */
  return self->loading || self->n_tasks > 0;
}

BbInsightsHealth
_bb_insights_page_get_health (BbInsightsPage *self)
{
  g_return_val_if_fail (BB_IS_INSIGHTS_PAGE (self), BB_INSIGHTS_HEALTH_UNKNOWN);

  return self->health;
}

gint64
_bb_insights_page_get_n_bounces (BbInsightsPage *self)
{
  g_return_val_if_fail (BB_IS_INSIGHTS_PAGE (self), 0);

  return self->snapshot != NULL ? self->snapshot->in_period : 0;
}

/* Whether the last figures showed a rising trend */
gboolean
_bb_insights_page_is_rising (BbInsightsPage *self)
{
  g_return_val_if_fail (BB_IS_INSIGHTS_PAGE (self), FALSE);

  return gtk_widget_get_visible (GTK_WIDGET (self->trend_row));
}
