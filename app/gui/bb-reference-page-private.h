/* bb-reference-page-private.h - what the tests use inside the cheat-sheet
 * page
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bb-reference-page.h"

G_BEGIN_DECLS

void     _bb_reference_page_export_file  (BbReferencePage *self,
                                          GFile           *file,
                                          gboolean         csv_chosen);
gboolean _bb_reference_page_is_exporting (BbReferencePage *self);
char    *_bb_reference_page_dup_toast    (BbReferencePage *self);

G_END_DECLS
