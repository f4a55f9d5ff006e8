/* bb-message.h - walk a parsed message and pull out what the classifier
 * reads: the notice's text, the delivery-status fields, the original
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gmime/gmime.h>

#include "bb-header-block.h"
#include "bb-mime-scan.h"
#include "bb-original.h"

G_BEGIN_DECLS

typedef struct
{
  /* The notice's header fields: read from its plainly regular header block
   * (@headers), or else from GMime's whole message (@message). */
  BbHeaderBlock *headers;
  GMimeMessage *message;
  GMimeObject  *body;       /* GMime's MIME tree (owned), or NULL when */
  BbMimePart   *parts;      /* the structure was plainly regular */
  GBytes       *bytes;      /* the message, which @parts point into */
  GString      *text;       /* its human-readable text, UTF-8 */
  GString      *dsn;        /* delivery-status bodies, concatenated */
  GString      *feedback;   /* message/feedback-report body */
  BbOriginal   *original;   /* the returned original (owned), or NULL */
  gboolean      original_headers_only;
  gboolean      is_report;
  char         *report_type; /* lower case */
  guint         n_parts;
  gboolean      too_deep;
} BbMessage;

void          bb_message_init        (void);
GMimeParserOptions *bb_message_parser_options_new (void);
GMimeParserOptions *bb_message_parser_options (void);
GMimeMessage *bb_message_parse_bytes (const char *data,
                                      gsize       len);
GMimeMessage *bb_message_parse_attached (const char *data,
                                         gsize       len);
GMimeMessage *bb_message_parse_attached_stream (GMimeStream *stream,
                                                gboolean     regular);
GMimeObject  *bb_message_parse_body  (BbHeaderBlock *block,
                                      const char    *data,
                                      gsize          len);
BbMessage    *bb_message_parse       (const char   *data,
                                      gsize         len);
BbMessage    *bb_message_parse_full  (const char   *data,
                                      gsize         len,
                                      gboolean      scan);
BbMessage    *bb_message_parse_gbytes (GBytes      *bytes,
                                       gboolean     scan);
void          bb_message_walk        (BbMessage    *self);
const char   *bb_message_get_header  (BbMessage    *self,
                                      const char   *name);
gboolean      bb_message_has_header  (BbMessage    *self,
                                      const char   *name);
GPtrArray    *bb_message_get_raw_values (BbMessage  *self,
                                         const char *name);
const char   *bb_message_get_subject (BbMessage    *self);
const char   *bb_message_get_message_id (BbMessage *self);
InternetAddressList *bb_message_get_from (BbMessage *self);
InternetAddressList *bb_message_get_to (BbMessage   *self);
void          bb_message_free        (BbMessage *self);
const char   *bb_message_stream_data (GMimeStream *stream,
                                      gsize       *len);
char         *bb_message_part_text   (GMimePart *part,
                                      gsize     *raw_size);
gsize         bb_message_part_size   (GMimePart *part);
void          bb_message_foreach_leaf (GMimeObject *object,
                                       BbLeafFunc   func,
                                       gpointer     data);
void          bb_message_collect_bodies (GMimeObject *object,
                                         GString     *text,
                                         GString     *html,
                                         gsize        max,
                                         guint        depth);
char         *bb_message_body_text   (GMimeObject  *body,
                                      gsize         max);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BbMessage, bb_message_free)

G_END_DECLS
