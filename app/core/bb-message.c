/* bb-message.c - walk a parsed message and pull out what the classifier
 * reads: the notice's text, the delivery-status fields, the original
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bb-gmime-private.h"
#include "bb-message.h"
#include "bb-original.h"
#include "bb-text.h"

#include <string.h>

/* What bb_message_parse_attached() wraps an attached message in. */
#define ATTACHED_SUBTYPE "x-bounceback-attached"

/* Deeper nesting than this is either an attack or a mail loop: stop. */
#define MAX_DEPTH 24
#define MAX_PARTS 512

/**
 * bb_message_parse_bytes:
 *
 * Parses a message from memory.
 *
 * Returns: (transfer full) (nullable): the message
 */
static GMimeMessage *
parse_stream (GMimeStream *stream)
{
  g_autoptr (GMimeParser) parser = g_mime_parser_new_with_stream (stream);

  g_mime_parser_set_format (parser, GMIME_FORMAT_MESSAGE);
  return g_mime_parser_construct_message (parser, bb_message_parser_options ());
}

GMimeMessage *
bb_message_parse_bytes (const char *data,
                        gsize       len)
{
  /* The parts keep reading from this stream after parsing, so it holds its
   * own copy: one memcpy, cheap next to the parse itself. */
  g_autoptr (GMimeStream) stream =
    g_mime_stream_mem_new_with_buffer (data != NULL ? data : "", data != NULL ? len : 0);

  return parse_stream (stream);
}

/**
 * bb_message_parser_options_new:
 *
 * The options every parse here uses: loose RFC 2047 and parameters, and
 * raw 8-bit header text tried as UTF-8, then GB18030, then CP1252.
 *
 * Returns: (transfer full): new options
 */
GMimeParserOptions *
bb_message_parser_options_new (void)
{
  GMimeParserOptions *options = g_mime_parser_options_new ();
  const char         *fallback[] = { "UTF-8", "GB18030", "CP1252", NULL };

  g_mime_parser_options_set_fallback_charsets (options, fallback);
  g_mime_parser_options_set_rfc2047_compliance_mode (options, GMIME_RFC_COMPLIANCE_LOOSE);
  g_mime_parser_options_set_parameter_compliance_mode (options, GMIME_RFC_COMPLIANCE_LOOSE);
  return options;
}

static gpointer
parser_options_build (gpointer data)
{
  return bb_message_parser_options_new ();
}

/**
 * bb_message_parser_options:
 *
 * The options of bb_message_parser_options_new(), made once per process
 * and never changed after: every parse and every header decoded here
 * reads them, and GMime copies them into each object it builds.
 *
 * Returns: (transfer none): the options
 */
GMimeParserOptions *
bb_message_parser_options (void)
{
  static GOnce once = G_ONCE_INIT;

  return g_once (&once, parser_options_build, NULL);
}

/**
 * bb_message_init:
 *
 * Once per process, after g_mime_init(): attached messages (message/rfc822
 * and its kin) are parsed as leaf parts, their bytes kept whole.  The walk
 * below turns them into a #BbOriginal, which reads their header fields
 * without GMime building the tree of each one.
 */
void
bb_message_init (void)
{
  static const char *const subtypes[] = { "rfc822", "global", "news" };

  for (guint i = 0; i < G_N_ELEMENTS (subtypes); i++)
    g_mime_object_register_type ("message", subtypes[i], GMIME_TYPE_PART);
  g_mime_object_register_type ("message", ATTACHED_SUBTYPE, GMIME_TYPE_MESSAGE_PART);
}

/**
 * bb_message_parse_attached:
 *
 * Parses the bytes of an attached message as GMime parses one inside its
 * notice, which is not quite as it parses a message on its own: it reads
 * a header block that starts with a stray line (a signature's unindented
 * continuation, a blank line), where a message on its own would be no
 * message at all.
 *
 * Returns: (transfer full) (nullable): the message
 */
