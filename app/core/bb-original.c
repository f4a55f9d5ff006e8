/* bb-original.c - the returned original: its header fields read straight
 * from its bytes, GMime's whole tree only when something needs it
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bb-gmime-private.h"
#include "bb-header-block.h"
#include "bb-message.h"
#include "bb-original.h"
#include "bb-text.h"

#include <string.h>

/* Every notice of the usual kinds returns its original, and the analysis
 * reads only a handful of its header fields (subject, date, Message-ID,
 * From, To, two tracing fields) and, for a single-part original, its
 * size.  Having GMime build the original's tree costs more than the rest
 * of the notice's parse, so its header block is read by a #BbHeaderBlock,
 * and its parts, when something needs them (attachments, content hints),
 * by bb_mime_scan(); a block or a structure that is not plainly regular is
 * left to GMime. */

struct _BbOriginal
{
  GMimeStream   *source; /* the notice's part that is the original, or
                          * NULL: it has its own or @shared bytes */
  GByteArray    *own;    /* its own copy, or NULL */
  GBytes        *shared; /* the notice's bytes it lies in, or NULL */
  const char    *data;   /* the same bytes, read in place */
  gsize          len;
  gboolean       headers_only;
  BbHeaderBlock *block;  /* NULL: not plainly regular, GMime reads it */
  InternetAddressList *from; /* from GMime's tree, when there is no block */
  InternetAddressList *to;
  GMimeMessage  *message;   /* GMime's tree, made on demand */
  gboolean       message_done;
  GMimeObject   *body;      /* the tree below the header block, on demand */
  gboolean       body_done;
  BbMimePart    *parts;     /* its structure found by bb_mime_scan(), */
  gboolean       parts_done; /* on demand */
};

/* Bodies up to this size are parsed from a copy without the header block
 * (see bb_original_get_body()); a larger one, with its attachments, is
 * parsed where it lies, as a whole message. */
#define LIGHT_BODY_MAX (4 * 1024 * 1024)

static BbOriginal *
original_new (const char  *data,
              gsize        len,
              gboolean     headers_only)
{
  BbOriginal *self = g_new0 (BbOriginal, 1);

  self->data = data;
  self->len = len;
  self->headers_only = headers_only;
  self->block = bb_header_block_new (data, len);
  return self;
}

/**
 * bb_original_new:
 * @data: the original's bytes (copied)
 * @headers_only: it is only a header block (text/rfc822-headers, or the
 *   fields of a quoted original)
 */
BbOriginal *
bb_original_new (const char *data,
                 gsize       len,
                 gboolean    headers_only)
{
  GByteArray *bytes = g_byte_array_sized_new (len + 1);
  BbOriginal *self;

  if (len > 0)
    g_byte_array_append (bytes, (const guint8 *) data, len);
  self = original_new ((const char *) bytes->data, len, headers_only);
  self->own = bytes;
  return self;
}

/**
 * bb_original_new_for_stream:
 * @stream: a GMime memory stream (a part's content, as parsed)
 *
 * The original read in place, from the notice's own buffer: no copy,
 * which counts when the returned original carries a large attachment.
 *
 * Returns: (nullable): the original, or %NULL when @stream is no memory
 *   stream
 */
BbOriginal *
bb_original_new_for_stream (GMimeStream *stream,
                            gboolean     headers_only)
{
  gsize       len = 0;
  const char *data = bb_message_stream_data (stream, &len);
  BbOriginal *self;

  if (data == NULL)
    return NULL;
  self = original_new (data, len, headers_only);
  self->source = g_object_ref (stream);
  return self;
}

/**
 * bb_original_new_for_bytes:
 * @bytes: the notice's bytes (a reference is kept)
 * @offset: where the original starts in them
 *
 * The original read in place, from the notice's own bytes: no copy.
 */
BbOriginal *
bb_original_new_for_bytes (GBytes  *bytes,
                           gsize    offset,
                           gsize    len,
                           gboolean headers_only)
{
  gsize       size = 0;
  const char *data = g_bytes_get_data (bytes, &size);
  BbOriginal *self;

  g_return_val_if_fail (offset <= size && len <= size - offset, NULL);
  self = original_new (data + offset, len, headers_only);
  self->shared = g_bytes_ref (bytes);
  return self;
}

