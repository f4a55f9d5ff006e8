/* bb-typo.h - "did you mean …?" for misspelt mail domains
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *bb_typo_suggest_domain  (const char *domain);
char *bb_typo_suggest_address (const char *address);
char *bb_typo_normalize_address (const char *address);
char *bb_typo_suggest_address_known (const char        *address,
                                     const char *const *known_domains);

G_END_DECLS