GMimeMessage *
bb_message_parse_attached (const char *data,
                           gsize       len)
{
  static const char head[] = "Content-Type: message/" ATTACHED_SUBTYPE "\n\n";
  g_autofree char *buf = g_malloc (sizeof head - 1 + len);
  g_autoptr (GMimeMessage) outer = NULL;
  GMimeObject *body;

  memcpy (buf, head, sizeof head - 1);
  if (len > 0)
    memcpy (buf + sizeof head - 1, data, len);
  outer = bb_message_parse_bytes (buf, sizeof head - 1 + len);
  body = outer != NULL ? g_mime_message_get_mime_part (outer) : NULL;
  if (body != NULL && GMIME_IS_MESSAGE_PART (body))
    {
      GMimeMessage *inner = g_mime_message_part_get_message (GMIME_MESSAGE_PART (body));
      return inner != NULL ? g_object_ref (inner) : NULL;
    }
  /* bb_message_init() not called */
  return bb_message_parse_bytes (data, len);
}

/**
 * bb_message_parse_attached_stream:
 * @stream: the attached message's bytes
 * @regular: its header block is plainly regular (no stray line first)
 *
 * As bb_message_parse_attached().  A message whose header block is
 * regular parses on its own exactly as inside its notice: then @stream is
 * read in place, with nothing copied (a returned original can carry a
 * large attachment).
 *
 * Returns: (transfer full) (nullable): the message
 */
GMimeMessage *
bb_message_parse_attached_stream (GMimeStream *stream,
                                  gboolean     regular)
{
  g_autoptr (GMimeStream) body = g_mime_stream_substream (stream, stream->bound_start, stream->bound_end);
  g_autoptr (GMimeStream) copy = NULL;
  GByteArray *bytes;

  if (regular)
    return parse_stream (body);
  copy = g_mime_stream_mem_new ();
  g_mime_stream_write_to_stream (body, copy);
  bytes = g_mime_stream_mem_get_byte_array (GMIME_STREAM_MEM (copy));
  return bb_message_parse_attached ((const char *) bytes->data, bytes->len);
}

static char *
part_charset (GMimeObject *object)
{
  GMimeContentType *ct = g_mime_object_get_content_type (object);
  const char       *cs = ct != NULL ? g_mime_content_type_get_parameter (ct, "charset") : NULL;

  return cs != NULL ? g_strdup (cs) : NULL;
}

/**
 * bb_message_stream_data:
 * @stream: a stream GMime made while parsing
 * @len: (out): the number of bytes
 *
 * The bytes of @stream read in place, when it is a window on a memory
 * buffer (what GMime makes of a part's content in a message parsed from
 * memory).
 *
 * Returns: (nullable) (transfer none): the bytes, or %NULL when @stream
 *   is no memory stream
 */
const char *
bb_message_stream_data (GMimeStream *stream,
                        gsize       *len)
{
  GByteArray *buffer;
  gint64      start, end;

  *len = 0;
  if (stream == NULL || !GMIME_IS_STREAM_MEM (stream))
    return NULL;
  buffer = g_mime_stream_mem_get_byte_array (GMIME_STREAM_MEM (stream));
  if (buffer == NULL)
    return NULL;
  start = stream->bound_start;
  end = stream->bound_end < 0 ? (gint64) buffer->len : stream->bound_end;
  if (start < 0 || start > end || end > (gint64) buffer->len)
    return NULL;
  *len = (gsize) (end - start);
  return (const char *) buffer->data + start;
}

/* Whether a part's content is its bytes as they are: no transfer
 * encoding to undo. */
static gboolean
is_identity_encoding (GMimeContentEncoding encoding)
{
  switch (encoding)
    {
    case GMIME_CONTENT_ENCODING_DEFAULT:
    case GMIME_CONTENT_ENCODING_7BIT:
    case GMIME_CONTENT_ENCODING_8BIT:
    case GMIME_CONTENT_ENCODING_BINARY:
      return TRUE;
    case GMIME_CONTENT_ENCODING_BASE64:
    case GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE:
    case GMIME_CONTENT_ENCODING_UUENCODE:
    default:
      return FALSE;
    }
}

/* The decoded bytes of a leaf part, as they are (no charset conversion). */
static GByteArray *
part_bytes (GMimePart *part)
{
  GMimeDataWrapper *wrapper = g_mime_part_get_content (part);
  g_autoptr (GMimeStream) mem = NULL;
  GByteArray *bytes;

  if (wrapper == NULL)
    return NULL;
  mem = g_mime_stream_mem_new ();
  g_mime_data_wrapper_write_to_stream (wrapper, mem);
  bytes = g_mime_stream_mem_get_byte_array (GMIME_STREAM_MEM (mem));
  g_mime_stream_mem_set_owner (GMIME_STREAM_MEM (mem), FALSE);
  return bytes;
}