void
bb_original_free (BbOriginal *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->block, bb_header_block_free);
  g_clear_object (&self->from);
  g_clear_object (&self->to);
  g_clear_object (&self->body);
  g_clear_pointer (&self->parts, bb_mime_part_free);
  g_clear_object (&self->message);
  g_clear_object (&self->source);
  g_clear_pointer (&self->shared, g_bytes_unref);
  if (self->own != NULL)
    g_byte_array_unref (self->own);
  g_free (self);
}

gboolean
bb_original_is_headers_only (BbOriginal *self)
{
  return self->headers_only;
}

/* Whether the header fields were read without GMime's tree (for tests). */
gboolean
bb_original_is_light (BbOriginal *self)
{
  return self->block != NULL;
}

const char *
bb_original_get_data (BbOriginal *self,
                      gsize      *len)
{
  *len = self->len;
  return self->data;
}

/**
 * bb_original_get_message:
 *
 * GMime's tree of the whole original, parsed the first time it is asked
 * for.
 *
 * Returns: (transfer none) (nullable): the message
 */
GMimeMessage *
bb_original_get_message (BbOriginal *self)
{
  if (!self->message_done)
    {
      self->message_done = TRUE;
      if (self->source != NULL)
        self->message = bb_message_parse_attached_stream (self->source, self->block != NULL);
      else
        {
          /* a stream on its own bytes, made only now: most originals
           * never need GMime's tree */
          g_autoptr (GMimeStream) stream = g_mime_stream_mem_new_with_buffer (self->data, self->len);

          self->message = bb_message_parse_attached_stream (stream, self->block != NULL);
        }
    }
  return self->message;
}

/**
 * bb_original_get_body:
 *
 * The original's MIME tree (its parts, its attachments), parsed the first
 * time it is asked for; as g_mime_message_get_mime_part() on
 * bb_original_get_message(), without a GMime object for each header
 * field when the header block is plainly regular.
 *
 * Returns: (transfer none) (nullable): the top part
 */
GMimeObject *
bb_original_get_body (BbOriginal *self)
{
  if (!self->body_done)
    {
      self->body_done = TRUE;
      if (self->block != NULL && !self->message_done &&
          self->len - bb_header_block_get_body_offset (self->block) <= LIGHT_BODY_MAX)
        self->body = bb_message_parse_body (self->block, self->data, self->len);
      if (self->body == NULL)
        {
          GMimeMessage *message = bb_original_get_message (self);
          GMimeObject  *body = message != NULL ? g_mime_message_get_mime_part (message) : NULL;

          self->body = body != NULL ? g_object_ref (body) : NULL;
        }
    }
  return self->body;
}

/**
 * bb_original_get_parts:
 *
 * The original's structure found by bb_mime_scan(), the first time it is
 * asked for: what GMime's tree has (see bb_original_get_body()), without
 * GMime's objects, when the structure is plainly regular.
 *
 * Returns: (transfer none) (nullable): the top part, or %NULL: ask
 *   bb_original_get_body()
 */
BbMimePart *
bb_original_get_parts (BbOriginal *self)
{
  if (!self->parts_done)
    {
      self->parts_done = TRUE;
      if (self->block != NULL && !self->headers_only)
        self->parts = bb_mime_scan (self->block, self->data, self->len);
    }
  return self->parts;
}

/**
 * bb_original_foreach_leaf:
 *
 * As bb_message_foreach_leaf() on bb_original_get_body().
 */
void
bb_original_foreach_leaf (BbOriginal *self,
                          BbLeafFunc  func,
                          gpointer    data)
{
  BbMimePart  *parts = bb_original_get_parts (self);
  GMimeObject *body = parts == NULL ? bb_original_get_body (self) : NULL;

  if (parts != NULL)
    bb_mime_part_foreach_leaf (parts, func, data);
  else if (body != NULL)
    bb_message_foreach_leaf (body, func, data);
}

/**
 * bb_original_collect_bodies:
 *
 * As bb_message_collect_bodies() on bb_original_get_body().
 */
void
bb_original_collect_bodies (BbOriginal *self,
                            GString    *text,
                            GString    *html,
                            gsize       max)
{
  BbMimePart  *parts = bb_original_get_parts (self);
  GMimeObject *body = parts == NULL ? bb_original_get_body (self) : NULL;

  if (parts != NULL)
    bb_mime_part_collect_bodies (parts, text, html, max);
  else if (body != NULL)
    bb_message_collect_bodies (body, text, html, max, 0);
}

/**
 * bb_original_get_subject:
 *
 * As g_mime_message_get_subject(): the last Subject field, decoded.
 */
