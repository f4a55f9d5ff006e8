/* bb-original.c - the returned original: its header fields read straight
 * from its bytes, GMime's whole tree only when something needs it
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bb-gmime-private.h"
#include "bb-message.h"
#include "bb-original.h"

#include <string.h>

/* Every notice of the usual kinds returns its original, and the analysis
 * reads only a handful of its header fields (subject, date, Message-ID,
 * From, To, two tracing fields) and, for a single-part original, its
 * size.  Having GMime build the original's tree costs more than the rest
 * of the notice's parse: a GMimeMessage with its address lists, a
 * GMimeHeader for each of its dozens of fields, the parts below.  So the
 * header block is split here, field by field, and each value goes through
 * the very GMime functions GMimeMessage uses (unfold, RFC 2047 decode with
 * the same parser options, address-list parse).  A header block that is
 * not plainly regular (a line that is neither a field nor a continuation,
 * a NUL byte) leaves all of it to GMime, as does whatever needs the body. */

typedef struct
{
  const char *name;
  gsize       name_len;
  const char *value; /* raw: after the colon, folding included */
  gsize       value_len;
} Field;

typedef struct
{
  char *name;
  char *value; /* NULL: no such field */
} Cached;

/* A value read the first time it is asked for. */
typedef struct
{
  gboolean done;
  char    *value;
} Lazy;

struct _BbOriginal
{
  GMimeStream  *stream; /* its bytes: a memory stream of its own, or a
                         * window on the notice's (no copy) */
  const char   *data;   /* the same bytes, read in place */
  gsize         len;
  gboolean      headers_only;
  gboolean      light;     /* the header block was split here */
  GArray       *fields;    /* Field */
  gsize         body_offset;
  GArray       *cache;     /* Cached */
  Lazy          subject;
  Lazy          message_id;
  InternetAddressList *from;
  InternetAddressList *to;
  GMimeMessage *message;   /* GMime's tree, made on demand */
  gboolean      message_done;
};

static gboolean
is_field_name_char (guchar c)
{
  return c > 32 && c < 127 && c != ':';
}

/* Splits the header block; FALSE when it is not plainly regular. */
static gboolean
split_fields (BbOriginal *self)
{
  const char *p = self->data;
  const char *end = self->data + self->len;
  Field      *current = NULL;

  if (memchr (self->data, '\0', self->len) != NULL)
    return FALSE;
  while (p < end)
    {
      const char *eol = memchr (p, '\n', end - p);
      const char *line_end = eol != NULL ? eol : end;
      const char *next = eol != NULL ? eol + 1 : end;

      if (line_end == p || (line_end == p + 1 && *p == '\r'))
        {
          /* a blank line before any field: GMime reads on past it */
          if (current == NULL)
            return FALSE;
          self->body_offset = next - self->data;
          return TRUE;
        }
      if (*p == ' ' || *p == '\t')
        {
          if (current == NULL)
            return FALSE;
          current->value_len = line_end - current->value;
        }
      else
        {
          const char *q = p;
          Field       field;

          while (q < line_end && is_field_name_char ((guchar) *q))
            q++;
          if (q == p || q >= line_end || *q != ':')
            return FALSE;
          field.name = p;
          field.name_len = q - p;
          field.value = q + 1;
          field.value_len = line_end - (q + 1);
          g_array_append_val (self->fields, field);
          current = &g_array_index (self->fields, Field, self->fields->len - 1);
        }
      p = next;
    }
  self->body_offset = self->len;
  return TRUE;
}

static BbOriginal *
original_new (GMimeStream *stream,
              const char  *data,
              gsize        len,
              gboolean     headers_only)
{
  BbOriginal *self = g_new0 (BbOriginal, 1);

  self->stream = stream;
  self->data = data;
  self->len = len;
  self->headers_only = headers_only;
  self->fields = g_array_sized_new (FALSE, FALSE, sizeof (Field), 24);
  self->cache = g_array_new (FALSE, TRUE, sizeof (Cached));
  self->light = split_fields (self);
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
  GByteArray  *bytes = g_byte_array_sized_new (len + 1);
  GMimeStream *stream;

  if (len > 0)
    g_byte_array_append (bytes, (const guint8 *) data, len);
  stream = g_mime_stream_mem_new_with_byte_array (bytes);
  return original_new (stream, (const char *) bytes->data, len, headers_only);
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
  GByteArray *buffer;
  gint64      start, end;

  if (!GMIME_IS_STREAM_MEM (stream))
    return NULL;
  buffer = g_mime_stream_mem_get_byte_array (GMIME_STREAM_MEM (stream));
  start = stream->bound_start;
  end = stream->bound_end < 0 ? (gint64) buffer->len : stream->bound_end;
  if (buffer == NULL || start < 0 || start > end || end > (gint64) buffer->len)
    return NULL;
  return original_new (g_mime_stream_substream (stream, start, end), (const char *) buffer->data + start,
                       (gsize) (end - start), headers_only);
}

void
bb_original_free (BbOriginal *self)
{
  if (self == NULL)
    return;
  for (guint i = 0; i < self->cache->len; i++)
    {
      Cached *c = &g_array_index (self->cache, Cached, i);
      g_free (c->name);
      g_free (c->value);
    }
  g_array_unref (self->cache);
  g_array_unref (self->fields);
  g_free (self->subject.value);
  g_free (self->message_id.value);
  g_clear_object (&self->from);
  g_clear_object (&self->to);
  g_clear_object (&self->message);
  g_clear_object (&self->stream);
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
  return self->light;
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
      self->message = bb_message_parse_attached_stream (self->stream, self->light);
    }
  return self->message;
}

static gboolean
field_is (const Field *field,
          const char  *name)
{
  gsize len = strlen (name);

  return field->name_len == len && g_ascii_strncasecmp (field->name, name, len) == 0;
}