/**
 * bb_message_part_text:
 * @raw_size: (out) (optional): decoded size in bytes
 *
 * Decodes the transfer encoding and the charset of a leaf part.
 *
 * Returns: (transfer full): UTF-8 text
 */
char *
bb_message_part_text (GMimePart *part,
                      gsize     *raw_size)
{
  GMimeDataWrapper *wrapper = g_mime_part_get_content (part);
  g_autoptr (GByteArray) bytes = NULL;
  g_autofree char *charset = NULL;

  /* a part with nothing to decode is read where it lies */
  if (wrapper != NULL && is_identity_encoding (g_mime_data_wrapper_get_encoding (wrapper)))
    {
      gsize       len = 0;
      const char *data = bb_message_stream_data (g_mime_data_wrapper_get_stream (wrapper), &len);

      if (data != NULL)
        {
          if (raw_size != NULL)
            *raw_size = len;
          charset = part_charset (GMIME_OBJECT (part));
          return bb_text_to_utf8 (data, len, charset);
        }
    }
  bytes = part_bytes (part);
  if (raw_size != NULL)
    *raw_size = bytes != NULL ? bytes->len : 0;
  if (bytes == NULL)
    return g_strdup ("");
  charset = part_charset (GMIME_OBJECT (part));
  return bb_text_to_utf8 ((const char *) bytes->data, bytes->len, charset);
}

/**
 * bb_message_part_size:
 *
 * The decoded size of a part, estimated from its encoded form without
 * decoding it (base64 shrinks by 3/4; others are taken as they are).
 */
gsize
bb_message_part_size (GMimePart *part)
{
  GMimeDataWrapper *wrapper = g_mime_part_get_content (part);
  GMimeStream      *stream;
  gint64            len;

  if (wrapper == NULL)
    return 0;
  stream = g_mime_data_wrapper_get_stream (wrapper);
  if (stream == NULL)
    return 0;
  len = g_mime_stream_length (stream);
  if (len < 0)
    return 0;
  if (g_mime_data_wrapper_get_encoding (wrapper) == GMIME_CONTENT_ENCODING_BASE64)
    return (gsize) (len * 3 / 4);
  return (gsize) len;
}

static gboolean
type_is (GMimeContentType *ct,
         const char       *type,
         const char       *subtype)
{
  return ct != NULL && g_mime_content_type_is_type (ct, type, subtype);
}

static void
append_text (GString    *out,
             const char *text)
{
  if (text == NULL || *text == '\0')
    return;
  if (out->len > 0 && out->str[out->len - 1] != '\n')
    g_string_append_c (out, '\n');
  if (out->len > 0)
    g_string_append_c (out, '\n');
  g_string_append (out, text);
}


static void walk (BbMessage *self, GMimeObject *object, guint depth, gboolean in_alternative_with_plain);

static gboolean
alternative_has_plain (GMimeMultipart *multipart)
{
  int n = g_mime_multipart_get_count (multipart);

  for (int i = 0; i < n; i++)
    {
      GMimeObject *child = g_mime_multipart_get_part (multipart, i);

      if (type_is (g_mime_object_get_content_type (child), "text", "plain"))
        return TRUE;
    }
  return FALSE;
}

/* Keeps the first original, or a whole one over a header block. */
static void
take_original (BbMessage  *self,
               const char *data,
               gsize       len,
               gboolean    headers_only)
{
  if (self->original == NULL || (self->original_headers_only && !headers_only))
    {
      g_clear_pointer (&self->original, bb_original_free);
      self->original = bb_original_new (data, len, headers_only);
      self->original_headers_only = headers_only;
    }
}

/* The attached original, read in place from the notice's buffer when it
 * needs no decoding (message/rfc822 parts are 7bit or 8bit as a rule),
 * else decoded into a buffer of its own. */
static void
take_original_part (BbMessage *self,
                    GMimePart *part)
{
  GMimeDataWrapper *wrapper = g_mime_part_get_content (part);
  GMimeStream      *stream = wrapper != NULL ? g_mime_data_wrapper_get_stream (wrapper) : NULL;
  BbOriginal       *original = NULL;

  if (self->original != NULL && !self->original_headers_only)
    return;
  if (stream != NULL && is_identity_encoding (g_mime_data_wrapper_get_encoding (wrapper)))
    original = bb_original_new_for_stream (stream, FALSE);
  if (original == NULL)
    {
      g_autoptr (GByteArray) bytes = part_bytes (part);

      if (bytes == NULL)
        return;
      original = bb_original_new ((const char *) bytes->data, bytes->len, FALSE);
    }
  g_clear_pointer (&self->original, bb_original_free);
  self->original = original;
  self->original_headers_only = FALSE;
}

