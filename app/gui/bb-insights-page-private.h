/* bb-insights-page-private.h - what the tests look at inside the page
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bb-insights-page.h"

G_BEGIN_DECLS

/* Bounce rate thresholds, in percent: below HEALTHY is healthy, up to
 * WARNING is worth watching, above is bad */
#define BB_INSIGHTS_RATE_HEALTHY 2.0
#define BB_INSIGHTS_RATE_WARNING 5.0
/* A domain that bounced this often on one day gets a warning row */
#define BB_INSIGHTS_REPEAT_MIN 3
/* The bounces are "rising" when the period has at least this many more
 * than the period of the same length before it … */
#define BB_INSIGHTS_TREND_MIN_INCREASE 3
/* … and at least this many times as many */
#define BB_INSIGHTS_TREND_FACTOR 1.5

typedef enum
{
  BB_INSIGHTS_HEALTH_UNKNOWN, /* no emails-sent count entered */
  BB_INSIGHTS_HEALTH_HEALTHY,
  BB_INSIGHTS_HEALTH_WARNING,
  BB_INSIGHTS_HEALTH_BAD,
} BbInsightsHealth;

typedef enum
{
  BB_INSIGHTS_PART_STACK,          /* GtkStack: "loading", "empty", "content" */
  BB_INSIGHTS_PART_EMPTY_PAGE,     /* AdwStatusPage */
  BB_INSIGHTS_PART_SENT_SPIN,      /* GtkSpinButton */
  BB_INSIGHTS_PART_PERIOD_ROW,     /* AdwComboRow: 7, 30, 90 days */
  BB_INSIGHTS_PART_RATE_LABEL,     /* GtkLabel: "1.5 %" */
  BB_INSIGHTS_PART_VERDICT_LABEL,  /* GtkLabel */
  BB_INSIGHTS_PART_COUNT_LABEL,    /* GtkLabel: "3 bounces … out of 200" */
  BB_INSIGHTS_PART_TREND_ROW,      /* AdwActionRow, hidden unless rising */
  BB_INSIGHTS_PART_REPEAT_GROUP,   /* AdwPreferencesGroup, hidden if none */
  BB_INSIGHTS_PART_REPEAT_LIST,    /* GtkListBox of AdwActionRow */
  BB_INSIGHTS_PART_CHART_GROUP,    /* AdwPreferencesGroup: totals in its description */
  BB_INSIGHTS_PART_CHART,          /* BbChart */
  BB_INSIGHTS_PART_WEEKS_BUTTON,   /* GtkToggleButton */
  BB_INSIGHTS_PART_MONTHS_BUTTON,  /* GtkToggleButton */
  BB_INSIGHTS_PART_FIGURES_ROW,    /* AdwExpanderRow: one AdwActionRow a period */
  BB_INSIGHTS_PART_DOMAINS_LIST,   /* GtkListBox of AdwActionRow */
  BB_INSIGHTS_PART_PROVIDERS_LIST, /* GtkListBox of AdwActionRow */
} BbInsightsPart;

/* The figure rows (figures, domains, providers, repeated domains) show
 * their number in a GtkLabel named BB_INSIGHTS_COUNT_NAME */
#define BB_INSIGHTS_COUNT_NAME "count"

BbInsightsHealth _bb_insights_health_evaluate    (gint64          bounces,
                                                  gint64          sent,
                                                  double         *percent);
gboolean         _bb_insights_trend_is_rising    (gint64          current,
                                                  gint64          previous);
GtkWidget       *_bb_insights_page_get_part      (BbInsightsPage *self,
                                                  BbInsightsPart  part);
void             _bb_insights_page_set_now       (BbInsightsPage *self,
                                                  gint64          now);
gboolean         _bb_insights_page_is_loading    (BbInsightsPage *self);
BbInsightsHealth _bb_insights_page_get_health    (BbInsightsPage *self);
gint64           _bb_insights_page_get_n_bounces (BbInsightsPage *self);
gboolean         _bb_insights_page_is_rising     (BbInsightsPage *self);

G_END_DECLS
