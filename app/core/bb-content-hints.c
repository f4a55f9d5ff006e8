/* bb-content-hints.c - why a filter may have disliked the original
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bb-bounce-private.h"
#include "bb-content-hints-private.h"
#include "bb-gmime-private.h"


void
_bb_content_hints_compute (BbBounce     *bounce,
                           GMimeMessage *original,
                           const char   *notice)
{
}
