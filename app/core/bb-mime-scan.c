/* bb-mime-scan.c - a notice's MIME structure, found the way GMime's parser
 * finds it, without GMime's objects for what the analysis never reads
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bb-gmime-private.h"
#include "bb-message.h"
#include "bb-mime-scan.h"
#include "bb-text.h"

#include <string.h>

/* GMime builds about ten objects for each part of a notice (the part, its
 * header list, a GMimeHeader per field, the content type, its parameter
 * list and parameters, a data wrapper, a stream), and freeing them costs
 * as much as building them.  The analysis reads, of each part, its type,
 * two or three parameters, its disposition, its transfer encoding and its
 * content.  So the structure is found here, by the rules of GMime 3.2's
 * parser (gmime-parser.c: boundary lines checked innermost first, the end
 * form before the plain one, optionally followed by linear white space;
 * the newline before a boundary line belongs to it; a boundary of an
 * enclosing multipart ends the inner ones), and each field is decoded by
 * GMime's own functions (unfolding, RFC 2047), the transfer encoding read
 * by g_mime_content_encoding_from_string(), the content decoded by
 * g_mime_encoding_step().  A plain Content-Type or Content-Disposition
 * value (tokens and simple quoted strings) is split here as GMime's loose
 * parameter parser splits it (bb_mime_type_read()); any other goes to
 * g_mime_content_type_parse() or g_mime_content_disposition_parse().
 *
 * Only plainly regular structures are read here; for anything else
 * bb_mime_scan() returns %NULL and the caller hands the message to GMime:
 * a part's header block that is not plainly regular (see
 * #BbHeaderBlock), that runs into a boundary line or into the end, a
 * line starting with "--" in it, a repeated Content-Type,
 * Content-Disposition or Content-Transfer-Encoding field, a Content-Type
 * that is not plainly "type/subtype" (comments, encoded words, 8-bit
 * bytes), uuencoded content, message/rfc2822 (which GMime parses as a
 * message), a multipart with no boundary or no part, a boundary line
 * right after a boundary line, deep nesting or many parts.
 *
 * Known difference: GMime reads content through a 4 KiB buffer, and the
 * part of a line longer than that which starts a new buffer is checked as
 * if it started a line.  A boundary so placed is honoured by GMime and
 * not here. */

#define MAX_DEPTH 8
#define MAX_PARTS 64

struct _BbMimePart
{
  BbMimeType               content_type;
  BbMimeType               disposition;
  gboolean                 has_disposition;
  GMimeContentEncoding     encoding;
  const char              *content;
  gsize                    content_len;
  GPtrArray               *children; /* BbMimePart; NULL for a leaf */
};

typedef enum
{
  BOUNDARY_NONE,
  BOUNDARY_EOS,
  BOUNDARY_IMMEDIATE,
  BOUNDARY_IMMEDIATE_END,
  BOUNDARY_PARENT,
  BOUNDARY_PARENT_END,
} Boundary;

typedef struct
{
  const char *text; /* the boundary parameter */
  gsize       len;
} Bound;

typedef struct
{
  const char *data;
  gsize       len;
  gsize       pos;     /* where GMime's parser would be */
  GArray     *bounds;  /* Bound, innermost last */
  Boundary    boundary;
  guint       n_parts;
  gboolean    failed;  /* not plainly regular: GMime's to read */
} Scan;

void
bb_mime_type_clear (BbMimeType *self)
{
  g_clear_object (&self->gmime_type);
  g_clear_object (&self->gmime_disposition);
  g_clear_pointer (&self->buffer, g_free);
  memset (self, 0, sizeof *self);
}

/* For walking GMime's own tree with the same code. */
void
bb_mime_type_init_for_gmime (BbMimeType       *self,
                             GMimeContentType *content_type)
{
  memset (self, 0, sizeof *self);
  self->gmime_type = content_type;
}

