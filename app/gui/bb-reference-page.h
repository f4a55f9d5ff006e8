/* bb-reference-page.h - the cheat-sheet: every status code, reply code and
 * reason the app knows, searchable, and exportable to CSV or Excel
 *
 * Copyright 2026 The Bounceback authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define BB_TYPE_REFERENCE_PAGE (bb_reference_page_get_type ())

G_DECLARE_FINAL_TYPE (BbReferencePage, bb_reference_page, BB, REFERENCE_PAGE, AdwBin)

GtkWidget  *bb_reference_page_new         (void);
const char *bb_reference_page_get_query   (BbReferencePage *self);
void        bb_reference_page_set_query   (BbReferencePage *self,
                                           const char      *query);
GListModel *bb_reference_page_get_results (BbReferencePage *self);

G_END_DECLS
