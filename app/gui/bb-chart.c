/* bb-chart.c - a stacked bar chart, drawn by the app
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One bar per column (a week, a month), stacked by series (categories),
 * with a value axis, the column labels under the bars and a legend under
 * those.  A column whose values are all zero is a gap.  Everything is
 * drawn with GtkSnapshot: colours come from a fixed palette with a light
 * and a dark variant (picked by the text colour of the current style),
 * text and grid lines from the style's foreground colour, so the chart
 * reads in light, dark and high-contrast styles alike.
 *
 * The chart is an image to assistive technologies: its accessible label
 * is the title and its description says the figures in words (see
 * bb_chart_get_summary()).  Pages also show the figures as text.
 */

#include "config.h"

#include "bb-chart.h"

#include <glib/gi18n.h>

/* Pixels */
#define PLOT_HEIGHT 200
#define TOP_PAD 8
#define AXIS_GAP 6
#define LEGEND_GAP 14
#define LEGEND_SWATCH 12
#define LEGEND_ITEM_GAP 18
#define LEGEND_LINE_GAP 6
#define MAX_BAR_WIDTH 44
#define MAX_TICKS 5

typedef struct
{
  char   *label;
  char   *sublabel;
  char   *title;
  gint64 *values;
} Column;

struct _BbChart
{
  GtkWidget parent_instance;

  /* owned */
  char      *title;
  GPtrArray *series_names;  /* char * */
  GArray    *series_colors; /* guint */
  GPtrArray *columns;       /* Column * */
  char      *summary;
};

G_DEFINE_FINAL_TYPE (BbChart, bb_chart, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_TITLE,
  PROP_SUMMARY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* GNOME's palette (the HIG's colours 3 and 1), by index: grey first for
 * "unknown", then hues far enough apart to tell side by side. */
static const guint32 palette_light[BB_CHART_N_COLORS] = {
  0x77767b,
  0xe01b24,
  0x9141ac,
  0xe66100,
  0x986a44,
  0x1c71d8,
  0xc88800,
  0x2190a4,
  0x26a269,
  0xd6336c,
  0x6e7d1a,
  0xa8a6ab,
};
static const guint32 palette_dark[BB_CHART_N_COLORS] = {
  0x9a9996,
  0xf66151,
  0xc061cb,
  0xffa348,
  0xcdab8f,
  0x62a0ea,
  0xf6d32d,
  0x5bc8d8,
  0x57e389,
  0xf17fa6,
  0xb5c74e,
  0x5e5c64,
};

static void
column_free (gpointer data)
{
  Column *column = data;

  g_free (column->label);
  g_free (column->sublabel);
  g_free (column->title);
  g_free (column->values);
  g_free (column);
}

static void
get_foreground (BbChart *self,
                GdkRGBA *rgba)
{
  /* Deprecated only from GTK 4.10 on, which has gtk_widget_get_color() */
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self)), rgba);
}

static gboolean
is_dark (BbChart *self)
{
  GdkRGBA fg;

  get_foreground (self, &fg);
  /* Light text means a dark background */
  return 0.299 * fg.red + 0.587 * fg.green + 0.114 * fg.blue > 0.5;
}

/**
 * bb_chart_get_color:
 * @color: a palette index
 * @rgba: (out): the colour for the current style
 *
 * The colour the chart gives series with colour @color, so that other
 * widgets can match it.
 */
void
bb_chart_get_color (BbChart *self,
                    guint    color,
                    GdkRGBA *rgba)
{
  guint32 rgb;

  g_return_if_fail (BB_IS_CHART (self));
  g_return_if_fail (rgba != NULL);

  rgb = (is_dark (self) ? palette_dark : palette_light)[color % BB_CHART_N_COLORS];
  rgba->red = ((rgb >> 16) & 0xff) / 255.f;
  rgba->green = ((rgb >> 8) & 0xff) / 255.f;
  rgba->blue = (rgb & 0xff) / 255.f;
  rgba->alpha = 1.f;
}

static gint64
column_total (BbChart *self,
              guint    i)
{
  Column *column = g_ptr_array_index (self->columns, i);
  gint64  total = 0;

  for (guint s = 0; s < self->series_names->len; s++)
    total += column->values[s];
  return total;
}

/* A step of 1, 2 or 5 times a power of ten that gives at most MAX_TICKS
 * steps up to @max. */