static gboolean
is_attached_message (const BbMimeType *ct)
{
  return bb_mime_type_is (ct, "message", "rfc822") || bb_mime_type_is (ct, "message", "global") ||
         bb_mime_type_is (ct, "message", "news");
}

/* What the walk does with a leaf part. */
typedef enum
{
  LEAF_SKIP,
  LEAF_DSN,      /* delivery-status fields */
  LEAF_FEEDBACK, /* an ARF report's fields */
  LEAF_HEADERS,  /* the original's header block */
  LEAF_ORIGINAL, /* the original, whole */
  LEAF_TEXT,     /* the notice's text */
  LEAF_HTML,     /* the notice's text, as HTML */
} LeafRole;

static LeafRole
leaf_role (const BbMimeType *ct,
           const char       *filename,
           const char       *disposition,
           gboolean          skip_html)
{
  gboolean attachment = disposition != NULL && g_ascii_strcasecmp (disposition, "attachment") == 0;

  if (bb_mime_type_is (ct, "message", "delivery-status") || bb_mime_type_is (ct, "message", "global-delivery-status") ||
      bb_mime_type_is (ct, "text", "delivery-status") || bb_mime_type_is (ct, "message", "x-delivery-status"))
    return LEAF_DSN;
  if (bb_mime_type_is (ct, "message", "feedback-report"))
    return LEAF_FEEDBACK;
  if (bb_mime_type_is (ct, "text", "rfc822-headers") || bb_mime_type_is (ct, "message", "rfc822-headers") ||
      bb_mime_type_is (ct, "message", "global-headers"))
    return LEAF_HEADERS;
  /* The attached original (bb_message_init() keeps it a leaf), or one
   * attached as a file (QQ Mail attaches "mail.eml", octet-stream). */
  if ((filename != NULL && g_str_has_suffix (filename, ".eml")) || is_attached_message (ct))
    return LEAF_ORIGINAL;
  if (attachment)
    return LEAF_SKIP;
  if (bb_mime_type_is (ct, "text", "plain"))
    return LEAF_TEXT;
  if (bb_mime_type_is (ct, "text", "html"))
    return skip_html ? LEAF_SKIP : LEAF_HTML;
  /* text/enriched, text/x-… and the like: read as plain text */
  if (bb_mime_type_is (ct, "text", "*") && filename == NULL)
    return LEAF_TEXT;
  return LEAF_SKIP;
}

/* A leaf's decoded text, where @role puts it (takes @text). */
static void
take_leaf_text (BbMessage *self,
                LeafRole   role,
                char      *text)
{
  g_autofree char *owned = text;

  switch (role)
    {
    case LEAF_DSN:
      append_text (self->dsn, text);
      break;
    case LEAF_FEEDBACK:
      append_text (self->feedback, text);
      break;
    case LEAF_HEADERS:
      {
        g_autofree char *block = g_strconcat (text, "\n\n", NULL);

        take_original (self, block, strlen (block), TRUE);
      }
      break;
    case LEAF_TEXT:
      append_text (self->text, text);
      break;
    case LEAF_HTML:
      {
        g_autofree char *plain = bb_text_html_to_text (text, strlen (text));

        append_text (self->text, plain);
      }
      break;
    case LEAF_SKIP:
    case LEAF_ORIGINAL:
    default:
      break;
    }
}

/* Counts a part; %FALSE past the limits. */
static gboolean
enter_part (BbMessage *self,
            guint      depth)
{
  if (depth > MAX_DEPTH || self->n_parts > MAX_PARTS)
    {
      self->too_deep = TRUE;
      return FALSE;
    }
  self->n_parts++;
  return TRUE;
}

static void
note_multipart (BbMessage        *self,
                const BbMimeType *ct)
{
  if (bb_mime_type_is (ct, "multipart", "report"))
    {
      const char *rt = bb_mime_type_get_parameter (ct, "report-type");

      self->is_report = TRUE;
      if (rt != NULL && self->report_type == NULL)
        self->report_type = bb_text_ascii_lower (rt, -1);
    }
}

