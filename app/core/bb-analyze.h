/* bb-analyze.h - turn the bytes of one message (or a pasted fragment) into
 * an explained diagnosis
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "bb-bounce.h"

G_BEGIN_DECLS

/**
 * bb_analyze_bytes:
 * @data: the raw bytes of one message, or of a pasted fragment of one
 * @source: a label for the result (usually the path as given)
 *
 * Never fails: unreadable input gives a #BbBounce of kind
 * %BB_KIND_UNREADABLE with an error message.  Thread-safe; holds no
 * global state.  g_mime_init() must have been called once.
 *
 * Returns: (transfer full): the analysis
 */
BbBounce *bb_analyze_bytes (GBytes     *data,
                            const char *source);

/**
 * BbAnalyzeFlags:
 * @BB_ANALYZE_ORIGINAL_TEXT: also keep the returned original's text
 *   (bb_bounce_get_original_text()), for resend drafts; costs a decode
 */
typedef enum
{
  BB_ANALYZE_DEFAULT = 0,
  BB_ANALYZE_ORIGINAL_TEXT = 1 << 0,
} BbAnalyzeFlags;

BbBounce *bb_analyze_bytes_with_flags (GBytes         *data,
                                       const char     *source,
                                       BbAnalyzeFlags  flags);

/**
 * bb_analyze_text:
 * @text: UTF-8 text pasted by the user (a whole message or a fragment)
 * @source: a label for the result
 *
 * Returns: (transfer full): the analysis
 */
BbBounce *bb_analyze_text  (const char *text,
                            const char *source);

G_END_DECLS