static gint64
nice_step (gint64 max)
{
  gint64 magnitude = 1;

  for (;;)
    {
      static const gint64 factors[] = { 1, 2, 5 };

      for (guint i = 0; i < G_N_ELEMENTS (factors); i++)
        if (factors[i] * magnitude * MAX_TICKS >= max)
          return factors[i] * magnitude;
      magnitude *= 10;
    }
}

static PangoLayout *
small_layout (BbChart    *self,
              const char *text)
{
  PangoLayout   *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_scale_new (PANGO_SCALE_SMALL));
  pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum=1"));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  return layout;
}

static int
layout_width (PangoLayout *layout)
{
  int width;

  pango_layout_get_pixel_size (layout, &width, NULL);
  return width;
}

static int
layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_pixel_size (layout, NULL, &height);
  return height;
}

static int
small_line_height (BbChart *self)
{
  g_autoptr (PangoLayout) layout = small_layout (self, "0");

  return layout_height (layout);
}

static gboolean
has_sublabels (BbChart *self)
{
  for (guint i = 0; i < self->columns->len; i++)
    if (((Column *) g_ptr_array_index (self->columns, i))->sublabel != NULL)
      return TRUE;
  return FALSE;
}

/* Lays the legend out in lines @width wide.  Fills @xs and @lines (one per
 * series, may be NULL) and returns the legend's height. */
static int
layout_legend (BbChart *self,
               int      width,
               int     *xs,
               int     *lines,
               int     *line_height_out)
{
  int x = 0;
  int line = 0;
  int line_height = LEGEND_SWATCH;

  if (self->series_names->len == 0)
    return 0;

  for (guint s = 0; s < self->series_names->len; s++)
    {
      g_autoptr (PangoLayout) layout =
          gtk_widget_create_pango_layout (GTK_WIDGET (self), g_ptr_array_index (self->series_names, s));
      int item_width = LEGEND_SWATCH + 6 + layout_width (layout);

      line_height = MAX (line_height, layout_height (layout));
      if (x > 0 && x + item_width > width)
        {
          line++;
          x = 0;
        }
      if (xs != NULL)
        xs[s] = x;
      if (lines != NULL)
        lines[s] = line;
      x += item_width + LEGEND_ITEM_GAP;
    }
  if (line_height_out != NULL)
    *line_height_out = line_height;
  return (line + 1) * line_height + line * LEGEND_LINE_GAP;
}

static int
labels_height (BbChart *self)
{
  return small_line_height (self) * (has_sublabels (self) ? 2 : 1);
}

static GtkSizeRequestMode
bb_chart_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
bb_chart_measure (GtkWidget     *widget,
                  GtkOrientation orientation,
                  int            for_size,
                  int           *minimum,
                  int           *natural,
                  int           *minimum_baseline,
                  int           *natural_baseline)
{
  BbChart *self = BB_CHART (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 200;
      *natural = 640;
    }
  else
    {
      int width = for_size >= 0 ? for_size : 640;

      *minimum = *natural = TOP_PAD + PLOT_HEIGHT + AXIS_GAP + labels_height (self) + LEGEND_GAP +
                            layout_legend (self, width, NULL, NULL, NULL);
    }
}

static void
append_layout (GtkSnapshot   *snapshot,
               PangoLayout   *layout,
               float          x,
               float          y,
               const GdkRGBA *color)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

typedef struct
{
  float  x0, x1; /* the plot, horizontally */
  float  y0, y1; /* the plot, vertically: y1 is the base line */
  float  slot;   /* width per column */
  float  bar;    /* width of a bar */
  gint64 axis_max;
  gint64 step;
} Geometry;

static void
compute_geometry (BbChart  *self,
                  int       width,
                  Geometry *g)
{
  gint64 max = 0;
  int    label_width = 0;

  for (guint i = 0; i < self->columns->len; i++)
    max = MAX (max, column_total (self, i));
  g->step = nice_step (MAX (max, 1));
  g->axis_max = MAX ((max + g->step - 1) / g->step, 1) * g->step;

  for (gint64 v = 0; v <= g->axis_max; v += g->step)
    {
      g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, v);
      g_autoptr (PangoLayout) layout = small_layout (self, text);

      label_width = MAX (label_width, layout_width (layout));
    }

  g->x0 = label_width + 8;
  g->x1 = MAX (width - 4, g->x0 + 1);
  g->y0 = TOP_PAD;
  g->y1 = TOP_PAD + PLOT_HEIGHT;
  g->slot = self->columns->len > 0 ? (g->x1 - g->x0) / self->columns->len : 0;
  g->bar = MIN (g->slot * 0.62f, MAX_BAR_WIDTH);
}