static void
walk (BbMessage   *self,
      GMimeObject *object,
      guint        depth,
      gboolean     skip_html)
{
  GMimeContentType *ct = g_mime_object_get_content_type (object);
  BbMimeType        view;
  LeafRole          role;

  if (!enter_part (self, depth))
    return;
  bb_mime_type_init_for_gmime (&view, ct);

  if (GMIME_IS_MULTIPART (object))
    {
      GMimeMultipart *multipart = GMIME_MULTIPART (object);
      int             n = g_mime_multipart_get_count (multipart);
      gboolean        alt = type_is (ct, "multipart", "alternative") && alternative_has_plain (multipart);

      note_multipart (self, &view);
      for (int i = 0; i < n; i++)
        walk (self, g_mime_multipart_get_part (multipart, i), depth + 1, alt);
      /* Declared multipart, but no boundary ever comes: the body is plain
       * text that GMime kept as the prologue. */
      if (n == 0 && g_mime_multipart_get_prologue (multipart) != NULL)
        {
          const char      *prologue = g_mime_multipart_get_prologue (multipart);
          g_autofree char *text = bb_text_to_utf8 (prologue, strlen (prologue), NULL);
          append_text (self->text, text);
        }
      return;
    }

  if (GMIME_IS_MESSAGE_PART (object))
    {
      /* bb_message_init() not called: GMime parsed it, write it out */
      GMimeMessage *inner = g_mime_message_part_get_message (GMIME_MESSAGE_PART (object));

      if (inner != NULL)
        {
          g_autofree char *text = g_mime_object_to_string (GMIME_OBJECT (inner), NULL);
          take_original (self, text, strlen (text), FALSE);
        }
      return;
    }

  if (!GMIME_IS_PART (object))
    return;
  role = leaf_role (&view, g_mime_part_get_filename (GMIME_PART (object)), g_mime_object_get_disposition (object),
                    skip_html);
  if (role == LEAF_ORIGINAL)
    take_original_part (self, GMIME_PART (object));
  else if (role != LEAF_SKIP)
    take_leaf_text (self, role, bb_message_part_text (GMIME_PART (object), NULL));
}

/* walk() over a structure bb_mime_scan() found: the same reading, part
 * for part. */
static void
walk_scanned (BbMessage  *self,
              BbMimePart *part,
              guint       depth,
              gboolean    skip_html)
{
  const BbMimeType *ct = bb_mime_part_get_content_type (part);
  LeafRole          role;

  if (!enter_part (self, depth))
    return;

  if (bb_mime_part_is_multipart (part))
    {
      guint    n = bb_mime_part_get_n_children (part);
      gboolean alt = FALSE;

      if (bb_mime_type_is (ct, "multipart", "alternative"))
        for (guint i = 0; i < n && !alt; i++)
          alt = bb_mime_type_is (bb_mime_part_get_content_type (bb_mime_part_get_child (part, i)), "text", "plain");
      note_multipart (self, ct);
      for (guint i = 0; i < n; i++)
        walk_scanned (self, bb_mime_part_get_child (part, i), depth + 1, alt);
      return;
    }

  role = leaf_role (ct, bb_mime_part_get_filename (part), bb_mime_part_get_disposition (part), skip_html);
  if (role == LEAF_ORIGINAL)
    {
      g_autoptr (GByteArray) bytes = NULL;
      gsize       len = 0;
      const char *content = bb_mime_part_get_content (part, &len);

      if (self->original != NULL && !self->original_headers_only)
        return;
      g_clear_pointer (&self->original, bb_original_free);
      if (is_identity_encoding (bb_mime_part_get_encoding (part)))
        {
          /* read where it lies, in the notice's bytes */
          const char *base = g_bytes_get_data (self->bytes, NULL);

          self->original = bb_original_new_for_bytes (self->bytes, content - base, len, FALSE);
        }
      else
        {
          bytes = bb_mime_part_decode (part);
          self->original = bb_original_new ((const char *) bytes->data, bytes->len, FALSE);
        }
      self->original_headers_only = FALSE;
    }
  else if (role != LEAF_SKIP)
    take_leaf_text (self, role, bb_mime_part_text (part));
}

static gboolean
is_content_field (const char *name,
                  gsize       len)
{
  return len >= 8 && g_ascii_strncasecmp (name, "Content-", 8) == 0;
}

