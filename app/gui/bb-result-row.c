/* bb-result-row.c - a row of the results list
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The address (or what the message is), the headline and a coloured
 * badge: hard bounce, soft bounce, delayed, not a bounce, unreadable.
 */

#include "config.h"

#include "bb-result-row.h"

struct _BbResultRow
{
  GtkWidget parent_instance;

  /* template widgets */
  GtkLabel *title_label;
  GtkLabel *headline_label;
  GtkLabel *badge_label;

  /* owned */
  BbResultItem *item;
  char         *badge_class;
};

G_DEFINE_FINAL_TYPE (BbResultRow, bb_result_row, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_ITEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
bb_result_row_dispose (GObject *object)
{
  BbResultRow *self = BB_RESULT_ROW (object);
  GtkWidget   *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), BB_TYPE_RESULT_ROW);
  /* GTK 4.8 unparents only the bound children */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->item);
  g_clear_pointer (&self->badge_class, g_free);

  G_OBJECT_CLASS (bb_result_row_parent_class)->dispose (object);
}

static void
bb_result_row_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  BbResultRow *self = BB_RESULT_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_result_row_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  BbResultRow *self = BB_RESULT_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      bb_result_row_set_item (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The tooltip: the whole source (path#N), for whoever wonders which file
 * it was.  It is looked up when it is about to show rather than set at
 * each bind: on GTK 4.8, gtk_widget_set_tooltip_text() on a visible
 * widget asks where the pointer is, an X round trip per row: filling the
 * list with 50 results took three times as long (tests/bench/bench-gui.sh). */
static gboolean
bb_result_row_query_tooltip (GtkWidget  *widget,
                             int         x,
                             int         y,
                             gboolean    keyboard_tooltip,
                             GtkTooltip *tooltip)
{
  BbResultRow *self = BB_RESULT_ROW (widget);
  const char  *source = NULL;

  if (self->item != NULL)
    source = bb_bounce_get_source (bb_result_item_get_bounce (self->item));
  if (source == NULL || source[0] == '\0')
    return FALSE;
  gtk_tooltip_set_text (tooltip, source);
  return TRUE;
}

static void
bb_result_row_class_init (BbResultRowClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bb_result_row_dispose;
  object_class->get_property = bb_result_row_get_property;
  object_class->set_property = bb_result_row_set_property;
  widget_class->query_tooltip = bb_result_row_query_tooltip;

  properties[PROP_ITEM] =
      g_param_spec_object ("item", NULL, NULL, BB_TYPE_RESULT_ITEM,
                           G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/bounceback/Bounceback/bb-result-row.ui");
  gtk_widget_class_bind_template_child (widget_class, BbResultRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, BbResultRow, headline_label);
  gtk_widget_class_bind_template_child (widget_class, BbResultRow, badge_label);
  gtk_widget_class_set_css_name (widget_class, "bb-result-row");
}

static void
bb_result_row_init (BbResultRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
}

GtkWidget *
bb_result_row_new (void)
{
  return g_object_new (BB_TYPE_RESULT_ROW, NULL);
}

/**
 * bb_result_row_get_item:
 *
 * Returns: (transfer none) (nullable): the item shown
 */
BbResultItem *
bb_result_row_get_item (BbResultRow *self)
{
  g_return_val_if_fail (BB_IS_RESULT_ROW (self), NULL);

  return self->item;
}

void
bb_result_row_set_item (BbResultRow  *self,
                        BbResultItem *item)
{
  g_autofree char *title = NULL;

  g_return_if_fail (BB_IS_RESULT_ROW (self));
  g_return_if_fail (item == NULL || BB_IS_RESULT_ITEM (item));

  if (!g_set_object (&self->item, item))
    return;

  if (self->badge_class != NULL)
    gtk_widget_remove_css_class (GTK_WIDGET (self->badge_label), self->badge_class);
  g_clear_pointer (&self->badge_class, g_free);

  if (item == NULL)
    {
      gtk_label_set_label (self->title_label, "");
      gtk_label_set_label (self->headline_label, "");
      gtk_label_set_label (self->badge_label, "");
    }
  else
    {
      title = bb_result_item_dup_title (item);
      gtk_label_set_label (self->title_label, title);
      gtk_label_set_label (self->headline_label, bb_result_item_get_headline (item));
      gtk_label_set_label (self->badge_label, bb_result_item_get_badge_label (item));
      self->badge_class = g_strdup (bb_result_item_get_badge_css_class (item));
      gtk_widget_add_css_class (GTK_WIDGET (self->badge_label), self->badge_class);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}
