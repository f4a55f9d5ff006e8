/* bb-reason-patterns.h - the phrases servers use, per bounce reason
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * bb_reason_phrases:
 * @reason: a Sisimai v5 reason name ("userunknown", "mailboxfull", …)
 *
 * The phrases that, found in a server's reply, point to @reason.  Each is
 * lower-case ASCII (or UTF-8 for non-English phrases); a '*' inside a phrase
 * stands for any run of at most 60 characters (the pieces must appear in
 * order).  Leading/trailing '*' are not used.  Matching is done on the
 * lower-cased diagnostic with all white space collapsed to single spaces.
 *
 * Returns: (transfer none) (array zero-terminated=1) (nullable): the
 *   phrases, or %NULL for an unknown reason
 */
const char * const *bb_reason_phrases    (const char *reason);
guint               bb_reason_count      (void);
const char         *bb_reason_name_at    (guint index);
const char * const *bb_reason_phrases_at (guint index);

G_END_DECLS
