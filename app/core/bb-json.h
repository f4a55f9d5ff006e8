/* bb-json.h - the CLI's JSON Lines contract
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bb-bounce.h"

G_BEGIN_DECLS

void  bb_json_append_string (GString    *out,
                             const char *value);
void  bb_json_key           (GString    *out,
                             const char *name);
void  bb_json_member_string (GString    *out,
                             const char *name,
                             const char *value);
void  bb_json_member_bool   (GString    *out,
                             const char *name,
                             gboolean    value);
void  bb_json_member_strv   (GString           *out,
                             const char        *name,
                             const char *const *values);
/**
 * BbJsonFlags:
 * @BB_JSON_EXPLAIN: add the translated texts (headline, explanation,
 *   numbered steps, code meanings); without it the object holds the
 *   machine-readable facts only
 */
typedef enum
{
  BB_JSON_NONE = 0,
  BB_JSON_EXPLAIN = 1 << 0,
} BbJsonFlags;

void  bb_json_write_bounce  (GString  *out,
                             BbBounce *bounce);
void  bb_json_write_bounce_with_flags (GString     *out,
                                       BbBounce    *bounce,
                                       BbJsonFlags  flags);

G_END_DECLS
