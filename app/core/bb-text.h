/* bb-text.h - small text helpers for the analyser (no allocation in the
 * scanning helpers; all strings are UTF-8 or ASCII-compatible)
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char       *bb_text_to_utf8          (const char *data,
                                      gsize       len,
                                      const char *charset);
char       *bb_text_html_to_text     (const char *html,
                                      gsize       len);
gboolean    bb_text_has_high_bytes   (const char *data,
                                      gsize       len);
char       *bb_text_collapse         (const char *text,
                                      gssize      len);
char       *bb_text_ascii_lower      (const char *str,
                                      gssize      len);
const char *bb_text_find_status      (const char *text,
                                      const char *end,
                                      char        out[16]);
const char *bb_text_find_reply_code  (const char *text,
                                      const char *end,
                                      char        out[4]);
gboolean    bb_text_is_status        (const char *text);
char       *bb_text_find_address     (const char *text,
                                      const char *end,
                                      const char **found_at);
char       *bb_text_clean_address    (const char *text);
gboolean    bb_text_looks_binary     (const char *data,
                                      gsize       len);
char       *bb_text_normalize_newlines (const char *data,
                                        gsize       len,
                                        gsize      *out_len);
const char *bb_text_find_ci          (const char *haystack,
                                      const char *needle);
const char *bb_text_find_ci_len      (const char *haystack,
                                      gsize       len,
                                      const char *needle);
const char *bb_text_memmem           (const char *haystack,
                                      gsize       haystack_len,
                                      const char *needle);
gboolean    bb_text_has_prefix_ci    (const char *text,
                                      const char *prefix);
void        bb_text_pin_converters   (void);

G_END_DECLS
