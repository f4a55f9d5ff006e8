/* bb-chart.h - a stacked bar chart, drawn by the app
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* How many colours the chart's palette has; a series' colour is an index
 * below this (taken modulo it otherwise). */
#define BB_CHART_N_COLORS 12

/**
 * BbChartColumn:
 * @label: the short label under the bar ("Mar 2")
 * @sublabel: (nullable): a second, dimmer line under the label (the year
 *   where it changes), or %NULL
 * @title: the long name, for the tooltip and the accessible summary
 *   ("Week of 2 March 2026")
 * @values: one count per series, in the order of bb_chart_set_series()
 */
typedef struct
{
  const char   *label;
  const char   *sublabel;
  const char   *title;
  const gint64 *values;
} BbChartColumn;

#define BB_TYPE_CHART (bb_chart_get_type ())

G_DECLARE_FINAL_TYPE (BbChart, bb_chart, BB, CHART, GtkWidget)

GtkWidget  *bb_chart_new           (void);
void        bb_chart_set_title     (BbChart             *self,
                                    const char          *title);
const char *bb_chart_get_title     (BbChart             *self);
void        bb_chart_set_data      (BbChart             *self,
                                    guint                n_series,
                                    const char * const  *series_names,
                                    const guint         *series_colors,
                                    guint                n_columns,
                                    const BbChartColumn *columns);
guint       bb_chart_get_n_columns (BbChart             *self);
guint       bb_chart_get_n_series  (BbChart             *self);
gint64      bb_chart_get_value     (BbChart             *self,
                                    guint                column,
                                    guint                series);
gint64      bb_chart_get_total     (BbChart             *self);
const char *bb_chart_get_summary   (BbChart             *self);
void        bb_chart_get_color     (BbChart             *self,
                                    guint                color,
                                    GdkRGBA             *rgba);

G_END_DECLS
