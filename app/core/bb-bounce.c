/* bb-bounce.c - what one message turned out to be, and its recipients
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bb-bounce-private.h"
#include "bb-recipient-private.h"
#include "bb-typo.h"

G_DEFINE_FINAL_TYPE (BbBounce, bb_bounce, G_TYPE_OBJECT)

static void
attachment_free (gpointer data)
{
  BbAttachment *attachment = data;

  g_free (attachment->filename);
  g_free (attachment->content_type);
  g_free (attachment);
}

static void
content_hint_free (gpointer data)
{
  BbContentHint *hint = data;

  g_free (hint->detail);
  g_free (hint);
}

static void
bb_bounce_dispose (GObject *object)
{
  BbBounce *self = (BbBounce *) object;

  g_clear_pointer (&self->recipients, g_ptr_array_unref);

  G_OBJECT_CLASS (bb_bounce_parent_class)->dispose (object);
}

static void
bb_bounce_finalize (GObject *object)
{
  BbBounce *self = (BbBounce *) object;

  g_free (self->source);
  g_free (self->error);
  g_free (self->format);
  g_free (self->subject);
  g_free (self->from);
  g_free (self->date);
  g_free (self->sender_address);
  g_free (self->original_subject);
  g_free (self->original_date);
  g_free (self->original_message_id);
  g_free (self->original_text);
  g_clear_pointer (&self->original_from, _bb_mailbox_free);
  g_clear_pointer (&self->original_to, g_ptr_array_unref);
  g_clear_pointer (&self->attachments, g_ptr_array_unref);
  g_clear_pointer (&self->content_hints, g_ptr_array_unref);

  G_OBJECT_CLASS (bb_bounce_parent_class)->finalize (object);
}

static void
bb_bounce_class_init (BbBounceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bb_bounce_dispose;
  object_class->finalize = bb_bounce_finalize;
}

static void
bb_bounce_init (BbBounce *self)
{
  self->kind = BB_KIND_NOT_BOUNCE;
  self->recipients = g_ptr_array_new_with_free_func (g_object_unref);
  self->original_to = g_ptr_array_new_with_free_func ((GDestroyNotify) _bb_mailbox_free);
  self->attachments = g_ptr_array_new_with_free_func (attachment_free);
  self->content_hints = g_ptr_array_new_with_free_func (content_hint_free);
}

BbBounce *
_bb_bounce_new (const char *source)
{
  BbBounce *self = g_object_new (BB_TYPE_BOUNCE, NULL);

  self->source = g_strdup (source);
  return self;
}

BbMailbox *
_bb_mailbox_new (const char *name,
                 const char *address)
{
  BbMailbox *mailbox = g_new0 (BbMailbox, 1);

  mailbox->name = (name != NULL && *name != '\0') ? g_strdup (name) : NULL;
  mailbox->address = g_strdup (address != NULL ? address : "");
  return mailbox;
}

void
_bb_mailbox_free (BbMailbox *mailbox)
{
  if (mailbox == NULL)
    return;
  g_free (mailbox->name);
  g_free (mailbox->address);
  g_free (mailbox);
}

void
_bb_bounce_add_attachment (BbBounce   *self,
                           const char *filename,
                           const char *content_type,
                           gsize       size)
{
  BbAttachment *attachment = g_new0 (BbAttachment, 1);

  /* a file name decoded from a broken RFC 2231 or RFC 2047 value, or an
   * 8-bit type, can be anything: every output wants UTF-8 */
  attachment->filename = filename != NULL ? g_utf8_make_valid (filename, -1) : NULL;
  attachment->content_type = content_type != NULL ? g_utf8_make_valid (content_type, -1) : NULL;
  attachment->size = size;
  g_ptr_array_add (self->attachments, attachment);
}

void
_bb_bounce_add_content_hint (BbBounce   *self,
                             const char *id,
                             const char *detail)
{
  BbContentHint *hint = g_new0 (BbContentHint, 1);

  hint->id = id;
  hint->detail = g_strdup (detail);
  g_ptr_array_add (self->content_hints, hint);
}

