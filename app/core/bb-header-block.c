/* bb-header-block.c - a message's header block, split field by field and
 * read the way GMime reads it, without GMime's objects
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bb-gmime-private.h"
#include "bb-header-block.h"
#include "bb-message.h"

#include <string.h>

/* GMime turns every header field into a GMimeHeader object, and a
 * GMimeMessage decodes its subject, date, Message-ID and six address lists
 * as the fields arrive, whether anybody reads them or not.  For a notice
 * (or the original it returns) the analysis reads a dozen fields out of
 * dozens.  So the block is split here, and each value goes, when first
 * asked for, through the very GMime functions GMimeMessage uses (unfold,
 * RFC 2047 decode with the same parser options, address-list parse).
 *
 * Only a plainly regular block is split: every line a field ("Name:", the
 * name printable ASCII) or the continuation of one, up to a blank line,
 * and no NUL byte.  Anything else (a stray first line, a space before the
 * colon, a blank line before any field) is left to GMime, whose handling
 * of such blocks is its own. */

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

struct _BbHeaderBlock
{
  char                *bytes;  /* a copy of the block */
  GArray              *fields; /* Field, pointing into @bytes */
  gsize                body_offset;
  GArray              *cache;  /* Cached */
  Lazy                 subject;
  Lazy                 message_id;
  InternetAddressList *from;
  InternetAddressList *to;
};

static gboolean
is_field_name_char (guchar c)
{
  return c > 32 && c < 127 && c != ':';
}

/**
 * bb_header_block_foreach:
 * @data: a header block, from its first field on, then anything
 * @func: called for each field, in order, with its name and its raw value
 *   (after the colon, folding included, not NUL-terminated)
 *
 * Reads a plainly regular header block (see above) where it lies.
 *
 * Returns: where the body starts (after the blank line, or @len when the
 *   block runs to the end), or 0 when the block is not plainly regular
 *   (@func may have been called for fields before the irregular line)
 */
gsize
bb_header_block_foreach (const char   *data,
                         gsize         len,
                         BbFieldFunc   func,
                         gpointer      user_data)
{
  const char *p = data;
  const char *end = data + len;
  Field       current = { NULL, 0, NULL, 0 };

  if (memchr (data, '\0', len) != NULL)
    return 0;
  while (p < end)
    {
      const char *eol = memchr (p, '\n', end - p);
      const char *line_end = eol != NULL ? eol : end;
      const char *next = eol != NULL ? eol + 1 : end;

      if (line_end == p || (line_end == p + 1 && *p == '\r'))
        {
          /* a blank line before any field: GMime reads on past it */
          if (current.name == NULL)
            return 0;
          func (current.name, current.name_len, current.value, current.value_len, user_data);
          return next - data;
        }
      if (*p == ' ' || *p == '\t')
        {
          if (current.name == NULL)
            return 0;
          current.value_len = line_end - current.value;
        }
      else
        {
          const char *q = p;

          while (q < line_end && is_field_name_char ((guchar) *q))
            q++;
          if (q == p || q >= line_end || *q != ':')
            return 0;
          if (current.name != NULL)
            func (current.name, current.name_len, current.value, current.value_len, user_data);
          current.name = p;
          current.name_len = q - p;
          current.value = q + 1;
          current.value_len = line_end - (q + 1);
        }
      p = next;
    }
  if (current.name == NULL)
    return 0;
  func (current.name, current.name_len, current.value, current.value_len, user_data);
  return len;
}

static void
append_field (const char *name,
              gsize       name_len,
              const char *value,
              gsize       value_len,
              gpointer    user_data)
{
  Field field = { name, name_len, value, value_len };

  g_array_append_val ((GArray *) user_data, field);
}

static gboolean
split_fields (BbHeaderBlock *self,
              const char    *data,
              gsize          len)
{
  self->body_offset = bb_header_block_foreach (data, len, append_field, self->fields);
  return self->body_offset > 0;
}

/**
 * bb_header_block_new:
 * @data: a message's bytes, from its first header field on (the block is
 *   copied, the body is not)
 *
 * Returns: (transfer full) (nullable): the block, or %NULL when it is not
 *   plainly regular (see above)
 */