static void
snapshot_axis (BbChart        *self,
               GtkSnapshot    *snapshot,
               const Geometry *g,
               const GdkRGBA  *fg)
{
  GdkRGBA grid = *fg;
  GdkRGBA base = *fg;
  GdkRGBA dim = *fg;

  grid.alpha *= 0.12f;
  base.alpha *= 0.4f;
  dim.alpha *= 0.7f;

  for (gint64 v = 0; v <= g->axis_max; v += g->step)
    {
      g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, v);
      g_autoptr (PangoLayout) layout = small_layout (self, text);
      float y = g->y1 - (float) v / g->axis_max * (g->y1 - g->y0);

      gtk_snapshot_append_color (snapshot, v == 0 ? &base : &grid,
                                 &GRAPHENE_RECT_INIT (g->x0, (float) (int) y - (v == 0 ? 0.f : 0.5f), g->x1 - g->x0, 1));
      append_layout (snapshot, layout, g->x0 - 8 - layout_width (layout), y - layout_height (layout) / 2.f, &dim);
    }
}

static void
snapshot_bars (BbChart        *self,
               GtkSnapshot    *snapshot,
               const Geometry *g)
{
  float scale = (g->y1 - g->y0) / g->axis_max;

  for (guint i = 0; i < self->columns->len; i++)
    {
      Column        *column = g_ptr_array_index (self->columns, i);
      gint64         total = column_total (self, i);
      float          x = g->x0 + g->slot * i + (g->slot - g->bar) / 2;
      float          top = g->y1 - total * scale;
      float          y = g->y1;
      GskRoundedRect clip;

      if (total == 0)
        continue;

      /* Rounded at the top only */
      gsk_rounded_rect_init (&clip, &GRAPHENE_RECT_INIT (x, top, g->bar, g->y1 - top),
                             &GRAPHENE_SIZE_INIT (3, 3), &GRAPHENE_SIZE_INIT (3, 3),
                             &GRAPHENE_SIZE_INIT (0, 0), &GRAPHENE_SIZE_INIT (0, 0));
      gtk_snapshot_push_rounded_clip (snapshot, &clip);
      for (guint s = 0; s < self->series_names->len; s++)
        {
          GdkRGBA color;
          float   height = column->values[s] * scale;

          if (column->values[s] <= 0)
            continue;
          bb_chart_get_color (self, g_array_index (self->series_colors, guint, s), &color);
          /* A one-pixel seam between segments, when they are tall
           * enough, keeps neighbouring colours apart */
          gtk_snapshot_append_color (snapshot, &color,
                                     &GRAPHENE_RECT_INIT (x, y - height, g->bar, height > 3 && y < g->y1 ? height - 1 : height));
          y -= height;
        }
      gtk_snapshot_pop (snapshot);
    }
}

static void
snapshot_labels (BbChart        *self,
                 GtkSnapshot    *snapshot,
                 const Geometry *g,
                 const GdkRGBA  *fg)
{
  GdkRGBA     dim = *fg;
  int         widest = 0;
  guint       stride = 1;
  int         line = small_line_height (self);
  const char *pending = NULL;
  guint       n = self->columns->len;

  dim.alpha *= 0.6f;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (PangoLayout) layout = small_layout (self, ((Column *) g_ptr_array_index (self->columns, i))->label);

      widest = MAX (widest, layout_width (layout));
    }
  /* Label every stride-th column, counted from the newest, so that the
   * labels never touch */
  while (stride < n && stride * g->slot < widest + 8)
    stride++;

  for (guint i = 0; i < n; i++)
    {
      Column *column = g_ptr_array_index (self->columns, i);
      float   center = g->x0 + g->slot * (i + 0.5f);

      if (column->sublabel != NULL)
        pending = column->sublabel;
      if ((n - 1 - i) % stride != 0)
        continue;

      {
        g_autoptr (PangoLayout) layout = small_layout (self, column->label);
        float x = CLAMP (center - layout_width (layout) / 2.f, 0, gtk_widget_get_width (GTK_WIDGET (self)) - layout_width (layout));

        append_layout (snapshot, layout, x, g->y1 + AXIS_GAP, fg);
      }
      if (pending != NULL)
        {
          g_autoptr (PangoLayout) layout = small_layout (self, pending);
          float x = CLAMP (center - layout_width (layout) / 2.f, 0, gtk_widget_get_width (GTK_WIDGET (self)) - layout_width (layout));

          append_layout (snapshot, layout, x, g->y1 + AXIS_GAP + line, &dim);
          pending = NULL;
        }
    }
}

