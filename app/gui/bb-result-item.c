/* bb-result-item.c - one line of the results list: a message and one of
 * its recipients
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A message with three failed recipients gives three lines; a message
 * with none (an auto-reply, an unreadable file) gives one, so that bad
 * input is still listed and says plainly what it is.
 */

#include "config.h"

#include "bb-result-item.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bb-kb.h"

struct _BbResultItem
{
  GObject parent_instance;

  BbBounce *bounce;
  guint     recipient_index;
};

G_DEFINE_FINAL_TYPE (BbResultItem, bb_result_item, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_BOUNCE,
  PROP_RECIPIENT_INDEX,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
bb_result_item_dispose (GObject *object)
{
  BbResultItem *self = BB_RESULT_ITEM (object);

  g_clear_object (&self->bounce);

  G_OBJECT_CLASS (bb_result_item_parent_class)->dispose (object);
}

static void
bb_result_item_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  BbResultItem *self = BB_RESULT_ITEM (object);

  switch (prop_id)
    {
    case PROP_BOUNCE:
      g_value_set_object (value, self->bounce);
      break;
    case PROP_RECIPIENT_INDEX:
      g_value_set_uint (value, self->recipient_index);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_result_item_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  BbResultItem *self = BB_RESULT_ITEM (object);

  switch (prop_id)
    {
    case PROP_BOUNCE:
      self->bounce = g_value_dup_object (value);
      break;
    case PROP_RECIPIENT_INDEX:
      self->recipient_index = g_value_get_uint (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_result_item_class_init (BbResultItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bb_result_item_dispose;
  object_class->get_property = bb_result_item_get_property;
  object_class->set_property = bb_result_item_set_property;

  properties[PROP_BOUNCE] =
      g_param_spec_object ("bounce", NULL, NULL, BB_TYPE_BOUNCE,
                           G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RECIPIENT_INDEX] =
      g_param_spec_uint ("recipient-index", NULL, NULL, 0, G_MAXUINT, 0,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bb_result_item_init (BbResultItem *self)
{
}

BbResultItem *
bb_result_item_new (BbBounce *bounce,
                    guint     recipient_index)
{
  g_return_val_if_fail (BB_IS_BOUNCE (bounce), NULL);

  return g_object_new (BB_TYPE_RESULT_ITEM,
                       "bounce", bounce,
                       "recipient-index", recipient_index,
                       NULL);
}

BbBounce *
bb_result_item_get_bounce (BbResultItem *self)
{
  g_return_val_if_fail (BB_IS_RESULT_ITEM (self), NULL);

  return self->bounce;
}

guint
bb_result_item_get_recipient_index (BbResultItem *self)
{
  g_return_val_if_fail (BB_IS_RESULT_ITEM (self), 0);

  return self->recipient_index;
}

/**
 * bb_result_item_get_recipient:
 *
 * Returns: (transfer none) (nullable): the recipient, or %NULL when the
 *   message names none
 */
BbRecipient *
bb_result_item_get_recipient (BbResultItem *self)
{
  g_return_val_if_fail (BB_IS_RESULT_ITEM (self), NULL);

  if (self->recipient_index >= bb_bounce_get_n_recipients (self->bounce))
    return NULL;
  return bb_bounce_get_recipient (self->bounce, self->recipient_index);
}

/**
 * bb_result_item_dup_title:
 *
 * Returns: (transfer full): the recipient's address, or else the
 *   message's subject, or else the name of its file
 */
char *
bb_result_item_dup_title (BbResultItem *self)
{
  BbRecipient *recipient;
  const char  *subject;
  const char  *source;
  const char  *hash;

  g_return_val_if_fail (BB_IS_RESULT_ITEM (self), NULL);

  recipient = bb_result_item_get_recipient (self);
  if (recipient != NULL && bb_recipient_get_address (recipient) != NULL &&
      bb_recipient_get_address (recipient)[0] != '\0')
    return g_strdup (bb_recipient_get_address (recipient));

  subject = bb_bounce_get_subject (self->bounce);
  if (subject != NULL && subject[0] != '\0')
    return g_strdup (subject);

  source = bb_bounce_get_source (self->bounce);
  if (source == NULL || source[0] == '\0')
    /* Translators: the name of a result whose message has no subject and
     * no file name */
    return g_strdup (_ ("Untitled message"));
  /* "folder/box.mbox#12": keep "box.mbox#12" */
  hash = strrchr (source, '#');
  if (hash != NULL)
    {
      g_autofree char *path = g_strndup (source, hash - source);
      g_autofree char *base = g_path_get_basename (path);

      return g_strconcat (base, hash, NULL);
    }
  return g_path_get_basename (source);
}

/**
 * bb_result_item_get_headline:
 *
 * Returns: one short translated sentence: what went wrong, or what the
 *   message is when it is no failure
 */
const char *
bb_result_item_get_headline (BbResultItem *self)
{
  BbRecipient *recipient;

  g_return_val_if_fail (BB_IS_RESULT_ITEM (self), NULL);

  recipient = bb_result_item_get_recipient (self);
  switch (bb_bounce_get_kind (self->bounce))
    {
    case BB_KIND_BOUNCE:
      if (recipient == NULL)
        return bb_kb_category_title (BB_CATEGORY_UNKNOWN);
      return bb_kb_category_title (bb_recipient_get_category (recipient));
    case BB_KIND_DELAYED:
      return _ ("Delivery is delayed; the server keeps trying");
    case BB_KIND_AUTOREPLY:
      return _ ("An automatic reply, not a bounce");
    case BB_KIND_FEEDBACK:
      return _ ("A complaint report, not a bounce");
    case BB_KIND_DELIVERED:
      return _ ("A delivery report: the message arrived");
    case BB_KIND_NOT_BOUNCE:
      return _ ("This message is not a bounce");
    case BB_KIND_UNREADABLE:
      return _ ("The file could not be read");
    default:
      return bb_kb_category_title (BB_CATEGORY_UNKNOWN);
    }
}

BbResultBadge
bb_result_item_get_badge (BbResultItem *self)
{
  BbRecipient *recipient;

  g_return_val_if_fail (BB_IS_RESULT_ITEM (self), BB_RESULT_BADGE_NOT_BOUNCE);

  switch (bb_bounce_get_kind (self->bounce))
    {
    case BB_KIND_BOUNCE:
      recipient = bb_result_item_get_recipient (self);
      if (recipient != NULL && !bb_recipient_get_hard_bounce (recipient))
        return BB_RESULT_BADGE_SOFT;
      return BB_RESULT_BADGE_HARD;
    case BB_KIND_DELAYED:
      return BB_RESULT_BADGE_DELAYED;
    case BB_KIND_UNREADABLE:
      return BB_RESULT_BADGE_UNREADABLE;
    case BB_KIND_AUTOREPLY:
    case BB_KIND_FEEDBACK:
    case BB_KIND_DELIVERED:
    case BB_KIND_NOT_BOUNCE:
    default:
      return BB_RESULT_BADGE_NOT_BOUNCE;
    }
}

const char *
bb_result_item_get_badge_label (BbResultItem *self)
{
  g_return_val_if_fail (BB_IS_RESULT_ITEM (self), NULL);

  switch (bb_result_item_get_badge (self))
    {
    case BB_RESULT_BADGE_HARD:
      /* Translators: a short badge; a hard bounce will not go away by
       * itself (the address does not exist, …) */
      return _ ("Hard bounce");
    case BB_RESULT_BADGE_SOFT:
      /* Translators: a short badge; a soft bounce may go away by itself
       * (mailbox full, server busy, …) */
      return _ ("Soft bounce");
    case BB_RESULT_BADGE_DELAYED:
      /* Translators: a short badge */
      return _ ("Delayed");
    case BB_RESULT_BADGE_UNREADABLE:
      /* Translators: a short badge, for a file that could not be read */
      return _ ("Unreadable");
    case BB_RESULT_BADGE_NOT_BOUNCE:
    default:
      /* Translators: a short badge, for an auto-reply, a delivery report … */
      return _ ("Not a bounce");
    }
}

/**
 * bb_result_item_get_badge_css_class:
 *
 * Returns: the style class of the badge (see resources/style.css)
 */
const char *
bb_result_item_get_badge_css_class (BbResultItem *self)
{
  g_return_val_if_fail (BB_IS_RESULT_ITEM (self), NULL);

  switch (bb_result_item_get_badge (self))
    {
    case BB_RESULT_BADGE_HARD:
      return "hard";
    case BB_RESULT_BADGE_SOFT:
      return "soft";
    case BB_RESULT_BADGE_DELAYED:
      return "delayed";
    case BB_RESULT_BADGE_UNREADABLE:
      return "unreadable";
    case BB_RESULT_BADGE_NOT_BOUNCE:
    default:
      return "not-bounce";
    }
}

/**
 * bb_result_items_append:
 * @store: a #GListStore of #BbResultItem
 * @bounces: (element-type BbBounce): results
 * @from: the first of @bounces to add
 *
 * Appends one item per recipient (one for a message with none) of
 * @bounces[@from…], with a single items-changed.
 */
void
bb_result_items_append (GListStore *store,
                        GPtrArray  *bounces,
                        guint       from)
{
  g_autoptr (GPtrArray) items = NULL;

  g_return_if_fail (G_IS_LIST_STORE (store));
  g_return_if_fail (bounces != NULL);

  if (from >= bounces->len)
    return;
  items = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = from; i < bounces->len; i++)
    {
      BbBounce *bounce = g_ptr_array_index (bounces, i);
      guint     n = MAX (1, bb_bounce_get_n_recipients (bounce));

      for (guint r = 0; r < n; r++)
        g_ptr_array_add (items, bb_result_item_new (bounce, r));
    }
  g_list_store_splice (store, g_list_model_get_n_items (G_LIST_MODEL (store)), 0,
                       items->pdata, items->len);
}