/**
 * bb_message_parse_body:
 * @block: the message's header block, plainly regular
 * @data: the whole message, @block's bytes first (the body is copied)
 *
 * The message's MIME tree: GMime is given only the Content-* fields and
 * the body, which is all GMime itself hands the body of a message it
 * parses (the other fields stay on the GMimeMessage), so the tree is the
 * same; the other fields are read by @block, and GMime builds no object
 * for them.
 *
 * Returns: (transfer full) (nullable): the top part, or %NULL: parse the
 *   whole message
 */
GMimeObject *
bb_message_parse_body (BbHeaderBlock *block,
                       const char    *data,
                       gsize          len)
{
  gsize       offset = bb_header_block_get_body_offset (block);
  guint       n = bb_header_block_get_n_fields (block);
  GByteArray *bytes;
  g_autoptr (GMimeStream) stream = NULL;
  g_autoptr (GMimeParser) parser = NULL;

  /* A block that runs to the end with no blank line after it is written
   * out differently by GMime when parsed whole: leave it to that. */
  if (!(offset >= 2 && data[offset - 1] == '\n' &&
        (data[offset - 2] == '\n' || (offset >= 3 && data[offset - 2] == '\r' && data[offset - 3] == '\n'))))
    return NULL;
  bytes = g_byte_array_sized_new (len - offset + 256);

  for (guint i = 0; i < n; i++)
    {
      gsize       name_len = 0, raw_len = 0;
      const char *name = bb_header_block_get_name (block, i, &name_len);
      const char *raw = bb_header_block_get_raw (block, i, &raw_len);

      if (!is_content_field (name, name_len))
        continue;
      g_byte_array_append (bytes, (const guint8 *) name, name_len);
      g_byte_array_append (bytes, (const guint8 *) ":", 1);
      g_byte_array_append (bytes, (const guint8 *) raw, raw_len);
      g_byte_array_append (bytes, (const guint8 *) "\n", 1);
    }
  g_byte_array_append (bytes, (const guint8 *) "\n", 1);
  g_byte_array_append (bytes, (const guint8 *) data + offset, len - offset);
  stream = g_mime_stream_mem_new_with_byte_array (bytes);
  parser = g_mime_parser_new_with_stream (stream);
  g_mime_parser_set_format (parser, GMIME_FORMAT_MESSAGE);
  return g_mime_parser_construct_part (parser, bb_message_parser_options ());
}

/**
 * bb_message_parse:
 *
 * Parses a notice, not yet walked (see bb_message_walk()).
 *
 * Returns: (transfer full) (nullable): the notice, or %NULL when GMime
 *   cannot read it as a message
 */
BbMessage *
bb_message_parse (const char *data,
                  gsize       len)
{
  return bb_message_parse_full (data, len, TRUE);
}

/**
 * bb_message_parse_full:
 * @scan: find a plainly regular structure with bb_mime_scan(); %FALSE
 *   leaves every structure to GMime (for tests: both read the same)
 *
 * As bb_message_parse_gbytes() on a copy of @data.
 *
 * Returns: (transfer full) (nullable): the notice
 */
BbMessage *
bb_message_parse_full (const char *data,
                       gsize       len,
                       gboolean    scan)
{
  g_autoptr (GBytes) bytes = g_bytes_new (data, data != NULL ? len : 0);

  return bb_message_parse_gbytes (bytes, scan);
}

/**
 * bb_message_parse_gbytes:
 * @bytes: the message; the notice keeps a reference, and its parts and
 *   the original it returns are read from it where they lie
 * @scan: as in bb_message_parse_full()
 *
 * Returns: (transfer full) (nullable): the notice, or %NULL when GMime
 *   cannot read it as a message
 */
BbMessage *
bb_message_parse_gbytes (GBytes  *bytes,
                         gboolean scan)
{
  gsize        len = 0;
  const char  *data = g_bytes_get_data (bytes, &len);
  g_autoptr (BbHeaderBlock) block = NULL;
  BbMimePart  *parts = NULL;
  GMimeObject *light_body = NULL;
  BbMessage   *self;

  if (data == NULL)
    data = "";
  block = bb_header_block_new (data, len);
  if (block != NULL && scan)
    parts = bb_mime_scan (block, data, len);
  if (block != NULL && parts == NULL)
    light_body = bb_message_parse_body (block, data, len);

  /* (should GMime ever refuse the body alone, it gets the whole message) */
  if (parts != NULL || light_body != NULL)
    {
      self = g_new0 (BbMessage, 1);
      self->headers = g_steal_pointer (&block);
      self->body = light_body;
      self->parts = parts;
      if (parts != NULL)
        self->bytes = g_bytes_ref (bytes);
    }
  else
    {
      GMimeMessage *message = bb_message_parse_bytes (data, len);
      GMimeObject  *body;

      if (message == NULL)
        return NULL;
      self = g_new0 (BbMessage, 1);
      self->message = message;
      body = g_mime_message_get_mime_part (message);
      self->body = body != NULL ? g_object_ref (body) : NULL;
    }
  self->text = g_string_new (NULL);
  self->dsn = g_string_new (NULL);
  self->feedback = g_string_new (NULL);
  return self;
}

