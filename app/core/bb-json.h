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
void  bb_json_write_bounce  (GString  *out,
                             BbBounce *bounce);

G_END_DECLS