static void
snapshot_legend (BbChart       *self,
                 GtkSnapshot   *snapshot,
                 float          top,
                 int            width,
                 const GdkRGBA *fg)
{
  guint           n = self->series_names->len;
  g_autofree int *xs = g_new0 (int, MAX (n, 1));
  g_autofree int *lines = g_new0 (int, MAX (n, 1));
  int             line_height = 0;

  layout_legend (self, width, xs, lines, &line_height);
  for (guint s = 0; s < n; s++)
    {
      g_autoptr (PangoLayout) layout =
          gtk_widget_create_pango_layout (GTK_WIDGET (self), g_ptr_array_index (self->series_names, s));
      float          y = top + lines[s] * (line_height + LEGEND_LINE_GAP);
      GdkRGBA        color;
      GskRoundedRect swatch;

      bb_chart_get_color (self, g_array_index (self->series_colors, guint, s), &color);
      gsk_rounded_rect_init_from_rect (&swatch,
                                       &GRAPHENE_RECT_INIT (xs[s], y + (line_height - LEGEND_SWATCH) / 2.f,
                                                            LEGEND_SWATCH, LEGEND_SWATCH),
                                       3);
      gtk_snapshot_push_rounded_clip (snapshot, &swatch);
      gtk_snapshot_append_color (snapshot, &color, &swatch.bounds);
      gtk_snapshot_pop (snapshot);
      append_layout (snapshot, layout, xs[s] + LEGEND_SWATCH + 6, y, fg);
    }
}

static void
bb_chart_snapshot (GtkWidget   *widget,
                   GtkSnapshot *snapshot)
{
  BbChart *self = BB_CHART (widget);
  int      width = gtk_widget_get_width (widget);
  GdkRGBA  fg;
  Geometry g;

  if (self->columns->len == 0 || width <= 0)
    return;

  get_foreground (self, &fg);
  compute_geometry (self, width, &g);
  snapshot_axis (self, snapshot, &g, &fg);
  snapshot_bars (self, snapshot, &g);
  snapshot_labels (self, snapshot, &g, &fg);

  if (bb_chart_get_total (self) == 0)
    {
      /* Translators: drawn over an empty bar chart */
      g_autoptr (PangoLayout) layout = gtk_widget_create_pango_layout (widget, _ ("Nothing to show for this period"));
      GdkRGBA dim = fg;

      dim.alpha *= 0.6f;
      append_layout (snapshot, layout, (g.x0 + g.x1 - layout_width (layout)) / 2,
                     (g.y0 + g.y1 - layout_height (layout)) / 2, &dim);
    }

  snapshot_legend (self, snapshot, g.y1 + AXIS_GAP + labels_height (self) + LEGEND_GAP, width, &fg);
}

static gboolean
bb_chart_query_tooltip (GtkWidget  *widget,
                        int         x,
                        int         y,
                        gboolean    keyboard_mode,
                        GtkTooltip *tooltip)
{
  BbChart *self = BB_CHART (widget);
  g_autoptr (GString) markup = NULL;
  Geometry g;
  Column  *column;
  guint    i;

  if (self->columns->len == 0 || keyboard_mode)
    return FALSE;
  compute_geometry (self, gtk_widget_get_width (widget), &g);
  if (x < g.x0 || x >= g.x1 || y > g.y1 + AXIS_GAP + labels_height (self))
    return FALSE;
  i = MIN ((guint) ((x - g.x0) / g.slot), self->columns->len - 1);
  column = g_ptr_array_index (self->columns, i);

  markup = g_string_new (NULL);
  g_string_append_printf (markup, "<b>%s</b>", column->title);
  for (guint s = 0; s < self->series_names->len; s++)
    if (column->values[s] > 0)
      {
        g_autofree char *item =
            /* Translators: one line of a bar's tooltip: a category and
             * its count */
            g_markup_printf_escaped (C_ ("chart tooltip", "%s: %lld"), (char *) g_ptr_array_index (self->series_names, s),
                                     (long long) column->values[s]);

        g_string_append_c (markup, '\n');
        g_string_append (markup, item);
      }
  if (column_total (self, i) == 0)
    {
      g_string_append_c (markup, '\n');
      /* Translators: tooltip of an empty column of a bar chart */
      g_string_append (markup, _ ("None"));
    }
  gtk_tooltip_set_markup (tooltip, markup->str);
  return TRUE;
}