/**
 * bb_message_walk:
 *
 * Reads the notice's parts: its text, its delivery-status fields, the
 * original it returns.
 */
void
bb_message_walk (BbMessage *self)
{
  if (self->parts != NULL)
    walk_scanned (self, self->parts, 0, FALSE);
  else if (self->body != NULL)
    walk (self, self->body, 0, FALSE);
}

/**
 * bb_message_get_header:
 *
 * As g_mime_object_get_header() on the notice's GMimeMessage: the first
 * field of that name, decoded; Content-* fields belong to the body, as in
 * GMime, and are not found here.
 */
const char *
bb_message_get_header (BbMessage  *self,
                       const char *name)
{
  if (self->headers == NULL)
    return g_mime_object_get_header (GMIME_OBJECT (self->message), name);
  if (is_content_field (name, strlen (name)))
    return NULL;
  return bb_header_block_get (self->headers, name);
}

/* Whether the notice has a field of that name (Content-* aside). */
gboolean
bb_message_has_header (BbMessage  *self,
                       const char *name)
{
  if (self->headers == NULL)
    return g_mime_header_list_contains (g_mime_object_get_header_list (GMIME_OBJECT (self->message)), name);
  return !is_content_field (name, strlen (name)) && bb_header_block_find (self->headers, name, FALSE) >= 0;
}

/**
 * bb_message_get_raw_values:
 *
 * Returns: (transfer full): the raw values of every field of that name,
 *   top to bottom (Content-* aside)
 */
GPtrArray *
bb_message_get_raw_values (BbMessage  *self,
                           const char *name)
{
  GPtrArray *values = g_ptr_array_new_with_free_func (g_free);
  gsize      len = strlen (name);

  if (self->headers == NULL)
    {
      GMimeHeaderList *headers = g_mime_object_get_header_list (GMIME_OBJECT (self->message));
      int              n = g_mime_header_list_get_count (headers);

      for (int i = 0; i < n; i++)
        {
          GMimeHeader *h = g_mime_header_list_get_header_at (headers, i);

          if (g_ascii_strcasecmp (g_mime_header_get_name (h), name) == 0 && g_mime_header_get_raw_value (h) != NULL)
            g_ptr_array_add (values, g_strdup (g_mime_header_get_raw_value (h)));
        }
      return values;
    }
  if (is_content_field (name, len))
    return values;
  for (guint i = 0; i < bb_header_block_get_n_fields (self->headers); i++)
    {
      gsize       name_len = 0, raw_len = 0;
      const char *field = bb_header_block_get_name (self->headers, i, &name_len);

      if (name_len == len && g_ascii_strncasecmp (field, name, len) == 0)
        {
          const char *raw = bb_header_block_get_raw (self->headers, i, &raw_len);
          g_ptr_array_add (values, g_strndup (raw, raw_len));
        }
    }
  return values;
}

/* As g_mime_message_get_subject(). */
const char *
bb_message_get_subject (BbMessage *self)
{
  return self->headers != NULL ? bb_header_block_get_subject (self->headers)
                               : g_mime_message_get_subject (self->message);
}

/* As g_mime_message_get_message_id(). */
const char *
bb_message_get_message_id (BbMessage *self)
{
  return self->headers != NULL ? bb_header_block_get_message_id (self->headers)
                               : g_mime_message_get_message_id (self->message);
}

/* As g_mime_message_get_from(). */
InternetAddressList *
bb_message_get_from (BbMessage *self)
{
  return self->headers != NULL ? bb_header_block_get_from (self->headers)
                               : g_mime_message_get_from (self->message);
}

