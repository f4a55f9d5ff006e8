/* bb-mime-scan.h - a notice's MIME structure, found the way GMime's parser
 * finds it, without GMime's objects for what the analysis never reads
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gmime/gmime.h>

#include "bb-header-block.h"

G_BEGIN_DECLS

typedef struct _BbMimePart BbMimePart;

/* Called for each leaf part: its file name, its "type/subtype", its
 * decoded size (estimated, see bb_message_part_size()), whether it is an
 * attachment.  Returns %FALSE to stop. */
typedef gboolean (*BbLeafFunc) (const char *filename,
                                const char *mime_type,
                                gsize       size,
                                gboolean    attachment,
                                gpointer    data);

#define BB_MIME_MAX_PARAMS 8

/* A Content-Type (or Content-Disposition: @subtype %NULL) value, read
 * here when it is plain, else by GMime (@gmime_type, @gmime_disposition). */
typedef struct
{
  GMimeContentType        *gmime_type;
  GMimeContentDisposition *gmime_disposition;
  char                    *buffer;
  const char              *type;
  const char              *subtype;
  guint                    n_params;
  const char              *names[BB_MIME_MAX_PARAMS];
  const char              *values[BB_MIME_MAX_PARAMS];
} BbMimeType;

gboolean             bb_mime_type_read               (BbMimeType       *self,
                                                      const char       *value,
                                                      gboolean          is_disposition);
void                 bb_mime_type_clear              (BbMimeType       *self);
void                 bb_mime_type_init_for_gmime     (BbMimeType       *self,
                                                      GMimeContentType *content_type);
gboolean             bb_mime_type_is                 (const BbMimeType *self,
                                                      const char       *type,
                                                      const char       *subtype);
const char          *bb_mime_type_get_parameter      (const BbMimeType *self,
                                                      const char       *name);
const char          *bb_mime_type_get_disposition    (const BbMimeType *self);
char                *bb_mime_type_to_string          (const BbMimeType *self);

BbMimePart          *bb_mime_scan                    (BbHeaderBlock *block,
                                                      const char    *data,
                                                      gsize          len);
void                 bb_mime_part_free               (BbMimePart *self);

gboolean             bb_mime_part_is_multipart       (BbMimePart *self);
guint                bb_mime_part_get_n_children     (BbMimePart *self);
BbMimePart          *bb_mime_part_get_child          (BbMimePart *self,
                                                      guint       i);
const BbMimeType    *bb_mime_part_get_content_type   (BbMimePart *self);
const char          *bb_mime_part_get_disposition    (BbMimePart *self);
const char          *bb_mime_part_get_filename       (BbMimePart *self);
GMimeContentEncoding bb_mime_part_get_encoding       (BbMimePart *self);
const char          *bb_mime_part_get_content        (BbMimePart *self,
                                                      gsize      *len);
GByteArray          *bb_mime_part_decode             (BbMimePart *self);
char                *bb_mime_part_text               (BbMimePart *self);
void                 bb_mime_part_foreach_leaf       (BbMimePart *self,
                                                      BbLeafFunc  func,
                                                      gpointer    data);
void                 bb_mime_part_collect_bodies     (BbMimePart *self,
                                                      GString    *text,
                                                      GString    *html,
                                                      gsize       max);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BbMimePart, bb_mime_part_free)

G_END_DECLS