static char *
field_raw (const Field *field)
{
  return g_strndup (field->value, field->value_len);
}

/* As GMime's GMimeHeader value: unfolded, RFC 2047 decoded. */
static char *
field_text (const Field *field)
{
  g_autofree char *raw = field_raw (field);
  g_autofree char *unfolded = g_mime_utils_header_unfold (raw);
  g_autoptr (GMimeParserOptions) options = bb_message_parser_options_new ();

  return g_mime_utils_header_decode_text (options, unfolded);
}

static const Field *
find_field (BbOriginal *self,
            const char *name,
            gboolean    last)
{
  const Field *found = NULL;

  for (guint i = 0; i < self->fields->len; i++)
    {
      const Field *field = &g_array_index (self->fields, Field, i);

      if (field_is (field, name))
        {
          found = field;
          if (!last)
            break;
        }
    }
  return found;
}

static char *
field_message_id (const Field *field)
{
  g_autofree char *raw = field_raw (field);

  return g_mime_utils_decode_message_id (raw);
}

/* The last field of that name, as @decode reads it, once. */
static const char *
last_field_value (BbOriginal *self,
                  const char *name,
                  Lazy       *slot,
                  char     *(*decode) (const Field *field))
{
  if (!slot->done)
    {
      const Field *field = find_field (self, name, TRUE);

      slot->done = TRUE;
      slot->value = field != NULL ? decode (field) : NULL;
    }
  return slot->value;
}

/**
 * bb_original_get_subject:
 *
 * As g_mime_message_get_subject(): the last Subject field, decoded.
 */
const char *
bb_original_get_subject (BbOriginal *self)
{
  if (!self->light)
    {
      GMimeMessage *message = bb_original_get_message (self);
      return message != NULL ? g_mime_message_get_subject (message) : NULL;
    }
  return last_field_value (self, "Subject", &self->subject, field_text);
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
  if (!self->light)
    {
      GMimeMessage *message = bb_original_get_message (self);
      return message != NULL ? g_mime_message_get_message_id (message) : NULL;
    }
  return last_field_value (self, "Message-ID", &self->message_id, field_message_id);
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
  Cached       c = { 0 };
  const Field *field;

  if (!self->light)
    {
      GMimeMessage *message = bb_original_get_message (self);
      return message != NULL ? g_mime_object_get_header (GMIME_OBJECT (message), name) : NULL;
    }
  for (guint i = 0; i < self->cache->len; i++)
    {
      Cached *cached = &g_array_index (self->cache, Cached, i);
      if (g_ascii_strcasecmp (cached->name, name) == 0)
        return cached->value;
    }
  field = find_field (self, name, FALSE);
  c.name = g_strdup (name);
  c.value = field != NULL ? field_text (field) : NULL;
  g_array_append_val (self->cache, c);
  return c.value;
}

static InternetAddressList *
addresses (BbOriginal *self,
           const char *name)
{
  InternetAddressList *list = internet_address_list_new ();
  g_autoptr (GMimeParserOptions) options = NULL;

  for (guint i = 0; i < self->fields->len; i++)
    {
      const Field *field = &g_array_index (self->fields, Field, i);
      g_autofree char *raw = NULL;
      g_autoptr (InternetAddressList) parsed = NULL;

      if (!field_is (field, name))
        continue;
      if (options == NULL)
        options = bb_message_parser_options_new ();
      raw = field_raw (field);
      parsed = internet_address_list_parse (options, raw);
      if (parsed != NULL)
        internet_address_list_append (list, parsed);
    }
  return list;
}

static guint
count_fields (BbOriginal *self,
              const char *name)
{
  guint n = 0;

  for (guint i = 0; i < self->fields->len; i++)
    if (field_is (&g_array_index (self->fields, Field, i), name))
      n++;
  return n;
}

static InternetAddressList *
get_addresses (BbOriginal           *self,
               const char           *name,
               GMimeAddressType      type,
               InternetAddressList **slot)
{
  if (*slot != NULL)
    return *slot;
  if (!self->light)
    {
      GMimeMessage *message = bb_original_get_message (self);

      *slot = message != NULL ? g_object_ref (g_mime_message_get_addresses (message, type))
                              : internet_address_list_new ();
    }
  else
    *slot = addresses (self, name);
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
  return get_addresses (self, "From", GMIME_ADDRESS_TYPE_FROM, &self->from);
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
  return get_addresses (self, "To", GMIME_ADDRESS_TYPE_TO, &self->to);
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
  const Field     *type;
  const Field     *encoding;
  g_autofree char *type_text = NULL;
  gsize            body;

  *size = 0;
  if (!self->light || self->headers_only || find_field (self, "Content-Disposition", FALSE) != NULL)
    return FALSE;
  type = find_field (self, "Content-Type", FALSE);
  if (type != NULL)
    {
      g_autofree char *raw = field_raw (type);

      type_text = g_strstrip (g_ascii_strdown (raw, -1));
      /* text/… with no file name; anything else goes to the tree */
      if (!g_str_has_prefix (type_text, "text/") || strstr (type_text, "name") != NULL ||
          count_fields (self, "Content-Type") > 1)
        return FALSE;
    }
  body = self->len - self->body_offset;
  encoding = find_field (self, "Content-Transfer-Encoding", FALSE);
  if (encoding != NULL)
    {
      g_autofree char *raw = field_raw (encoding);

      if (count_fields (self, "Content-Transfer-Encoding") > 1)
        return FALSE;
      if (g_mime_content_encoding_from_string (g_strstrip (raw)) == GMIME_CONTENT_ENCODING_BASE64)
        body = body * 3 / 4;
    }
  *size = body;
  return TRUE;
}