BbHeaderBlock *
bb_header_block_new (const char *data,
                     gsize       len)
{
  BbHeaderBlock *self = g_new0 (BbHeaderBlock, 1);

  self->fields = g_array_sized_new (FALSE, FALSE, sizeof (Field), 32);
  self->cache = g_array_new (FALSE, TRUE, sizeof (Cached));
  if (!split_fields (self, data, len))
    {
      bb_header_block_free (self);
      return NULL;
    }
  self->bytes = g_memdup2 (data, self->body_offset);
  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = &g_array_index (self->fields, Field, i);

      field->name = self->bytes + (field->name - data);
      field->value = self->bytes + (field->value - data);
    }
  return self;
}

void
bb_header_block_free (BbHeaderBlock *self)
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
  g_free (self->bytes);
  g_free (self->subject.value);
  g_free (self->message_id.value);
  g_clear_object (&self->from);
  g_clear_object (&self->to);
  g_free (self);
}

/* Where the body starts: after the blank line that ends the block. */
gsize
bb_header_block_get_body_offset (BbHeaderBlock *self)
{
  return self->body_offset;
}

guint
bb_header_block_get_n_fields (BbHeaderBlock *self)
{
  return self->fields->len;
}

static const Field *
field_at (BbHeaderBlock *self,
          guint          i)
{
  g_return_val_if_fail (i < self->fields->len, NULL);
  return &g_array_index (self->fields, Field, i);
}

/* The @i-th field's name, not NUL-terminated. */
const char *
bb_header_block_get_name (BbHeaderBlock *self,
                          guint          i,
                          gsize         *len)
{
  const Field *field = field_at (self, i);

  *len = field != NULL ? field->name_len : 0;
  return field != NULL ? field->name : NULL;
}

/* The @i-th field's raw value (after the colon, folding included, not
 * NUL-terminated): GMime's g_mime_header_get_raw_value() less its line
 * end. */
const char *
bb_header_block_get_raw (BbHeaderBlock *self,
                         guint          i,
                         gsize         *len)
{
  const Field *field = field_at (self, i);

  *len = field != NULL ? field->value_len : 0;
  return field != NULL ? field->value : NULL;
}

static gboolean
field_is (const Field *field,
          const char  *name,
          gsize        len)
{
  return field->name_len == len && g_ascii_strncasecmp (field->name, name, len) == 0;
}

/**
 * bb_header_block_find:
 * @last: the last field of that name, not the first
 *
 * Returns: the field's index, or -1
 */
int
bb_header_block_find (BbHeaderBlock *self,
                      const char    *name,
                      gboolean       last)
{
  gsize len = strlen (name);
  int   found = -1;

  for (guint i = 0; i < self->fields->len; i++)
    if (field_is (&g_array_index (self->fields, Field, i), name, len))
      {
        found = (int) i;
        if (!last)
          break;
      }
  return found;
}

guint
bb_header_block_count (BbHeaderBlock *self,
                       const char    *name)
{
  gsize len = strlen (name);
  guint n = 0;

  for (guint i = 0; i < self->fields->len; i++)
    if (field_is (&g_array_index (self->fields, Field, i), name, len))
      n++;
  return n;
}

static char *
field_raw (const Field *field)
{
  return g_strndup (field->value, field->value_len);
}

/* Whether RFC 2047 decoding leaves a value as it is: no encoded word
 * ("=?") and no 8-bit byte to convert. */
static gboolean
needs_no_decoding (const char *value,
                   gsize       len)
{
  for (gsize i = 0; i < len; i++)
    if ((guchar) value[i] >= 0x80 || (value[i] == '=' && i + 1 < len && value[i + 1] == '?'))
      return FALSE;
  return TRUE;
}

/**
 * bb_header_value_decode:
 * @raw: a field's raw value, not NUL-terminated
 *
 * Returns: (transfer full): the value as GMime's GMimeHeader gives it:
 *   unfolded, RFC 2047 decoded
 */