/* As g_mime_content_type_is_type(). */
gboolean
bb_mime_type_is (const BbMimeType *self,
                 const char       *type,
                 const char       *subtype)
{
  if (self->gmime_type != NULL)
    return g_mime_content_type_is_type (self->gmime_type, type, subtype);
  if (self->type == NULL || self->subtype == NULL)
    return FALSE;
  if (strcmp (type, "*") != 0 && g_ascii_strcasecmp (self->type, type) != 0)
    return FALSE;
  return strcmp (subtype, "*") == 0 || g_ascii_strcasecmp (self->subtype, subtype) == 0;
}

/* As g_mime_content_type_get_parameter() (or the disposition's). */
const char *
bb_mime_type_get_parameter (const BbMimeType *self,
                            const char       *name)
{
  if (self->gmime_type != NULL)
    return g_mime_content_type_get_parameter (self->gmime_type, name);
  if (self->gmime_disposition != NULL)
    return g_mime_content_disposition_get_parameter (self->gmime_disposition, name);
  for (guint i = 0; i < self->n_params; i++)
    if (g_ascii_strcasecmp (self->names[i], name) == 0)
      return self->values[i];
  return NULL;
}

static gboolean is_token_char (char c);

static gsize
skip_blanks (const char *s,
             gsize       i)
{
  while (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n')
    i++;
  return i;
}

/* A token at @i, NUL-terminated in @buf; returns where it ends, or @i. */
static gsize
take_token (const char  *s,
            gsize        i,
            char        *buf,
            const char **out,
            gboolean     param_name)
{
  gsize start = i;

  while (is_token_char (s[i]) && !(param_name && s[i] == '*'))
    i++;
  if (i > start)
    {
      *out = buf + start;
      buf[i] = '\0';
    }
  return i;
}

/* Reads a decoded Content-Type value ("type/subtype", @with_subtype) or
 * Content-Disposition value ("token") with its parameters, when it is
 * plain: tokens and simple quoted strings only, no comment, no RFC 2231
 * or RFC 2047 parameter, no parameter twice, nothing else.  GMime reads
 * such a value the same way (gmime-param.c, loose mode); anything else is
 * left to it. */
static gboolean
parse_plain (BbMimeType *self,
             const char *value,
             gboolean    with_subtype)
{
  char  *buf = g_strdup (value);
  gsize  i = skip_blanks (value, 0), j;

  self->buffer = buf;
  if ((j = take_token (value, i, buf, &self->type, FALSE)) == i)
    return FALSE;
  i = skip_blanks (value, j);
  if (with_subtype)
    {
      if (value[i] != '/')
        return FALSE;
      i = skip_blanks (value, i + 1);
      if ((j = take_token (value, i, buf, &self->subtype, FALSE)) == i)
        return FALSE;
      i = skip_blanks (value, j);
    }
  while (value[i] == ';')
    {
      const char *name = NULL;
      const char *val = NULL;

      i = skip_blanks (value, i + 1);
      if (value[i] == '\0')
        break;
      if ((j = take_token (value, i, buf, &name, TRUE)) == i)
        return FALSE;
      i = skip_blanks (value, j);
      if (value[i] != '=')
        return FALSE;
      i = skip_blanks (value, i + 1);
      if (value[i] == '"')
        {
          j = ++i;
          while (value[j] != '\0' && value[j] != '"' && value[j] != '\\' && (guchar) value[j] >= 32 &&
                 (guchar) value[j] < 127)
            j++;
          if (value[j] != '"' || j == i)
            return FALSE;
          val = buf + i;
          buf[j] = '\0';
          j++;
        }
      else if ((j = take_token (value, i, buf, &val, FALSE)) == i)
        return FALSE;
      if (strstr (val, "=?") != NULL || self->n_params == BB_MIME_MAX_PARAMS ||
          bb_mime_type_get_parameter (self, name) != NULL)
        return FALSE;
      self->names[self->n_params] = name;
      self->values[self->n_params] = val;
      self->n_params++;
      i = skip_blanks (value, j);
    }
  return value[i] == '\0';
}

/**
 * bb_mime_type_read:
 * @value: a decoded Content-Type value, or Content-Disposition value when
 *   @is_disposition
 *
 * Reads @value plainly, or through GMime when it is not plain.  Clear
 * with bb_mime_type_clear().
 *
 * Returns: whether it was read plainly (for tests)
 */
gboolean
bb_mime_type_read (BbMimeType *self,
                   const char *value,
                   gboolean    is_disposition)
{
  memset (self, 0, sizeof *self);
  if (parse_plain (self, value, !is_disposition))
    return TRUE;
  bb_mime_type_clear (self);
  if (is_disposition)
    self->gmime_disposition = g_mime_content_disposition_parse (bb_message_parser_options (), value);
  else
    self->gmime_type = g_mime_content_type_parse (bb_message_parser_options (), value);
  return FALSE;
}

/* As g_mime_content_type_get_mime_type(). */
char *
bb_mime_type_to_string (const BbMimeType *self)
{
  if (self->gmime_type != NULL)
    return g_mime_content_type_get_mime_type (self->gmime_type);
  return g_strconcat (self->type, "/", self->subtype, NULL);
}

/* The disposition ("attachment", "inline"), when @self is one. */
const char *
bb_mime_type_get_disposition (const BbMimeType *self)
{
  if (self->gmime_disposition != NULL)
    return g_mime_content_disposition_get_disposition (self->gmime_disposition);
  return self->subtype == NULL ? self->type : NULL;
}

void
bb_mime_part_free (BbMimePart *self)
{
  if (self == NULL)
    return;
  bb_mime_type_clear (&self->content_type);
  bb_mime_type_clear (&self->disposition);
  g_clear_pointer (&self->children, g_ptr_array_unref);
  g_free (self);
}

static gboolean
is_lwsp (char c)
{
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* "--" @bound, "--" too when @end, then only linear white space */
static gboolean
is_boundary (const char  *line,
             gsize        len,
             const Bound *bound,
             gboolean     end)
{
  gsize need = bound->len + 2 + (end ? 2 : 0);

  if (len < need || memcmp (line + 2, bound->text, bound->len) != 0)
    return FALSE;
  if (end && (line[bound->len + 2] != '-' || line[bound->len + 3] != '-'))
    return FALSE;
  for (gsize i = need; i < len; i++)
    if (!is_lwsp (line[i]))
      return FALSE;
  return TRUE;
}

static Boundary
check_boundary (Scan       *scan,
                const char *line,
                gsize       len)
{
  if (len > 0 && line[len - 1] == '\r')
    len--;
  if (len < 2 || line[0] != '-' || line[1] != '-')
    return BOUNDARY_NONE;
  for (guint i = scan->bounds->len; i > 0; i--)
    {
      const Bound *bound = &g_array_index (scan->bounds, Bound, i - 1);
      gboolean     innermost = i == scan->bounds->len;

      if (is_boundary (line, len, bound, TRUE))
        return innermost ? BOUNDARY_IMMEDIATE_END : BOUNDARY_PARENT_END;
      if (is_boundary (line, len, bound, FALSE))
        return innermost ? BOUNDARY_IMMEDIATE : BOUNDARY_PARENT;
    }
  return BOUNDARY_NONE;
}

static const char *
line_end (Scan *scan,
          gsize from)
{
  const char *nl = memchr (scan->data + from, '\n', scan->len - from);

  return nl != NULL ? nl : scan->data + scan->len;
}

/* Content up to the next boundary line (left where it is) or the end. */
static void
scan_content (Scan        *scan,
              const char **content,
              gsize       *content_len)
{
  gsize start = scan->pos;
  gsize p = start;

  while (p < scan->len)
    {
      const char *eol = line_end (scan, p);
      Boundary    b = check_boundary (scan, scan->data + p, eol - (scan->data + p));

      if (b != BOUNDARY_NONE)
        {
          gsize n = p - start;

          /* the newline before the boundary line belongs to it (two
           * bytes when the boundary line ends in CRLF, as GMime has it) */
          if (n > 0)
            {
              gsize trim = eol > scan->data + p && eol[-1] == '\r' ? 2 : 1;

              if (n < trim)
                {
                  scan->failed = TRUE;
                  trim = n;
                }
              n -= trim;
            }
          *content = scan->data + start;
          *content_len = n;
          scan->pos = p;
          scan->boundary = b;
          return;
        }
      p = eol - scan->data + (eol < scan->data + scan->len ? 1 : 0);
    }
  *content = scan->data + start;
  *content_len = scan->len - start;
  scan->pos = scan->len;
  scan->boundary = BOUNDARY_EOS;
}

static gboolean
skip_line (Scan *scan)
{
  const char *eol = line_end (scan, scan->pos);

  if (eol == scan->data + scan->len)
    {
      scan->pos = scan->len;
      return FALSE;
    }
  scan->pos = eol + 1 - scan->data;
  return TRUE;
}

static gboolean
is_token_char (char c)
{
  return c > 32 && c < 127 && strchr ("()<>@,;:\\\"/[]?=", c) == NULL;
}

/* The raw Content-Type value is plainly "type/subtype" (then anything),
 * as GMime reads it both to pick the part's kind and for its content
 * type: no comment, encoded word or 8-bit byte on the way. */
static gboolean
is_plain_content_type (const char *raw,
                       gsize       len)
{
  gsize i = 0, n;

  if (bb_text_has_high_bytes (raw, len) || bb_text_memmem (raw, len, "=?") != NULL)
    return FALSE;
  while (i < len && is_lwsp (raw[i]))
    i++;
  for (n = 0; i < len && is_token_char (raw[i]); i++, n++)
    ;
  if (n == 0)
    return FALSE;
  while (i < len && is_lwsp (raw[i]))
    i++;
  if (i >= len || raw[i] != '/')
    return FALSE;
  i++;
  while (i < len && is_lwsp (raw[i]))
    i++;
  for (n = 0; i < len && is_token_char (raw[i]); i++, n++)
    ;
  return n > 0;
}

/* The three fields a part's reading needs, as they lie (raw values). */
enum { FIELD_TYPE, FIELD_DISPOSITION, FIELD_ENCODING, N_FIELDS };

static const char *const field_names[N_FIELDS] = {
  "Content-Type", "Content-Disposition", "Content-Transfer-Encoding",
};

typedef struct
{
  const char *raw[N_FIELDS];
  gsize       len[N_FIELDS];
  guint       count[N_FIELDS];
} PartFields;

static void
note_field (const char *name,
            gsize       name_len,
            const char *value,
            gsize       value_len,
            gpointer    user_data)
{
  PartFields *f = user_data;

  if (name_len < 12 || g_ascii_strncasecmp (name, "Content-", 8) != 0)
    return;
  for (guint i = 0; i < N_FIELDS; i++)
    if (name_len == strlen (field_names[i]) && g_ascii_strncasecmp (name, field_names[i], name_len) == 0)
      {
        if (f->count[i]++ == 0)
          {
            f->raw[i] = value;
            f->len[i] = value_len;
          }
        break;
      }
}

static BbMimePart *scan_part (Scan             *scan,
                              const PartFields *fields,
                              gboolean          in_digest,
                              guint             depth);

/* The header block of a part, at scan->pos, and the blank line after it
 * (none: a part with no field). */
static gboolean
scan_headers (Scan       *scan,
              PartFields *fields)
{
  gsize p = scan->pos;

  memset (fields, 0, sizeof *fields);
  while (p < scan->len)
    {
      const char *line = scan->data + p;
      const char *eol = line_end (scan, p);

      if (eol == scan->data + scan->len)
        break;
      if (eol == line || (eol == line + 1 && line[0] == '\r'))
        {
          gsize block_len = eol + 1 - (scan->data + scan->pos);

          if (p > scan->pos &&
              bb_header_block_foreach (scan->data + scan->pos, block_len, note_field, fields) != block_len)
            break;
          scan->pos += block_len;
          return TRUE;
        }
      if (eol - line >= 2 && line[0] == '-' && line[1] == '-')
        break;
      p = eol + 1 - scan->data;
    }
  scan->failed = TRUE;
  return FALSE;
}

static void
scan_multipart (Scan       *scan,
                BbMimePart *part,
                guint       depth)
{
  const char *boundary = bb_mime_type_get_parameter (&part->content_type, "boundary");
  const char *face = NULL;
  gsize       face_len = 0;
  Bound       bound;

  part->children = g_ptr_array_new_with_free_func ((GDestroyNotify) bb_mime_part_free);
  if (boundary == NULL || *boundary == '\0' || depth >= MAX_DEPTH)
    {
      scan->failed = TRUE;
      return;
    }
  bound.text = boundary;
  bound.len = strlen (boundary);
  g_array_append_val (scan->bounds, bound);

  /* the prologue */
  scan_content (scan, &face, &face_len);
  while (scan->boundary == BOUNDARY_IMMEDIATE && !scan->failed)
    {
      PartFields  fields;
      BbMimePart *child;

      if (!skip_line (scan))
        {
          scan->boundary = BOUNDARY_EOS;
          break;
        }
      if (!scan_headers (scan, &fields))
        break;
      child = scan_part (scan, &fields, bb_mime_type_is (&part->content_type, "multipart", "digest"), depth + 1);
      if (child == NULL)
        break;
      g_ptr_array_add (part->children, child);
    }
  if (scan->failed)
    return;
  if (part->children->len == 0)
    {
      /* everything is prologue: GMime's to read (see fix_boundary()) */
      scan->failed = TRUE;
      return;
    }
  if (scan->boundary == BOUNDARY_IMMEDIATE_END)
    {
      skip_line (scan);
      g_array_set_size (scan->bounds, scan->bounds->len - 1);
      /* the epilogue */
      scan_content (scan, &face, &face_len);
      return;
    }
  g_array_set_size (scan->bounds, scan->bounds->len - 1);
  if ((scan->boundary == BOUNDARY_PARENT_END || scan->boundary == BOUNDARY_PARENT) && scan->bounds->len > 0)
    {
      const Bound *parent = &g_array_index (scan->bounds, Bound, scan->bounds->len - 1);
      const char  *line = scan->data + scan->pos;
      gsize        len = line_end (scan, scan->pos) - line;
      gboolean     end = scan->boundary == BOUNDARY_PARENT_END;

      if (len > 0 && line[len - 1] == '\r')
        len--;
      if (is_boundary (line, len, parent, end))
        scan->boundary = end ? BOUNDARY_IMMEDIATE_END : BOUNDARY_IMMEDIATE;
    }
}

/* The decoded value of a field, as GMime's GMimeHeader gives it. */
static char *
field_value (const PartFields *fields,
             guint             i)
{
  return bb_header_value_decode (fields->raw[i], fields->len[i]);
}

/* A part whose header block has been read. */
static BbMimePart *
scan_part (Scan             *scan,
           const PartFields *fields,
           gboolean          in_digest,
           guint             depth)
{
  g_autoptr (BbMimePart) part = g_new0 (BbMimePart, 1);

  if (fields->count[FIELD_TYPE] > 1 || fields->count[FIELD_DISPOSITION] > 1 || fields->count[FIELD_ENCODING] > 1 ||
      ++scan->n_parts > MAX_PARTS)
    {
      scan->failed = TRUE;
      return NULL;
    }
  if (fields->count[FIELD_TYPE] > 0)
    {
      g_autofree char *value = NULL;

      if (!is_plain_content_type (fields->raw[FIELD_TYPE], fields->len[FIELD_TYPE]))
        {
          scan->failed = TRUE;
          return NULL;
        }
      value = field_value (fields, FIELD_TYPE);
      bb_mime_type_read (&part->content_type, value, FALSE);
    }
  else
    {
      part->content_type.type = in_digest ? "message" : "text";
      part->content_type.subtype = in_digest ? "rfc822" : "plain";
    }
  if (fields->count[FIELD_DISPOSITION] > 0)
    {
      g_autofree char *value = field_value (fields, FIELD_DISPOSITION);

      bb_mime_type_read (&part->disposition, value, TRUE);
      part->has_disposition = TRUE;
    }
  if (fields->count[FIELD_ENCODING] > 0)
    {
      g_autofree char *value = field_value (fields, FIELD_ENCODING);

      part->encoding = g_mime_content_encoding_from_string (value);
    }
  if (part->encoding == GMIME_CONTENT_ENCODING_UUENCODE ||
      bb_mime_type_is (&part->content_type, "message", "rfc2822"))
    {
      scan->failed = TRUE;
      return NULL;
    }

  if (bb_mime_type_is (&part->content_type, "multipart", "*"))
    scan_multipart (scan, part, depth);
  else
    scan_content (scan, &part->content, &part->content_len);
  if (scan->failed)
    return NULL;
  return g_steal_pointer (&part);
}

/**
 * bb_mime_scan:
 * @block: the message's header block (plainly regular)
 * @data: the message, @block's bytes first; the parts point into it
 *
 * Returns: (transfer full) (nullable): the top part, or %NULL when the
 *   structure is not plainly regular and GMime should read it
 */
BbMimePart *
bb_mime_scan (BbHeaderBlock *block,
              const char    *data,
              gsize          len)
{
  Scan        scan = { 0 };
  BbMimePart *top;

  scan.data = data;
  scan.len = len;
  scan.pos = bb_header_block_get_body_offset (block);
  scan.bounds = g_array_new (FALSE, FALSE, sizeof (Bound));
  {
    PartFields fields = { { NULL } };

    /* the message's own Content-* fields, from its block */
    for (guint i = 0; i < bb_header_block_get_n_fields (block); i++)
      {
        gsize       name_len = 0, value_len = 0;
        const char *name = bb_header_block_get_name (block, i, &name_len);
        const char *value = bb_header_block_get_raw (block, i, &value_len);

        note_field (name, name_len, value, value_len, &fields);
      }
    top = scan_part (&scan, &fields, FALSE, 0);
  }
  g_array_unref (scan.bounds);
  if (scan.failed)
    g_clear_pointer (&top, bb_mime_part_free);
  return top;
}

gboolean
bb_mime_part_is_multipart (BbMimePart *self)
{
  return self->children != NULL;
}

guint
bb_mime_part_get_n_children (BbMimePart *self)
{
  return self->children != NULL ? self->children->len : 0;
}

BbMimePart *
bb_mime_part_get_child (BbMimePart *self,
                        guint       i)
{
  return g_ptr_array_index (self->children, i);
}

const BbMimeType *
bb_mime_part_get_content_type (BbMimePart *self)
{
  return &self->content_type;
}

/* As g_mime_object_get_disposition(). */
const char *
bb_mime_part_get_disposition (BbMimePart *self)
{
  return self->has_disposition ? bb_mime_type_get_disposition (&self->disposition) : NULL;
}

/* As g_mime_part_get_filename(). */
const char *
bb_mime_part_get_filename (BbMimePart *self)
{
  const char *name = NULL;

  if (self->has_disposition)
    name = bb_mime_type_get_parameter (&self->disposition, "filename");
  return name != NULL ? name : bb_mime_type_get_parameter (&self->content_type, "name");
}

GMimeContentEncoding
bb_mime_part_get_encoding (BbMimePart *self)
{
  return self->encoding;
}

/* The content as it lies in the message, transfer encoding and all. */
const char *
bb_mime_part_get_content (BbMimePart *self,
                          gsize      *len)
{
  *len = self->content_len;
  return self->content;
}

/**
 * bb_mime_part_decode:
 *
 * Returns: (transfer full): the content with its transfer encoding
 *   undone, as GMime's data wrapper writes it
 */
GByteArray *
bb_mime_part_decode (BbMimePart *self)
{
  GByteArray    *bytes;
  GMimeEncoding  state;
  gsize          n;

  if (self->encoding == GMIME_CONTENT_ENCODING_BASE64 || self->encoding == GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE)
    {
      g_mime_encoding_init_decode (&state, self->encoding);
      bytes = g_byte_array_sized_new (g_mime_encoding_outlen (&state, self->content_len) + 1);
      n = g_mime_encoding_step (&state, self->content, self->content_len, (char *) bytes->data);
      g_byte_array_set_size (bytes, n);
      return bytes;
    }
  bytes = g_byte_array_sized_new (self->content_len + 1);
  g_byte_array_append (bytes, (const guint8 *) self->content, self->content_len);
  return bytes;
}

/**
 * bb_mime_part_text:
 *
 * As bb_message_part_text(): the content decoded, then its charset.
 *
 * Returns: (transfer full): UTF-8 text
 */
char *
bb_mime_part_text (BbMimePart *self)
{
  const char *charset = bb_mime_type_get_parameter (&self->content_type, "charset");

  if (self->encoding == GMIME_CONTENT_ENCODING_BASE64 || self->encoding == GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE)
    {
      g_autoptr (GByteArray) bytes = bb_mime_part_decode (self);

      return bb_text_to_utf8 ((const char *) bytes->data, bytes->len, charset);
    }
  return bb_text_to_utf8 (self->content, self->content_len, charset);
}

static gboolean
is_attachment (BbMimePart *self)
{
  const char *disposition = bb_mime_part_get_disposition (self);

  return disposition != NULL && g_ascii_strcasecmp (disposition, "attachment") == 0;
}

static gboolean
foreach_leaf (BbMimePart *self,
              BbLeafFunc  func,
              gpointer    data)
{
  if (self->children != NULL)
    {
      for (guint i = 0; i < self->children->len; i++)
        if (!foreach_leaf (g_ptr_array_index (self->children, i), func, data))
          return FALSE;
      return TRUE;
    }
  {
    g_autofree char *type = bb_mime_type_to_string (&self->content_type);
    gsize            size = self->encoding == GMIME_CONTENT_ENCODING_BASE64 ? self->content_len * 3 / 4
                                                                            : self->content_len;

    return func (bb_mime_part_get_filename (self), type, size, is_attachment (self), data);
  }
}

/**
 * bb_mime_part_foreach_leaf:
 *
 * As bb_message_foreach_leaf() on GMime's tree of the same message.
 */
void
bb_mime_part_foreach_leaf (BbMimePart *self,
                           BbLeafFunc  func,
                           gpointer    data)
{
  foreach_leaf (self, func, data);
}

/**
 * bb_mime_part_collect_bodies:
 *
 * As bb_message_collect_bodies() on GMime's tree of the same message.
 */
void
bb_mime_part_collect_bodies (BbMimePart *self,
                             GString    *text,
                             GString    *html,
                             gsize       max)
{
  if (text->len + html->len > max)
    return;
  if (self->children != NULL)
    {
      for (guint i = 0; i < self->children->len; i++)
        bb_mime_part_collect_bodies (g_ptr_array_index (self->children, i), text, html, max);
      return;
    }
  if (is_attachment (self))
    return;
  if (bb_mime_type_is (&self->content_type, "text", "html"))
    {
      g_autofree char *s = bb_mime_part_text (self);
      g_string_append (html, s);
    }
  else if (bb_mime_type_is (&self->content_type, "text", "*"))
    {
      g_autofree char *s = bb_mime_part_text (self);
      g_string_append (text, s);
      g_string_append_c (text, '\n');
    }
}
