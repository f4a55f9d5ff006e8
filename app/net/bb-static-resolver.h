/* bb-static-resolver.h - a GResolver that answers from a table
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define BB_TYPE_STATIC_RESOLVER (bb_static_resolver_get_type ())

G_DECLARE_FINAL_TYPE (BbStaticResolver, bb_static_resolver, BB, STATIC_RESOLVER, GResolver)

GResolver *bb_static_resolver_new_from_text (const char       *text);
GResolver *bb_resolver_for_environment      (GError          **error);
void       bb_static_resolver_add           (BbStaticResolver *self,
                                             const char       *type,
                                             const char       *name,
                                             const char       *value);

G_END_DECLS
