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

BbMimePart          *bb_mime_scan                    (BbHeaderBlock *block,
                                                      const char    *data,
                                                      gsize          len);
void                 bb_mime_part_free               (BbMimePart *self);

gboolean             bb_mime_part_is_multipart       (BbMimePart *self);
guint                bb_mime_part_get_n_children     (BbMimePart *self);
BbMimePart          *bb_mime_part_get_child          (BbMimePart *self,
                                                      guint       i);
GMimeContentType    *bb_mime_part_get_content_type   (BbMimePart *self);
const char          *bb_mime_part_get_disposition    (BbMimePart *self);
const char          *bb_mime_part_get_filename       (BbMimePart *self);
GMimeContentEncoding bb_mime_part_get_encoding       (BbMimePart *self);
const char          *bb_mime_part_get_content        (BbMimePart *self,
                                                      gsize      *len);
GByteArray          *bb_mime_part_decode             (BbMimePart *self);
char                *bb_mime_part_text               (BbMimePart *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BbMimePart, bb_mime_part_free)

G_END_DECLS