static void
bb_chart_css_changed (GtkWidget         *widget,
                      GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (bb_chart_parent_class)->css_changed (widget, change);
  /* The colours follow the style (light or dark), the sizes the font */
  gtk_widget_queue_resize (widget);
}

static void
update_summary (BbChart *self)
{
  g_autoptr (GString) summary = g_string_new (NULL);
  gint64 total = bb_chart_get_total (self);
  guint  n = self->columns->len;

  if (n == 0)
    {
      g_clear_pointer (&self->summary, g_free);
      self->summary = g_strdup ("");
    }
  else
    {
      Column *first = g_ptr_array_index (self->columns, 0);
      Column *last = g_ptr_array_index (self->columns, n - 1);
      gint64  most = 0;
      guint   empty = 0;
      Column *busiest = NULL;

      g_string_append_printf (summary,
                              /* Translators: the start of a chart's
                               * description for screen readers: the chart's
                               * title, its first and last column, the total */
                              g_dngettext (GETTEXT_PACKAGE, "%s, %s to %s: %lld in total.",
                                           "%s, %s to %s: %lld in total.", total),
                              self->title != NULL ? self->title : "", first->title, last->title, (long long) total);
      for (guint i = 0; i < n; i++)
        {
          gint64 column = column_total (self, i);

          if (column == 0)
            empty++;
          if (column > most)
            {
              most = column;
              busiest = g_ptr_array_index (self->columns, i);
            }
        }
      if (busiest != NULL)
        {
          g_string_append_c (summary, ' ');
          /* Translators: in a chart's description: the column with the
           * highest bar and its total */
          g_string_append_printf (summary, _ ("The most: %s, %lld."), busiest->title, (long long) most);
        }
      if (empty > 0)
        {
          g_string_append_c (summary, ' ');
          g_string_append_printf (summary,
                                  /* Translators: in a chart's description:
                                   * how many columns (weeks, months) have
                                   * no bar */
                                  g_dngettext (GETTEXT_PACKAGE, "%u of %u periods had none.",
                                               "%u of %u periods had none.", n),
                                  empty, n);
        }
      for (guint s = 0; s < self->series_names->len; s++)
        {
          gint64 series = 0;

          for (guint i = 0; i < n; i++)
            series += ((Column *) g_ptr_array_index (self->columns, i))->values[s];
          g_string_append_c (summary, ' ');
          /* Translators: in a chart's description: one category and its
           * total, one sentence each */
          g_string_append_printf (summary, _ ("%s: %lld."), (char *) g_ptr_array_index (self->series_names, s),
                                  (long long) series);
        }
      g_free (self->summary);
      self->summary = g_string_free (g_steal_pointer (&summary), FALSE);
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, self->title != NULL ? self->title : "",
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->summary,
                                  -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUMMARY]);
}

static void
bb_chart_finalize (GObject *object)
{
  BbChart *self = BB_CHART (object);

  g_free (self->title);
  g_ptr_array_unref (self->series_names);
  g_array_unref (self->series_colors);
  g_ptr_array_unref (self->columns);
  g_free (self->summary);

  G_OBJECT_CLASS (bb_chart_parent_class)->finalize (object);
}