char *
bb_header_value_decode (const char *raw,
                        gsize       len)
{
  g_autofree char *copy = g_strndup (raw, len);
  char            *unfolded = g_mime_utils_header_unfold (copy);
  char            *text;

  if (needs_no_decoding (raw, len))
    return unfolded;
  text = g_mime_utils_header_decode_text (bb_message_parser_options (), unfolded);
  g_free (unfolded);
  return text;
}

static char *
field_text (BbHeaderBlock *self,
            const Field   *field)
{
  return bb_header_value_decode (field->value, field->value_len);
}

static char *
field_message_id (BbHeaderBlock *self,
                  const Field   *field)
{
  g_autofree char *raw = field_raw (field);

  return g_mime_utils_decode_message_id (raw);
}

/* The last field of that name, as @decode reads it, once. */
static const char *
last_field_value (BbHeaderBlock *self,
                  const char    *name,
                  Lazy          *slot,
                  char       *(*decode) (BbHeaderBlock *self, const Field *field))
{
  if (!slot->done)
    {
      int i = bb_header_block_find (self, name, TRUE);

      slot->done = TRUE;
      slot->value = i >= 0 ? decode (self, field_at (self, i)) : NULL;
    }
  return slot->value;
}

/**
 * bb_header_block_get_subject:
 *
 * As g_mime_message_get_subject(): the last Subject field, decoded.
 */
const char *
bb_header_block_get_subject (BbHeaderBlock *self)
{
  return last_field_value (self, "Subject", &self->subject, field_text);
}

/**
 * bb_header_block_get_message_id:
 *
 * As g_mime_message_get_message_id(): the last Message-ID, without its
 * angle brackets.
 */
const char *
bb_header_block_get_message_id (BbHeaderBlock *self)
{
  return last_field_value (self, "Message-ID", &self->message_id, field_message_id);
}

/**
 * bb_header_block_get:
 *
 * As g_mime_object_get_header(): the first field of that name, unfolded
 * and decoded.
 */
const char *
bb_header_block_get (BbHeaderBlock *self,
                     const char    *name)
{
  Cached c = { 0 };
  int    i;

  for (guint k = 0; k < self->cache->len; k++)
    {
      Cached *cached = &g_array_index (self->cache, Cached, k);
      if (g_ascii_strcasecmp (cached->name, name) == 0)
        return cached->value;
    }
  i = bb_header_block_find (self, name, FALSE);
  c.name = g_strdup (name);
  c.value = i >= 0 ? field_text (self, field_at (self, i)) : NULL;
  g_array_append_val (self->cache, c);
  return c.value;
}

static InternetAddressList *
addresses (BbHeaderBlock        *self,
           const char           *name,
           InternetAddressList **slot)
{
  gsize len = strlen (name);

  if (*slot != NULL)
    return *slot;
  for (guint i = 0; i < self->fields->len; i++)
    {
      const Field *field = &g_array_index (self->fields, Field, i);
      g_autofree char *raw = NULL;
      InternetAddressList *parsed;

      if (!field_is (field, name, len))
        continue;
      raw = field_raw (field);
      parsed = internet_address_list_parse (bb_message_parser_options (), raw);
      if (parsed == NULL)
        continue;
      /* the first list parsed is kept, the next ones added to it */
      if (*slot == NULL)
        *slot = parsed;
      else
        {
          internet_address_list_append (*slot, parsed);
          g_object_unref (parsed);
        }
    }
  if (*slot == NULL)
    *slot = internet_address_list_new ();
  return *slot;
}

/**
 * bb_header_block_get_from:
 *
 * As g_mime_message_get_from(): the addresses of every From field.
 *
 * Returns: (transfer none): the list (maybe empty)
 */
InternetAddressList *
bb_header_block_get_from (BbHeaderBlock *self)
{
  return addresses (self, "From", &self->from);
}

/**
 * bb_header_block_get_to:
 *
 * As g_mime_message_get_to().
 *
 * Returns: (transfer none): the list (maybe empty)
 */
InternetAddressList *
bb_header_block_get_to (BbHeaderBlock *self)
{
  return addresses (self, "To", &self->to);
}
