/* bb-content-hints-private.h - why a filter may have disliked the original
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gmime/gmime.h>

#include "bb-bounce.h"
#include "bb-original.h"

G_BEGIN_DECLS

void  _bb_content_hints_compute (BbBounce     *bounce,
                                 BbOriginal   *original,
                                 const char   *original_text);
gsize _bb_content_hints_size_limit (const char *diagnostic);

G_END_DECLS