static void
bb_chart_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  BbChart *self = BB_CHART (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_chart_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  BbChart *self = BB_CHART (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      bb_chart_set_title (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_chart_class_init (BbChartClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = bb_chart_finalize;
  object_class->get_property = bb_chart_get_property;
  object_class->set_property = bb_chart_set_property;

  widget_class->get_request_mode = bb_chart_get_request_mode;
  widget_class->measure = bb_chart_measure;
  widget_class->snapshot = bb_chart_snapshot;
  widget_class->query_tooltip = bb_chart_query_tooltip;
  widget_class->css_changed = bb_chart_css_changed;

  properties[PROP_TITLE] =
      g_param_spec_string ("title", NULL, NULL, NULL,
                           G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* The accessible description: the figures in words */
  properties[PROP_SUMMARY] =
      g_param_spec_string ("summary", NULL, NULL, NULL,
                           G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "bb-chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
bb_chart_init (BbChart *self)
{
  self->series_names = g_ptr_array_new_with_free_func (g_free);
  self->series_colors = g_array_new (FALSE, TRUE, sizeof (guint));
  self->columns = g_ptr_array_new_with_free_func (column_free);
  self->summary = g_strdup ("");
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
}

GtkWidget *
bb_chart_new (void)
{
  return g_object_new (BB_TYPE_CHART, NULL);
}

void
bb_chart_set_title (BbChart    *self,
                    const char *title)
{
  g_return_if_fail (BB_IS_CHART (self));

  if (g_strcmp0 (self->title, title) == 0)
    return;
  g_free (self->title);
  self->title = g_strdup (title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
  update_summary (self);
}

const char *
bb_chart_get_title (BbChart *self)
{
  g_return_val_if_fail (BB_IS_CHART (self), NULL);

  return self->title;
}

/**
 * bb_chart_set_data:
 * @n_series: how many series (stack segments) each column has
 * @series_names: (array length=n_series): their names, for the legend
 * @series_colors: (array length=n_series): their palette indexes; give a
 *   series the same index everywhere and it keeps its colour
 * @n_columns: how many bars
 * @columns: (array length=n_columns): the bars, oldest first
 *
 * Replaces everything the chart shows.  The values are copied.
 */
void
bb_chart_set_data (BbChart             *self,
                   guint                n_series,
                   const char *const   *series_names,
                   const guint         *series_colors,
                   guint                n_columns,
                   const BbChartColumn *columns)
{
  g_return_if_fail (BB_IS_CHART (self));
  g_return_if_fail (n_series == 0 || (series_names != NULL && series_colors != NULL));
  g_return_if_fail (n_columns == 0 || columns != NULL);

  g_ptr_array_set_size (self->series_names, 0);
  g_array_set_size (self->series_colors, 0);
  g_ptr_array_set_size (self->columns, 0);

  for (guint s = 0; s < n_series; s++)
    {
      g_ptr_array_add (self->series_names, g_strdup (series_names[s]));
      g_array_append_val (self->series_colors, series_colors[s]);
    }
  for (guint i = 0; i < n_columns; i++)
    {
      Column *column = g_new0 (Column, 1);

      column->label = g_strdup (columns[i].label);
      column->sublabel = g_strdup (columns[i].sublabel);
      column->title = g_strdup (columns[i].title != NULL ? columns[i].title : columns[i].label);
      column->values = g_new0 (gint64, MAX (n_series, 1));
      for (guint s = 0; s < n_series; s++)
        column->values[s] = MAX (columns[i].values[s], 0);
      g_ptr_array_add (self->columns, column);
    }

  update_summary (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

guint
bb_chart_get_n_columns (BbChart *self)
{
  g_return_val_if_fail (BB_IS_CHART (self), 0);

  return self->columns->len;
}

guint
bb_chart_get_n_series (BbChart *self)
{
  g_return_val_if_fail (BB_IS_CHART (self), 0);

  return self->series_names->len;
}

gint64
bb_chart_get_value (BbChart *self,
                    guint    column,
                    guint    series)
{
  g_return_val_if_fail (BB_IS_CHART (self), 0);
  g_return_val_if_fail (column < self->columns->len, 0);
  g_return_val_if_fail (series < self->series_names->len, 0);

  return ((Column *) g_ptr_array_index (self->columns, column))->values[series];
}

gint64
bb_chart_get_total (BbChart *self)
{
  gint64 total = 0;

  g_return_val_if_fail (BB_IS_CHART (self), 0);

  for (guint i = 0; i < self->columns->len; i++)
    total += column_total (self, i);
  return total;
}

/**
 * bb_chart_get_summary:
 *
 * Returns: the chart's figures in words, as given to assistive
 *   technologies as its description ("" when it has no data)
 */
const char *
bb_chart_get_summary (BbChart *self)
{
  g_return_val_if_fail (BB_IS_CHART (self), NULL);

  return self->summary;
}