/* As g_mime_message_get_to(). */
InternetAddressList *
bb_message_get_to (BbMessage *self)
{
  return self->headers != NULL ? bb_header_block_get_to (self->headers)
                               : g_mime_message_get_to (self->message);
}

void
bb_message_free (BbMessage *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->headers, bb_header_block_free);
  g_clear_object (&self->body);
  g_clear_pointer (&self->parts, bb_mime_part_free);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_clear_object (&self->message);
  g_clear_pointer (&self->original, bb_original_free);
  g_string_free (self->text, TRUE);
  g_string_free (self->dsn, TRUE);
  g_string_free (self->feedback, TRUE);
  g_free (self->report_type);
  g_free (self);
}

static gboolean
foreach_leaf (GMimeObject *object,
              BbLeafFunc   func,
              gpointer     data,
              guint        depth)
{
  if (depth > 16)
    return TRUE;
  if (GMIME_IS_MULTIPART (object))
    {
      int n = g_mime_multipart_get_count (GMIME_MULTIPART (object));

      for (int i = 0; i < n; i++)
        if (!foreach_leaf (g_mime_multipart_get_part (GMIME_MULTIPART (object), i), func, data, depth + 1))
          return FALSE;
      return TRUE;
    }
  if (GMIME_IS_PART (object))
    {
      GMimePart        *part = GMIME_PART (object);
      GMimeContentType *ct = g_mime_object_get_content_type (object);
      g_autofree char  *type = ct != NULL ? g_mime_content_type_get_mime_type (ct) : g_strdup ("application/octet-stream");

      return func (g_mime_part_get_filename (part), type, bb_message_part_size (part), g_mime_part_is_attachment (part),
                   data);
    }
  return TRUE;
}

/**
 * bb_message_foreach_leaf:
 *
 * Calls @func for each leaf part of GMime's tree (16 levels down at most),
 * until it returns %FALSE.
 */
void
bb_message_foreach_leaf (GMimeObject *object,
                         BbLeafFunc   func,
                         gpointer     data)
{
  foreach_leaf (object, func, data, 0);
}

/**
 * bb_message_collect_bodies:
 * @text: receives the text/plain bodies (not attachments)
 * @html: receives the text/html bodies
 * @max: stop once this much has been collected
 *
 * Decodes the readable bodies of a message or part.
 */
void
bb_message_collect_bodies (GMimeObject *object,
                           GString     *text,
                           GString     *html,
                           gsize        max,
                           guint        depth)
{
  GMimeContentType *ct;

  if (depth > 12 || text->len + html->len > max)
    return;
  if (GMIME_IS_MULTIPART (object))
    {
      int n = g_mime_multipart_get_count (GMIME_MULTIPART (object));

      for (int i = 0; i < n; i++)
        bb_message_collect_bodies (g_mime_multipart_get_part (GMIME_MULTIPART (object), i), text, html, max, depth + 1);
      return;
    }
  if (!GMIME_IS_PART (object) || g_mime_part_is_attachment (GMIME_PART (object)))
    return;
  ct = g_mime_object_get_content_type (object);
  if (ct != NULL && g_mime_content_type_is_type (ct, "text", "html"))
    {
      g_autofree char *s = bb_message_part_text (GMIME_PART (object), NULL);
      g_string_append (html, s);
    }
  else if (ct == NULL || g_mime_content_type_is_type (ct, "text", "*"))
    {
      g_autofree char *s = bb_message_part_text (GMIME_PART (object), NULL);
      g_string_append (text, s);
      g_string_append_c (text, '\n');
    }
}

/**
 * bb_message_body_text:
 * @max: at most this many bytes (cut on a character boundary)
 *
 * Returns: (transfer full): the message's text (its plain-text body, or
 *   its HTML turned into text), trimmed
 */
char *
bb_message_body_text (GMimeObject *body,
                      gsize        max)
{
  g_autoptr (GString) text = g_string_new (NULL);
  g_autoptr (GString) html = g_string_new (NULL);
  char        *out;

  if (body != NULL)
    bb_message_collect_bodies (body, text, html, max, 0);
  if (text->len == 0 && html->len > 0)
    out = bb_text_html_to_text (html->str, html->len);
  else
    out = g_strdup (text->str);
  if (strlen (out) > max)
    {
      gsize cut = max;

      while (cut > 0 && ((guchar) out[cut] & 0xc0) == 0x80)
        cut--;
      out[cut] = '\0';
    }
  return g_strstrip (out);
}