const char *
bb_original_get_subject (BbOriginal *self)
{
  GMimeMessage *message;

  if (self->block != NULL)
    return bb_header_block_get_subject (self->block);
  message = bb_original_get_message (self);
  return message != NULL ? g_mime_message_get_subject (message) : NULL;
}

/**
 * bb_original_get_message_id:
 *
 * As g_mime_message_get_message_id(): the last Message-ID, without its
 * angle brackets.
 */
const char *
bb_original_get_message_id (BbOriginal *self)
{
  GMimeMessage *message;

  if (self->block != NULL)
    return bb_header_block_get_message_id (self->block);
  message = bb_original_get_message (self);
  return message != NULL ? g_mime_message_get_message_id (message) : NULL;
}

/**
 * bb_original_get_header:
 *
 * As g_mime_object_get_header(): the first field of that name, unfolded
 * and decoded.
 */
const char *
bb_original_get_header (BbOriginal *self,
                        const char *name)
{
  GMimeMessage *message;

  if (self->block != NULL)
    return bb_header_block_get (self->block, name);
  message = bb_original_get_message (self);
  return message != NULL ? g_mime_object_get_header (GMIME_OBJECT (message), name) : NULL;
}

static InternetAddressList *
tree_addresses (BbOriginal           *self,
                GMimeAddressType      type,
                InternetAddressList **slot)
{
  if (*slot == NULL)
    {
      GMimeMessage *message = bb_original_get_message (self);

      *slot = message != NULL ? g_object_ref (g_mime_message_get_addresses (message, type))
                              : internet_address_list_new ();
    }
  return *slot;
}

/**
 * bb_original_get_from:
 *
 * As g_mime_message_get_from(): the addresses of every From field.
 *
 * Returns: (transfer none): the list (maybe empty)
 */
InternetAddressList *
bb_original_get_from (BbOriginal *self)
{
  if (self->block != NULL)
    return bb_header_block_get_from (self->block);
  return tree_addresses (self, GMIME_ADDRESS_TYPE_FROM, &self->from);
}

/**
 * bb_original_get_to:
 *
 * As g_mime_message_get_to().
 *
 * Returns: (transfer none): the list (maybe empty)
 */
InternetAddressList *
bb_original_get_to (BbOriginal *self)
{
  if (self->block != NULL)
    return bb_header_block_get_to (self->block);
  return tree_addresses (self, GMIME_ADDRESS_TYPE_TO, &self->to);
}

static char *
raw_value (BbHeaderBlock *block,
           int            i)
{
  gsize       len = 0;
  const char *raw = bb_header_block_get_raw (block, (guint) i, &len);

  return g_strndup (raw, len);
}

/**
 * bb_original_get_single_part:
 * @size: (out): the body's decoded size, estimated as
 *   bb_message_part_size() does
 *
 * Whether the original is one plain text part that is no attachment:
 * then its size is known without GMime's tree.  FALSE says nothing about
 * the original, only that its parts must be read from the tree.
 */
gboolean
bb_original_get_single_part (BbOriginal *self,
                             gsize      *size)
{
  BbHeaderBlock *block = self->block;
  int            type;
  int            encoding;
  gsize          body;

  *size = 0;
  if (block == NULL || self->headers_only || bb_header_block_find (block, "Content-Disposition", FALSE) >= 0)
    return FALSE;
  type = bb_header_block_find (block, "Content-Type", FALSE);
  if (type >= 0)
    {
      g_autofree char *raw = raw_value (block, type);
      g_autofree char *type_text = g_strstrip (bb_text_ascii_lower (raw, -1));

      /* text/… with no file name; anything else goes to the tree */
      if (!g_str_has_prefix (type_text, "text/") || strstr (type_text, "name") != NULL ||
          bb_header_block_count (block, "Content-Type") > 1)
        return FALSE;
    }
  body = self->len - bb_header_block_get_body_offset (block);
  encoding = bb_header_block_find (block, "Content-Transfer-Encoding", FALSE);
  if (encoding >= 0)
    {
      g_autofree char *raw = raw_value (block, encoding);

      if (bb_header_block_count (block, "Content-Transfer-Encoding") > 1)
        return FALSE;
      if (g_mime_content_encoding_from_string (g_strstrip (raw)) == GMIME_CONTENT_ENCODING_BASE64)
        body = body * 3 / 4;
    }
  *size = body;
  return TRUE;
}
