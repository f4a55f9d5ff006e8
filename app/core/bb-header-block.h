/* bb-header-block.h - a message's header block, split field by field and
 * read the way GMime reads it, without GMime's objects
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gmime/gmime.h>

G_BEGIN_DECLS

typedef struct _BbHeaderBlock BbHeaderBlock;

typedef void (*BbFieldFunc) (const char *name,
                             gsize       name_len,
                             const char *value,
                             gsize       value_len,
                             gpointer    user_data);

gsize                bb_header_block_foreach        (const char  *data,
                                                     gsize        len,
                                                     BbFieldFunc  func,
                                                     gpointer     user_data);
char                *bb_header_value_decode         (const char  *raw,
                                                     gsize        len);

BbHeaderBlock       *bb_header_block_new            (const char *data,
                                                     gsize       len);
void                 bb_header_block_free           (BbHeaderBlock *self);

gsize                bb_header_block_get_body_offset (BbHeaderBlock *self);
guint                bb_header_block_get_n_fields   (BbHeaderBlock *self);
const char          *bb_header_block_get_name       (BbHeaderBlock *self,
                                                     guint          i,
                                                     gsize         *len);
const char          *bb_header_block_get_raw        (BbHeaderBlock *self,
                                                     guint          i,
                                                     gsize         *len);
int                  bb_header_block_find           (BbHeaderBlock *self,
                                                     const char    *name,
                                                     gboolean       last);
guint                bb_header_block_count          (BbHeaderBlock *self,
                                                     const char    *name);

const char          *bb_header_block_get            (BbHeaderBlock *self,
                                                     const char    *name);
const char          *bb_header_block_get_subject    (BbHeaderBlock *self);
const char          *bb_header_block_get_message_id (BbHeaderBlock *self);
InternetAddressList *bb_header_block_get_from       (BbHeaderBlock *self);
InternetAddressList *bb_header_block_get_to         (BbHeaderBlock *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BbHeaderBlock, bb_header_block_free)

G_END_DECLS
