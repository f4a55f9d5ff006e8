/* bb-original.h - the returned original: its header fields read straight
 * from its bytes, GMime's whole tree only when something needs it
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gmime/gmime.h>

#include "bb-mime-scan.h"

G_BEGIN_DECLS

typedef struct _BbOriginal BbOriginal;

BbOriginal          *bb_original_new             (const char *data,
                                                  gsize       len,
                                                  gboolean    headers_only);
BbOriginal          *bb_original_new_for_stream  (GMimeStream *stream,
                                                  gboolean     headers_only);
BbOriginal          *bb_original_new_for_bytes   (GBytes     *bytes,
                                                  gsize       offset,
                                                  gsize       len,
                                                  gboolean    headers_only);
void                 bb_original_free            (BbOriginal *self);

gboolean             bb_original_is_headers_only (BbOriginal *self);
gboolean             bb_original_is_light        (BbOriginal *self);
const char          *bb_original_get_data        (BbOriginal *self,
                                                  gsize      *len);

const char          *bb_original_get_subject     (BbOriginal *self);
const char          *bb_original_get_message_id  (BbOriginal *self);
const char          *bb_original_get_header      (BbOriginal *self,
                                                  const char *name);
InternetAddressList *bb_original_get_from        (BbOriginal *self);
InternetAddressList *bb_original_get_to          (BbOriginal *self);

gboolean             bb_original_get_single_part (BbOriginal *self,
                                                  gsize      *size);
GMimeMessage        *bb_original_get_message     (BbOriginal *self);
GMimeObject         *bb_original_get_body        (BbOriginal *self);
BbMimePart          *bb_original_get_parts       (BbOriginal *self);
void                 bb_original_foreach_leaf    (BbOriginal *self,
                                                  BbLeafFunc  func,
                                                  gpointer    data);
void                 bb_original_collect_bodies  (BbOriginal *self,
                                                  GString    *text,
                                                  GString    *html,
                                                  gsize       max);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BbOriginal, bb_original_free)

G_END_DECLS