const char *
bb_bounce_get_source (BbBounce *self)
{
  g_return_val_if_fail (BB_IS_BOUNCE (self), NULL);
  return self->source;
}

BbKind
bb_bounce_get_kind (BbBounce *self)
{
  g_return_val_if_fail (BB_IS_BOUNCE (self), BB_KIND_UNREADABLE);
  return self->kind;
}

/**
 * bb_bounce_is_bounce:
 *
 * Returns: %TRUE when the message reports a delivery failure.
 */
gboolean
bb_bounce_is_bounce (BbBounce *self)
{
  g_return_val_if_fail (BB_IS_BOUNCE (self), FALSE);
  return self->kind == BB_KIND_BOUNCE;
}

const char *
bb_bounce_get_error (BbBounce *self)
{
  g_return_val_if_fail (BB_IS_BOUNCE (self), NULL);
  return self->error;
}

const char *
bb_bounce_get_format (BbBounce *self)
{
  g_return_val_if_fail (BB_IS_BOUNCE (self), NULL);
  return self->format;
}

guint
bb_bounce_get_n_recipients (BbBounce *self)
{
  g_return_val_if_fail (BB_IS_BOUNCE (self), 0);
  return self->recipients->len;
}

/**
 * bb_bounce_get_recipient:
 *
 * Returns: (transfer none): the @index-th recipient
 */
BbRecipient *
bb_bounce_get_recipient (BbBounce *self,
                         guint     index)
{
  g_return_val_if_fail (BB_IS_BOUNCE (self), NULL);
  g_return_val_if_fail (index < self->recipients->len, NULL);
  return g_ptr_array_index (self->recipients, index);
}

/**
 * bb_bounce_suggest_from_known_domains:
 * @known_domains: (array zero-terminated=1): domains the user's mail
 *   reaches (bb_store_list_known_domains())
 *
 * For each failed recipient whose address or domain was refused and that
 * has no typo suggestion yet, compares its domain with @known_domains
 * (bb_typo_suggest_address_known()): "companay.com" gets "company.com"
 * when the user mails company.com.  The drafts then use the corrected
 * address too.
 *
 * Returns: the number of suggestions added
 */
guint
bb_bounce_suggest_from_known_domains (BbBounce          *self,
                                      const char *const *known_domains)
{
  guint n = 0;

  g_return_val_if_fail (BB_IS_BOUNCE (self), 0);

  if (known_domains == NULL || known_domains[0] == NULL ||
      (self->kind != BB_KIND_BOUNCE && self->kind != BB_KIND_DELAYED))
    return 0;
  for (guint i = 0; i < self->recipients->len; i++)
    {
      BbRecipient *r = g_ptr_array_index (self->recipients, i);

      if (r->typo_suggestion != NULL || r->address == NULL ||
          (r->category != BB_CATEGORY_ADDRESS && r->category != BB_CATEGORY_DOMAIN &&
           r->category != BB_CATEGORY_UNKNOWN))
        continue;
      r->typo_suggestion = bb_typo_suggest_address_known (r->address, known_domains);
      n += r->typo_suggestion != NULL;
    }
  return n;
}

#define GETTER(type, name)                                \
  type bb_bounce_get_##name (BbBounce *self)              \
  {                                                       \
    g_return_val_if_fail (BB_IS_BOUNCE (self), (type) 0); \
    return self->name;                                    \
  }

GETTER (const char *, subject)
GETTER (const char *, from)
GETTER (const char *, date)
GETTER (const char *, sender_address)
GETTER (const BbProvider *, sender_provider)
GETTER (const char *, original_subject)
GETTER (const char *, original_date)
GETTER (const char *, original_message_id)
GETTER (const BbMailbox *, original_from)
GETTER (GPtrArray *, original_to)
GETTER (GPtrArray *, attachments)
GETTER (gsize, original_size)
GETTER (GPtrArray *, content_hints)
GETTER (gsize, size_limit)
GETTER (const char *, original_text)

#undef GETTER

gboolean
bb_bounce_has_original (BbBounce *self)
{
  g_return_val_if_fail (BB_IS_BOUNCE (self), FALSE);
  return self->has_original;
}
